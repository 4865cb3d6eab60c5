//! Types that are valid by construction ("parse, don't validate"), shared by the browser and
//! the server. Each `parse` returns the stable error code the UI translates.
mod code;
mod email;
mod enums;

mod money;
mod order_details;
mod param_schema;
mod password;
mod supplier_decision;

pub use code::{Code, DraftKey, OrderKey, ReportKey};
pub use email::Email;
pub use enums::*;
pub mod iin;
pub use iin::{Bin, Iin, TaxId};
pub use money::{CoPayment, Money};
pub use order_details::{DetailLine, OrderDetails, OrderRequest, Rendered, Session, WeekHours};
pub use param_schema::{Labels, Param, ParamKind, ParamOption, ParamSchema};
pub use password::Password;
pub use supplier_decision::SupplierDecision;
