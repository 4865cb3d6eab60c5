use crate::dto::account::ActivationLetterView;
use crate::error::AppError;
use leptos::prelude::*;

/// Cookie carrying a letter just issued to the page that prints it, once.
#[cfg(feature = "ssr")]
const LETTER_COOKIE: &str = "ssp_activation_letter";

/// Issues an activation letter for the person with `iin` (or their legal representative)
/// and shows it once, ready to print.
#[server(prefix = "/api", endpoint = "staff_issue_letter")]
pub async fn staff_issue_letter(iin: String, for_whom: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let run = backend.identity.issue_letter(&caller, &iin, crate::domain::LetterFor::from_code(for_whom.trim()));
    let letter =
        crate::api::typed::keeping_typed("issue_letter", &[("iin", &iin), ("for_whom", &for_whom)], run).await?;
    let json = serde_json::to_vec(&letter).map_err(|_| AppError::Unexpected("letter".into()))?;
    crate::api::once::hand_over(LETTER_COOKIE, &json, caller.secure_cookies);
    crate::api::go("/staff/letters/print");
    Ok(())
}

/// The letter issued a moment ago, to print (shown this once).
#[server(prefix = "/api", endpoint = "staff_letter")]
pub async fn staff_letter() -> Result<Option<ActivationLetterView>, AppError> {
    let (_, caller) = crate::ports::backend_and_caller()?;
    caller.require(&[crate::domain::Role::Staff, crate::domain::Role::Admin])?;
    Ok(crate::api::once::take(LETTER_COOKIE, caller.secure_cookies).and_then(|b| serde_json::from_slice(&b).ok()))
}
