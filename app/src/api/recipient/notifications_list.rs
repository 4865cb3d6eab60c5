use crate::dto::orders::NotificationsView;
use crate::error::AppError;
use leptos::prelude::*;

/// One page of the account's notifications, newest first (the first page when `page` is
/// left out).
#[server(prefix = "/api", endpoint = "notifications_list")]
pub async fn notifications_list(page: Option<u32>) -> Result<NotificationsView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.notifications.list(&caller, page.unwrap_or(1)).await
}
