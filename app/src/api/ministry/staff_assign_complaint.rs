use crate::error::AppError;
use leptos::prelude::*;

/// Assigns a complaint to an officer.
#[server(prefix = "/api", endpoint = "staff_assign_complaint")]
pub async fn staff_assign_complaint(complaint_id: String, complaint_officer: Option<String>) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = super::parse_id(&complaint_id)?;
    let officer = complaint_officer.unwrap_or_default();
    let run = backend.complaints_desk.assign(&caller, id, officer.trim().parse().ok());
    crate::api::typed::keeping_typed("staff_assign_complaint", &[("complaint_officer", officer.as_str())], run).await?;
    crate::api::go(&format!("{}/{id}?done=complaint_assigned", crate::routes::STAFF_COMPLAINTS));
    Ok(())
}
