use crate::dto::supplier::OfferingsView;
use crate::error::AppError;
use leptos::prelude::*;

/// The caller's offerings, optionally of one status.
#[server(prefix = "/api", endpoint = "supplier_offerings")]
pub async fn supplier_offerings(status: String) -> Result<OfferingsView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.supplier.offerings.list(&caller, &status).await
}
