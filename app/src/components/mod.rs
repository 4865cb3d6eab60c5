//! Building blocks shared by pages.
pub mod acting_for;
pub mod field;
pub mod form;
pub mod format;
pub mod guard;
pub mod layout;
pub mod loaded;
pub mod me;
pub mod page;
pub mod pager;
pub mod region_select;
pub mod status;
pub mod title;
pub mod url;
