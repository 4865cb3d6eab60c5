use crate::dto::ministry::ComplaintList;
use crate::error::AppError;
use leptos::prelude::*;

/// Complaints in the caller's scope, overdue first.
#[server(prefix = "/api", endpoint = "staff_complaints")]
pub async fn staff_complaints(
    status: Option<String>,
    assigned: Option<String>,
    q: Option<String>,
    page: Option<String>,
) -> Result<ComplaintList, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let filter = crate::dto::ministry::ComplaintFilter {
        status: status.unwrap_or_default(),
        assigned: assigned.unwrap_or_default(),
        q: q.unwrap_or_default(),
        page: page.and_then(|p| p.parse().ok()).unwrap_or(1),
    };
    backend.complaints_desk.complaints(&caller, filter).await
}
