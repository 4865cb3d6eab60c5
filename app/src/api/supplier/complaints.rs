use crate::dto::supplier::SupplierComplaintsView;
use crate::error::AppError;
use leptos::prelude::*;

/// One page of the complaints about the caller's orders, unanswered first (the first page
/// when `page` is left out).
#[server(prefix = "/api", endpoint = "supplier_complaints")]
pub async fn supplier_complaints(page: Option<u32>) -> Result<SupplierComplaintsView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.supplier.orders.complaints(&caller, page.unwrap_or(1)).await
}
