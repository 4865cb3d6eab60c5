use crate::dto::supplier::OfferingEditView;
use crate::error::AppError;
use leptos::prelude::*;

/// One of the caller's offerings, ready to edit.
#[server(prefix = "/api", endpoint = "supplier_offering")]
pub async fn supplier_offering(id: i32) -> Result<OfferingEditView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.supplier.offerings.get(&caller, id).await
}
