//! Building blocks shared by pages.
pub mod form;
pub mod layout;
pub mod me;
pub mod region_select;
pub mod supplier_fields;
