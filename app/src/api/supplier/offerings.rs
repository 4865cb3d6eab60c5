use crate::dto::supplier::OfferingsView;
use crate::error::AppError;
use leptos::prelude::*;

/// One page of the caller's offerings, optionally of one status (the first page when `page`
/// is left out).
#[server(prefix = "/api", endpoint = "supplier_offerings")]
pub async fn supplier_offerings(status: String, page: Option<u32>) -> Result<OfferingsView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let status = crate::domain::OfferingStatus::from_code(status.trim());
    backend.supplier.offerings.list(&caller, status, page.unwrap_or(1)).await
}
