//! Building blocks shared by pages.
pub mod acting_for;
pub mod form;
pub mod guard;
pub mod layout;
pub mod loaded;
pub mod me;
pub mod pager;
pub mod region_select;
pub mod staff;
pub mod supplier_fields;
pub mod title;
