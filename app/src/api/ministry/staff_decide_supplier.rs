use crate::error::AppError;
use leptos::prelude::*;

/// Records a decision about a supplier and shows its profile again.
#[server(prefix = "/api", endpoint = "staff_decide_supplier")]
pub async fn staff_decide_supplier(
    supplier_id: String,
    supplier_decision: Option<String>,
    decision_reason: String,
) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = super::parse_id(&supplier_id)?;
    let decision = supplier_decision.unwrap_or_default();
    let typed = [("supplier_decision", decision.as_str()), ("decision_reason", decision_reason.as_str())];
    let parsed = crate::domain::SupplierDecision::from_code(decision.trim());
    let run = backend.staff_suppliers.decide(&caller, id, parsed, &decision_reason);
    crate::api::typed::keeping_typed("staff_decide_supplier", &typed, run).await?;
    // Taken, so it parsed: the banner's code is the decision's own, never the raw input.
    let done = parsed.map(|d| d.code()).unwrap_or_default();
    crate::api::go(&format!("{}/{id}?done=supplier_{done}", crate::routes::STAFF_SUPPLIERS));
    Ok(())
}
