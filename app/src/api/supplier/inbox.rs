use crate::dto::supplier::InboxView;
use crate::error::AppError;
use leptos::prelude::*;

/// Incoming orders, filtered by status and deadline, overdue first.
#[server(prefix = "/api", endpoint = "supplier_inbox")]
pub async fn supplier_inbox(status: String, deadline: String) -> Result<InboxView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.supplier.orders.inbox(&caller, crate::ports::InboxFilter { status, deadline }).await
}
