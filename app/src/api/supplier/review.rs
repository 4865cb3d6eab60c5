use crate::dto::supplier::ReviewRow;
use crate::error::AppError;
use leptos::prelude::*;

/// One review of the caller's offerings.
#[server(prefix = "/api", endpoint = "supplier_review")]
pub async fn supplier_review(id: i32) -> Result<ReviewRow, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.supplier.quality.review(&caller, id).await
}
