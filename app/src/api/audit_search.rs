use crate::dto::AuditEntryView;
use crate::error::AppError;
use leptos::prelude::*;

/// Searches the audit log (ministry staff only): words, action, actor, dates, and `before`
/// (an entry id) for the next page.
#[server(prefix = "/api", endpoint = "audit_search")]
pub async fn audit_search(
    query: String,
    action: Option<String>,
    actor: Option<String>,
    from: Option<String>,
    to: Option<String>,
    before: Option<String>,
) -> Result<Vec<AuditEntryView>, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let filter = crate::dto::AuditFilter {
        q: query,
        action: action.unwrap_or_default(),
        actor: actor.unwrap_or_default(),
        from: from.unwrap_or_default(),
        to: to.unwrap_or_default(),
        before: before.and_then(|b| b.parse().ok()),
    };
    backend.audit.search(&caller, filter).await
}
