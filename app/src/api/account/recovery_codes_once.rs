use crate::error::AppError;
use leptos::prelude::*;

/// The recovery codes made a moment ago, once: reading them clears them.
#[server(prefix = "/api", endpoint = "recovery_codes_once")]
pub async fn recovery_codes_once() -> Result<Vec<String>, AppError> {
    let (_, caller) = crate::ports::backend_and_caller()?;
    caller.signed_in()?;
    Ok(take(caller.secure_cookies))
}

/// Puts the codes into a short-lived `HttpOnly` cookie for the page that shows them: they are
/// never stored in the clear, and never travel in a URL.
#[cfg(feature = "ssr")]
pub(crate) fn hand_over(codes: &[String], secure: bool) {
    if let Ok(json) = serde_json::to_vec(codes) {
        crate::api::once::hand_over(super::RECOVERY_COOKIE, &json, secure);
    }
}

#[cfg(feature = "ssr")]
fn take(secure: bool) -> Vec<String> {
    crate::api::once::take(super::RECOVERY_COOKIE, secure)
        .and_then(|b| serde_json::from_slice::<Vec<String>>(&b).ok())
        .map(|codes| {
            codes
                .into_iter()
                .take(20)
                .filter(|c| c.len() <= 20 && c.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
                .collect()
        })
        .unwrap_or_default()
}
