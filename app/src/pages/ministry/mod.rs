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
