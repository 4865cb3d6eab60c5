//! What the ministry's pages show: supplier approval, catalogue and ceilings, IPR imports,
//! the complaints desk, the provision dashboard and staff accounts.
mod catalogue;
mod complaints;
mod imports;
mod provision;
mod staff;
mod suppliers;

pub use catalogue::*;
pub use complaints::*;
pub use imports::*;
pub use provision::*;
pub use staff::*;
pub use suppliers::*;

pub use crate::dto::PageInfo;

/// `(value, text)` for a drop-down.
pub type Choice = (String, String);
