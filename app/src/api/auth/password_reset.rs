use crate::error::AppError;
use leptos::prelude::*;

/// E-mails a link to set a new password (the same answer for any address).
#[server(prefix = "/api", endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let run = backend.identity.request_password_reset(&caller, &email);
    crate::api::typed::keeping_typed("request_password_reset", &[("email", &email)], run).await?;
    crate::api::go("/forgot-password?done=reset_sent");
    Ok(())
}

/// Sets a new password with the token from the e-mailed link; every session ends.
#[server(prefix = "/api", endpoint = "reset_password")]
pub async fn reset_password(token: String, new_password: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let run = backend.identity.reset_password(&caller, &token, &new_password);
    crate::api::typed::keeping_typed("reset_password", &[], run).await?;
    crate::api::go("/sign-in?done=password_reset");
    Ok(())
}
