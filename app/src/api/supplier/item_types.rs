use crate::dto::supplier::ItemTypeChoice;
use crate::error::AppError;
use leptos::prelude::*;

/// Item types the caller may offer, with their guaranteed sums.
#[server(prefix = "/api", endpoint = "supplier_item_types")]
pub async fn supplier_item_types() -> Result<Vec<ItemTypeChoice>, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.supplier.offerings.item_types(&caller).await
}
