//! Data loaded at start-up: reference data always (idempotent), demo data on request into an
//! empty database.
pub mod demo;
mod demo_names;
pub mod national;
pub mod reference;
