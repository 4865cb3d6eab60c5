//! sea-orm entities, one module per table; the schema itself comes from `migration`.
pub mod enums;
mod people;
mod records;
mod reference;
mod summaries;
mod supplier;
mod trade;

pub use people::{
    accounts, entitlements, identity_claims, login_attempts, one_time_codes, recipients, recovery_codes,
    representatives, sessions, throttle_counters,
};
pub use records::{audit_log, contact_profiles, drafts, ipr_imports, notifications, outbox_messages, reminders_sent};
pub use reference::{categories, ceilings, item_types, regions};
pub use summaries::{provision_periods, provision_summaries, supplier_scores};
pub use supplier::{supplier_api_keys, supplier_categories, supplier_documents, supplier_regions, suppliers};
pub use trade::{
    complaint_notes, complaints, offering_regions, offering_slots, offerings, order_events, orders, reviews,
};
