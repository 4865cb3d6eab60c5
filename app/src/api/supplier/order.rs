use crate::dto::supplier::SupplierOrderView;
use crate::error::AppError;
use leptos::prelude::*;

/// One order placed with the caller.
#[server(prefix = "/api", endpoint = "supplier_order")]
pub async fn supplier_order(id: i32) -> Result<SupplierOrderView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.supplier.orders.order(&caller, id).await
}
