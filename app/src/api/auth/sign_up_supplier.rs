use crate::error::AppError;
use leptos::prelude::*;

/// Creates a supplier account (pending approval) and asks for its e-mail to be confirmed.
#[server(prefix = "/api", endpoint = "sign_up_supplier")]
pub async fn sign_up_supplier(
    email: String,
    password: String,
    bin: String,
    organisation: String,
    region: String,
) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let typed = [
        ("email", email.as_str()),
        ("bin", bin.as_str()),
        ("organisation", organisation.as_str()),
        ("region", region.as_str()),
    ];
    let form = crate::ports::SupplierSignUp {
        email: email.clone(),
        password,
        bin: bin.clone(),
        organisation: organisation.clone(),
        region: region.clone(),
    };
    let run = backend.accounts.sign_up_supplier(&caller, form);
    crate::api::typed::keeping_typed("sign_up_supplier", &typed, run).await?;
    crate::api::go("/sign-up/sent");
    Ok(())
}
