use crate::dto::account::IdentityView;
use crate::error::AppError;
use leptos::prelude::*;

/// Confirms an e-mail address with the token from the link sent to it.
#[server(prefix = "/api", endpoint = "confirm_email")]
pub async fn confirm_email(token: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.identity.confirm_email(&caller, &token).await?;
    crate::api::go("/sign-in?done=email_confirmed");
    Ok(())
}

/// What the account has proven and what it still claims.
#[server(prefix = "/api", endpoint = "identity")]
pub async fn identity() -> Result<IdentityView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.identity.identity(&caller).await
}

/// Sends a code by SMS to the phone on the record of the claimed IIN (if there is one).
#[server(prefix = "/api", endpoint = "send_claim_code")]
pub async fn send_claim_code() -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.identity.send_claim_code(&caller).await?;
    crate::api::go("/account/identity?done=claim_code_sent");
    Ok(())
}

/// Checks a code from the SMS or from an activation letter and links the account.
#[server(prefix = "/api", endpoint = "prove_identity")]
pub async fn prove_identity(code: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let run = backend.identity.prove_identity(&caller, &code);
    crate::api::typed::keeping_typed("prove_identity", &[], run).await?;
    crate::api::go("/dashboard?done=identity_proven");
    Ok(())
}
