use crate::dto::ministry::SupplierDetail;
use crate::error::AppError;
use leptos::prelude::*;

/// A supplier's profile, documents, offerings and decisions, for staff.
#[server(prefix = "/api", endpoint = "staff_supplier")]
pub async fn staff_supplier(id: String) -> Result<SupplierDetail, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.staff_suppliers.supplier(&caller, super::parse_id(&id)?).await
}
