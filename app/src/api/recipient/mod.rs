//! The recipient journey's server functions.
pub mod catalogue_search;
pub mod entitlements_list;
pub mod notifications_list;
pub mod notifications_read;
pub mod offering_get;
pub mod order_cancel;
pub mod order_check;
pub mod order_confirm;
pub mod order_get;
pub mod order_receive;
pub mod order_report;
pub mod order_review;
pub mod order_save;
pub mod order_start;
pub mod orders_list;

/// `?for=<id>` for links and redirects when a representative acts for someone.
pub fn for_query(for_recipient: &str) -> String {
    match for_recipient.trim().parse::<i32>() {
        Ok(id) => format!("?for={id}"),
        Err(_) => String::new(),
    }
}

/// The order id posted by a form.
#[cfg(feature = "ssr")]
pub(crate) fn order_id(raw: &str) -> Result<i32, crate::error::AppError> {
    raw.trim().parse().map_err(|_| crate::error::AppError::NotFound)
}
