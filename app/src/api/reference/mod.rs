//! Regions and categories.
pub mod categories;
pub mod regions;
