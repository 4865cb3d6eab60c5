use crate::error::AppError;
use leptos::prelude::*;

/// Disables (ending its sessions) or enables a staff account.
#[server(prefix = "/api", endpoint = "admin_set_staff_status")]
pub async fn admin_set_staff_status(account_id: String, action: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = super::parse_id(&account_id)?;
    let action = crate::domain::StaffAccountAction::from_code(action.trim());
    backend.staff_accounts.set_status(&caller, id, action).await?;
    let done =
        if action == Some(crate::domain::StaffAccountAction::Enable) { "staff_enabled" } else { "staff_disabled" };
    crate::api::go(&format!("{}?done={done}", crate::routes::ADMIN_STAFF));
    Ok(())
}
