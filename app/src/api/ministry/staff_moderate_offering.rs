use crate::error::AppError;
use leptos::prelude::*;

/// Blocks an offering or lets its supplier publish it again, with a reason.
#[server(prefix = "/api", endpoint = "staff_moderate_offering")]
pub async fn staff_moderate_offering(
    offering_id: String,
    offering_action: Option<String>,
    moderation_reason: String,
) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = super::parse_id(&offering_id)?;
    let action = offering_action.unwrap_or_default();
    let typed = [("offering_action", action.as_str()), ("moderation_reason", moderation_reason.as_str())];
    let parsed = crate::domain::OfferingAction::from_code(action.trim());
    let run = backend.staff_suppliers.moderate_offering(&caller, id, parsed, &moderation_reason);
    crate::api::typed::keeping_typed("staff_moderate_offering", &typed, run).await?;
    // Taken, so it parsed: the banner's code is the action's own, never the raw input.
    let done = parsed.map(|a| a.code()).unwrap_or_default();
    crate::api::go(&format!("{}/{id}?done=offering_{done}ed", crate::routes::STAFF_OFFERINGS));
    Ok(())
}
