use crate::error::AppError;
use leptos::prelude::*;

/// Checks the code from the authenticator app (or a recovery code) and signs in.
#[server(prefix = "/api", endpoint = "second_factor_verify")]
pub async fn second_factor_verify(code: String, next: Option<String>) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let signed = backend.security.second_factor_verify(&caller, &code).await?;
    let to = next.filter(|n| crate::routes::is_local_path(n)).unwrap_or_else(|| crate::routes::DASHBOARD.into());
    crate::api::auth::set_cookie_and_go(&signed.set_cookie, &to);
    Ok(())
}
