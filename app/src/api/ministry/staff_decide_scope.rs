use crate::error::AppError;
use leptos::prelude::*;

/// Accepts or refuses the regions and categories an approved supplier added, and shows it again.
#[server(prefix = "/api", endpoint = "staff_decide_scope")]
pub async fn staff_decide_scope(
    supplier_id: String,
    scope_decision: Option<String>,
    scope_reason: String,
) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = super::parse_id(&supplier_id)?;
    let decision = scope_decision.unwrap_or_default();
    let typed = [("scope_decision", decision.as_str()), ("scope_reason", scope_reason.as_str())];
    let parsed = crate::domain::ScopeDecision::from_code(decision.trim());
    let run = backend.staff_suppliers.decide_scope(&caller, id, parsed, &scope_reason);
    crate::api::typed::keeping_typed("staff_decide_scope", &typed, run).await?;
    let done = if parsed == Some(crate::domain::ScopeDecision::Accept) { "scope_accepted" } else { "scope_refused" };
    crate::api::go(&format!("{}/{id}?done={done}", crate::routes::STAFF_SUPPLIERS));
    Ok(())
}
