use crate::error::AppError;
use leptos::prelude::*;

/// Clears a staff account's second factor after a lost phone; it sets up a new one at its next sign-in.
#[server(prefix = "/api", endpoint = "admin_reset_second_factor")]
pub async fn admin_reset_second_factor(account_id: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = super::parse_id(&account_id)?;
    backend.staff_accounts.reset_second_factor(&caller, id).await?;
    crate::api::go(&format!("{}?done=second_factor_reset", crate::routes::ADMIN_STAFF));
    Ok(())
}
