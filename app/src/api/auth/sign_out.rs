use crate::error::AppError;
use leptos::prelude::*;

/// Ends the session and goes to the home page.
#[server(prefix = "/api", endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let clear = backend.accounts.sign_out(&caller).await?;
    super::set_cookie_and_go(&clear, "/?done=signed_out");
    Ok(())
}
