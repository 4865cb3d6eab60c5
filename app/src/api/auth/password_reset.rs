use crate::error::AppError;
use leptos::prelude::*;

/// Sends what sets a new password: a link by e-mail, or with `how=sms` a code by SMS to the
/// phone the portal knows. The same answer for any address.
#[server(prefix = "/api", endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String, how: Option<String>) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let by_sms = how.as_deref() == Some("sms");
    let how = if by_sms { "sms" } else { "email" };
    let typed = [("email", email.as_str()), ("how", how)];
    if by_sms {
        let run = backend.identity.request_reset_code(&caller, &email);
        crate::api::typed::keeping_typed("request_password_reset", &typed, run).await?;
        crate::api::go(&format!("{}?done=reset_code_sent", crate::routes::RESET_PASSWORD_CODE));
    } else {
        let run = backend.identity.request_password_reset(&caller, &email);
        crate::api::typed::keeping_typed("request_password_reset", &typed, run).await?;
        crate::api::go("/forgot-password?done=reset_sent");
    }
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

/// Sets a new password with the code from the SMS; every session ends.
#[server(prefix = "/api", endpoint = "reset_password_with_code")]
pub async fn reset_password_with_code(email: String, code: String, new_password: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let run = backend.identity.reset_password_with_code(&caller, &email, &code, &new_password);
    crate::api::typed::keeping_typed("reset_password_with_code", &[("email", &email)], run).await?;
    crate::api::go("/sign-in?done=password_reset");
    Ok(())
}
