use crate::error::AppError;
use leptos::prelude::*;

/// Ends every session but this one.
#[server(prefix = "/api", endpoint = "sign_out_others")]
pub async fn sign_out_others() -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.security.sign_out_others(&caller).await?;
    crate::api::go(&format!("{}?done=signed_out_others", crate::routes::ACCOUNT_SESSIONS));
    Ok(())
}
