use crate::dto::ministry::StaffOfferingDetail;
use crate::error::AppError;
use leptos::prelude::*;

/// An offering as staff moderate it.
#[server(prefix = "/api", endpoint = "staff_offering")]
pub async fn staff_offering(id: String) -> Result<StaffOfferingDetail, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.staff_suppliers.offering(&caller, super::parse_id(&id)?).await
}
