use crate::error::AppError;
use leptos::prelude::*;

/// Changes the password (the current one is required); every other session ends.
#[server(prefix = "/api", endpoint = "change_password")]
pub async fn change_password(current_password: String, new_password: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.security.change_password(&caller, &current_password, &new_password).await?;
    crate::api::go(&format!("{}?done=password_changed", crate::routes::ACCOUNT));
    Ok(())
}
