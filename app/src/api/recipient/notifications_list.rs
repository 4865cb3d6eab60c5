use crate::dto::orders::NotificationView;
use crate::error::AppError;
use leptos::prelude::*;

/// The account's notifications, newest first.
#[server(prefix = "/api", endpoint = "notifications_list")]
pub async fn notifications_list() -> Result<Vec<NotificationView>, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.notifications.list(&caller).await
}
