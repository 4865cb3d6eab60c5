use crate::dto::ministry::SupplierDetail;
use crate::error::AppError;
use leptos::prelude::*;

/// A supplier's profile, documents, one page of its offerings (the first when `page` is left
/// out) and decisions, for staff.
#[server(prefix = "/api", endpoint = "staff_supplier")]
pub async fn staff_supplier(id: String, page: Option<u32>) -> Result<SupplierDetail, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.staff_suppliers.supplier(&caller, super::parse_id(&id)?, page.unwrap_or(1)).await
}
