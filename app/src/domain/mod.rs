//! Types that are valid by construction ("parse, don't validate"), shared by the browser and
//! the server. Each `parse` returns the stable error code the UI translates.
mod email;
mod enums;

mod money;
mod param_schema;
mod password;
mod supplier_decision;

pub use email::Email;
pub use enums::*;
pub mod iin;
pub use iin::{Bin, Iin, TaxId};
pub use money::{CoPayment, Money};
pub use param_schema::{Labels, Param, ParamKind, ParamOption, ParamSchema};
pub use password::Password;
pub use supplier_decision::SupplierDecision;
