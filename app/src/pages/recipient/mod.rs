//! The recipient journey's pages.
pub mod catalogue;
pub mod catalogue_filters;
pub mod entitlements;
pub mod notifications;
pub mod offering;
pub mod order;
pub mod order_actions;
pub mod order_check;
pub mod order_fields;
pub mod order_start;
pub mod orders;

/// `?for=<id>` (or nothing) for links of a representative.
pub fn for_suffix(for_recipient: Option<i32>, first: bool) -> String {
    match for_recipient {
        Some(id) if first => format!("?for={id}"),
        Some(id) => format!("&for={id}"),
        None => String::new(),
    }
}
