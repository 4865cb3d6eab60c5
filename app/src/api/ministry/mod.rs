//! The ministry's server functions: supplier approval, offering moderation, catalogue and
//! ceilings, import reports, the complaints desk, the provision dashboard and staff accounts.
pub mod admin_create_staff;
pub mod admin_reset_second_factor;
pub mod admin_set_staff_status;
pub mod admin_staff_accounts;
pub mod staff_add_category;
pub mod staff_add_ceiling;
pub mod staff_add_complaint_note;
pub mod staff_assign_complaint;
pub mod staff_catalogue;
pub mod staff_close_complaint;
pub mod staff_complaint;
pub mod staff_complaints;
pub mod staff_decide_scope;
pub mod staff_decide_supplier;
pub mod staff_import;
pub mod staff_imports;
pub mod staff_item_type;
pub mod staff_letters;
pub mod staff_moderate_offering;
pub mod staff_offering;
pub mod staff_provision;
pub mod staff_save_item_type;
pub mod staff_supplier;
pub mod staff_supplier_queue;

/// An id from a URL or a hidden field; anything else is simply not found.
pub fn parse_id(raw: &str) -> Result<i32, crate::error::AppError> {
    crate::api::parse_id(raw)
}
