use crate::dto::supplier::InboxView;
use crate::error::AppError;
use leptos::prelude::*;

/// One page of the incoming orders, filtered by status and deadline, overdue first (the
/// first page when `page` is left out).
#[server(prefix = "/api", endpoint = "supplier_inbox")]
pub async fn supplier_inbox(status: String, deadline: String, page: Option<u32>) -> Result<InboxView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend
        .supplier
        .orders
        .inbox(&caller, crate::ports::InboxFilter { status, deadline, page: page.unwrap_or(1) })
        .await
}
