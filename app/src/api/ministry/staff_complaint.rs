use crate::dto::ministry::ComplaintDetail;
use crate::error::AppError;
use leptos::prelude::*;

/// One complaint with the recipient's details (the view is recorded in the audit log).
#[server(prefix = "/api", endpoint = "staff_complaint")]
pub async fn staff_complaint(id: String) -> Result<ComplaintDetail, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.complaints_desk.complaint(&caller, super::parse_id(&id)?).await
}
