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
    use base64::Engine;
    let Some(res) = use_context::<leptos_axum::ResponseOptions>() else { return };
    let Ok(json) = serde_json::to_vec(codes) else { return };
    let value = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json);
    let cookie = format!(
        "{}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=300{}",
        super::RECOVERY_COOKIE,
        if secure { "; Secure" } else { "" }
    );
    if let Ok(v) = http::HeaderValue::from_str(&cookie) {
        res.append_header(http::header::SET_COOKIE, v);
    }
}

#[cfg(feature = "ssr")]
fn take(secure: bool) -> Vec<String> {
    use base64::Engine;
    let Some(parts) = use_context::<http::request::Parts>() else { return Vec::new() };
    let raw = parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == super::RECOVERY_COOKIE)
        .map(|(_, v)| v.to_owned());
    let Some(raw) = raw else { return Vec::new() };
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        let clear = format!("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{}", super::RECOVERY_COOKIE, if secure { "; Secure" } else { "" });
        if let Ok(v) = http::HeaderValue::from_str(&clear) {
            res.append_header(http::header::SET_COOKIE, v);
        }
    }
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(raw)
        .ok()
        .and_then(|b| serde_json::from_slice::<Vec<String>>(&b).ok())
        .map(|codes| codes.into_iter().take(20).filter(|c| c.len() <= 20 && c.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')).collect())
        .unwrap_or_default()
}
