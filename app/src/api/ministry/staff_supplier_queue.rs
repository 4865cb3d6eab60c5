use crate::dto::ministry::SupplierQueue;
use crate::error::AppError;
use leptos::prelude::*;

/// Suppliers in one status (pending by default), oldest application first.
#[server(prefix = "/api", endpoint = "staff_supplier_queue")]
pub async fn staff_supplier_queue(
    status: Option<String>,
    q: Option<String>,
    region: Option<String>,
    page: Option<String>,
) -> Result<SupplierQueue, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let filter = crate::dto::ministry::SupplierQueueFilter {
        status: status.as_deref().and_then(crate::domain::SupplierStatus::from_code),
        q: q.unwrap_or_default(),
        region,
        page: page.and_then(|p| p.parse().ok()).unwrap_or(1),
    };
    backend.staff_suppliers.queue(&caller, filter).await
}
