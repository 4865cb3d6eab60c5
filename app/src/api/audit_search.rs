use crate::dto::AuditEntryView;
use crate::error::AppError;
use leptos::prelude::*;

/// Searches the audit log (ministry staff only).
#[server(prefix = "/api", endpoint = "audit_search")]
pub async fn audit_search(query: String) -> Result<Vec<AuditEntryView>, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.audit.search(&caller, &query).await
}
