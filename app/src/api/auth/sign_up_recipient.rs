use crate::error::AppError;
use leptos::prelude::*;

/// Creates a recipient account and asks for its e-mail to be confirmed.
#[server(prefix = "/api", endpoint = "sign_up_recipient")]
pub async fn sign_up_recipient(
    email: String,
    password: String,
    iin: String,
    full_name: String,
    region: String,
) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let typed = [
        ("email", email.as_str()),
        ("iin", iin.as_str()),
        ("full_name", full_name.as_str()),
        ("region", region.as_str()),
    ];
    let form = crate::ports::RecipientSignUp {
        email: email.clone(),
        password,
        iin: iin.clone(),
        full_name: full_name.clone(),
        region: region.clone(),
    };
    let run = backend.accounts.sign_up_recipient(&caller, form);
    crate::api::typed::keeping_typed("sign_up_recipient", &typed, run).await?;
    crate::api::go("/sign-up/sent");
    Ok(())
}
