use crate::dto::supplier::ComplaintRow;
use crate::error::AppError;
use leptos::prelude::*;

/// Complaints about the caller's orders, open first.
#[server(prefix = "/api", endpoint = "supplier_complaints")]
pub async fn supplier_complaints() -> Result<Vec<ComplaintRow>, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.supplier.orders.complaints(&caller).await
}
