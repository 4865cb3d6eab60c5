//! The ministry's pages: supplier approval, offering moderation, catalogue and ceilings,
//! IPR imports, the complaints desk, the provision dashboard, and staff accounts (admins).
pub mod catalogue;
pub mod complaint;
pub mod complaints;
pub mod import_report;
pub mod imports;
pub mod item_type;
pub mod letters;
pub mod new_item_type;
pub mod offering;
pub mod provision;
pub mod provision_chart;
pub mod staff_accounts;
pub mod supplier;
pub mod suppliers;

use crate::domain::{OfferingStatus, SupplierStatus};

/// The tag tone of a supplier status.
pub fn supplier_tone(s: SupplierStatus) -> &'static str {
    match s {
        SupplierStatus::Approved => "green",
        SupplierStatus::Pending | SupplierStatus::Draft => "yellow",
        _ => "red",
    }
}

/// The tag tone of an offering status.
pub fn offering_tone(s: OfferingStatus) -> &'static str {
    match s {
        OfferingStatus::Published => "green",
        OfferingStatus::Draft | OfferingStatus::Withdrawn => "",
        OfferingStatus::Blocked => "red",
    }
}
