use crate::dto::supplier::ComplaintRow;
use crate::error::AppError;
use leptos::prelude::*;

/// One complaint about the caller's orders.
#[server(prefix = "/api", endpoint = "supplier_complaint")]
pub async fn supplier_complaint(id: i32) -> Result<ComplaintRow, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.supplier.orders.complaint(&caller, id).await
}
