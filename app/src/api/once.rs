//! Something shown once (recovery codes, a new API key): handed to the next page in a
//! short-lived `HttpOnly` cookie, never stored in the clear and never in a URL, and cleared
//! by the page that reads it.
#[cfg(feature = "ssr")]
use leptos::prelude::*;

/// Sets cookie `name` to `value` for five minutes.
#[cfg(feature = "ssr")]
pub(crate) fn hand_over(name: &str, value: &[u8], secure: bool) {
    use base64::Engine;
    let Some(res) = use_context::<leptos_axum::ResponseOptions>() else { return };
    let value = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(value);
    let cookie = format!(
        "{name}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=300{}",
        if secure { "; Secure" } else { "" }
    );
    if let Ok(v) = http::HeaderValue::from_str(&cookie) {
        res.append_header(http::header::SET_COOKIE, v);
    }
}

/// The value of cookie `name`, which is cleared as it is read.
#[cfg(feature = "ssr")]
pub(crate) fn take(name: &str, secure: bool) -> Option<Vec<u8>> {
    use base64::Engine;
    let raw = cookie(name)?;
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        let clear =
            format!("{name}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{}", if secure { "; Secure" } else { "" });
        if let Ok(v) = http::HeaderValue::from_str(&clear) {
            res.append_header(http::header::SET_COOKIE, v);
        }
    }
    base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(raw).ok()
}

/// The value of cookie `name` in the request being answered.
#[cfg(feature = "ssr")]
pub(crate) fn cookie(name: &str) -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}
