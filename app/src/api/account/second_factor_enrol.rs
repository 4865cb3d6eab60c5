use crate::error::AppError;
use leptos::prelude::*;

/// Confirms the second factor with its first code, signs in and shows the recovery codes once.
#[server(prefix = "/api", endpoint = "second_factor_enrol")]
pub async fn second_factor_enrol(code: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let enrolled = backend.security.second_factor_enrol(&caller, &code).await?;
    super::recovery_codes_once::hand_over(&enrolled.recovery_codes, caller.secure_cookies);
    crate::api::auth::set_cookie_and_go(&enrolled.signed_in.set_cookie, crate::routes::ACCOUNT_RECOVERY_CODES);
    Ok(())
}
