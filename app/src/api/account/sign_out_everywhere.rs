use crate::error::AppError;
use leptos::prelude::*;

/// Ends every session, this one too.
#[server(prefix = "/api", endpoint = "sign_out_everywhere")]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let clear = backend.security.sign_out_everywhere(&caller).await?;
    crate::api::auth::set_cookie_and_go(&clear, &format!("{}?done=signed_out_everywhere", crate::routes::SIGN_IN));
    Ok(())
}
