//! Keeps what someone typed when a form is refused, so it is never lost: the values (never
//! passwords) go into a short-lived `HttpOnly` cookie scoped to one form and come back into the
//! fields when the page shows the error. Nothing typed lands in a URL or a log.
use crate::error::AppError;
use leptos::prelude::*;

/// Name of the cookie holding the typed values.
pub const COOKIE: &str = "ssp_typed";

/// Values typed into `form`, as the server kept them after the last refusal.
#[server(prefix = "/api", endpoint = "typed_values")]
pub async fn typed_values(form: String) -> Result<Vec<(String, String)>, AppError> {
    Ok(read(&form))
}

#[cfg(feature = "ssr")]
fn read(form: &str) -> Vec<(String, String)> {
    use base64::Engine;
    let Some(raw) = crate::api::once::cookie(COOKIE) else { return Vec::new() };
    let Ok(bytes) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(raw) else { return Vec::new() };
    match serde_json::from_slice::<(String, Vec<(String, String)>)>(&bytes) {
        Ok((f, values)) if f == form => values,
        _ => Vec::new(),
    }
}

/// Keeps `values` typed into `form` for ten minutes. Call it only on a refusal.
#[cfg(feature = "ssr")]
pub fn keep(form: &str, values: &[(&str, &str)]) {
    use base64::Engine;
    let Some(res) = use_context::<leptos_axum::ResponseOptions>() else { return };
    let caller =
        use_context::<http::request::Parts>().and_then(|p| p.extensions.get::<crate::ports::Caller>().cloned());
    let secure = caller.map(|c| c.secure_cookies).unwrap_or(true);
    // Bounded so the cookie stays well under the 4 KB browsers accept.
    let values: Vec<(String, String)> =
        values.iter().map(|(k, v)| ((*k).to_owned(), v.chars().take(400).collect())).collect();
    let Ok(json) = serde_json::to_vec(&(form, values)) else { return };
    let encoded = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json);
    if encoded.len() > 3500 {
        return;
    }
    let cookie = format!(
        "{COOKIE}={encoded}; Path=/; HttpOnly; SameSite=Lax; Max-Age=600{}",
        if secure { "; Secure" } else { "" }
    );
    if let Ok(v) = http::HeaderValue::from_str(&cookie) {
        res.append_header(http::header::SET_COOKIE, v);
    }
}

/// Runs a form's use case; on a refusal keeps what was typed for that form.
#[cfg(feature = "ssr")]
pub async fn keeping_typed<T>(
    form: &str,
    values: &[(&str, &str)],
    run: impl std::future::Future<Output = Result<T, AppError>>,
) -> Result<T, AppError> {
    let out = run.await;
    if out.is_err() {
        keep(form, values);
    }
    out
}
