//! Same-origin check for every state-changing request, and security headers on every response.
use super::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderValue, Method, StatusCode};

fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split('/').next()?;
    Some(format!("{scheme}://{host}").to_ascii_lowercase())
}

/// Whether a request comes from our own pages: its `Origin` (or, failing that, `Referer`)
/// must be the configured public origin, or this request's own host.
pub fn same_origin(headers: &http::HeaderMap, public_origin: Option<&str>, secure: bool) -> bool {
    let claimed = headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .filter(|o| *o != "null")
        .and_then(origin_of)
        .or_else(|| headers.get(header::REFERER).and_then(|v| v.to_str().ok()).and_then(origin_of));
    let Some(claimed) = claimed else { return false };
    let expected = match public_origin {
        Some(o) => origin_of(o).unwrap_or_default(),
        None => {
            let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or_default();
            format!("{}://{}", if secure { "https" } else { "http" }, host.to_ascii_lowercase())
        }
    };
    claimed == expected
}

/// Whether a request comes from a machine client rather than a browser: it authenticates with
/// an `Authorization: Bearer` header and carries no session cookie. Such a request has no
/// ambient authority for a forged form to borrow (a browser never adds that header to a
/// cross-site form, and a script adding it needs a CORS preflight this server never grants),
/// so the same-origin check does not apply; the handler checks the key itself.
pub fn machine_client(headers: &http::HeaderMap) -> bool {
    super::ministry::bearer(headers).is_some()
        && super::cookie(headers, crate::auth::session::COOKIE).is_none()
        && super::cookie(headers, crate::auth::session::SECURE_COOKIE).is_none()
}

/// Refuses cross-site state-changing requests (CSRF) before they reach any handler.
pub async fn same_origin_only(State(state): State<AppState>, req: Request, next: Next) -> Response {
    // The machine interface (`/api/v1/...`) never reads the session: only its key admits a
    // request, and a forged cross-site request cannot carry the key.
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || machine_client(req.headers())
        || req.uri().path().starts_with("/api/v1/");
    let settings = &state.ctx.settings;
    if !safe && !same_origin(req.headers(), settings.public_origin.as_deref(), settings.secure_cookies()) {
        tracing::warn!(path = %req.uri().path(), "cross-site request refused");
        let body = "<!DOCTYPE html><html lang=\"kk\"><head><meta charset=\"utf-8\"><title>403</title></head>\
                    <body><main><h1>403</h1><p lang=\"kk\">Нысан басқа сайттан жіберілгендіктен қабылданбады.</p>\
                    <p lang=\"ru\">Форма отправлена с другого сайта и отклонена.</p>\
                    <p lang=\"en\">The form was sent from another site and was refused.</p>\
                    <p><a href=\"/\">Home</a></p></main></body></html>";
        return (StatusCode::FORBIDDEN, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response();
    }
    next.run(req).await
}

/// The largest body a server function takes: its forms are small (uploads have their own
/// routes with their own limits), so anything bigger is refused before it is read.
pub const FORM_LIMIT: u64 = 256 * 1024;

/// Answers 413 to an oversized body sent to a server function, with a page in the three
/// languages for a browser.
pub async fn small_forms(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let is_function = path.starts_with("/api/") && !path.starts_with("/api/v1/");
    let length =
        req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if is_function && length.is_some_and(|n| n > FORM_LIMIT) {
        let body = "<!DOCTYPE html><html lang=\"kk\"><head><meta charset=\"utf-8\"><title>413</title></head>\
                    <body><main><h1>413</h1><p lang=\"kk\">Жіберілген мәлімет тым үлкен. Артқа оралып, қысқартып көріңіз.</p>\
                    <p lang=\"ru\">Отправлено слишком много данных. Вернитесь назад и сократите текст.</p>\
                    <p lang=\"en\">What was sent is too large. Go back and shorten it.</p>\
                    <p><a href=\"/\">Home</a></p></main></body></html>";
        return (StatusCode::PAYLOAD_TOO_LARGE, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], body)
            .into_response();
    }
    next.run(req).await
}

/// Adds the security headers; pages set their own CSP with a nonce, everything else gets
/// one that allows nothing.
pub async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let is_asset = req.uri().path().starts_with("/pkg/") || req.uri().path() == "/favicon.ico";
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.entry(header::CONTENT_SECURITY_POLICY).or_insert(HeaderValue::from_static(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    ));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        http::HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    h.insert(http::HeaderName::from_static("cross-origin-opener-policy"), HeaderValue::from_static("same-origin"));
    if state.ctx.settings.secure_cookies() {
        h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    }
    if is_asset {
        h.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("public, max-age=0, must-revalidate"));
    } else {
        // Pages and answers may carry personal data: never stored by a shared or local cache.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> http::HeaderMap {
        let mut h = http::HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn own_origin_passes_and_others_do_not() {
        let own = headers(&[("host", "127.0.0.1:3000"), ("origin", "http://127.0.0.1:3000")]);
        assert!(same_origin(&own, None, false));
        let evil = headers(&[("host", "127.0.0.1:3000"), ("origin", "http://evil.example")]);
        assert!(!same_origin(&evil, None, false));
        let referer = headers(&[("host", "127.0.0.1:3000"), ("referer", "http://127.0.0.1:3000/sign-in")]);
        assert!(same_origin(&referer, None, false));
        let neither = headers(&[("host", "127.0.0.1:3000")]);
        assert!(!same_origin(&neither, None, false));
        let configured = headers(&[("host", "internal:8080"), ("origin", "https://portal.example.kz")]);
        assert!(same_origin(&configured, Some("https://portal.example.kz"), true));
    }

    #[test]
    fn only_a_bearer_request_without_a_session_cookie_is_a_machine_client() {
        assert!(machine_client(&headers(&[("authorization", "Bearer k")])));
        assert!(machine_client(&headers(&[("authorization", "Bearer k"), ("cookie", "ssp_lang=ru")])));
        assert!(!machine_client(&headers(&[("authorization", "Bearer k"), ("cookie", "ssp_lang=ru; ssp_session=t")])));
        assert!(!machine_client(&headers(&[("cookie", "ssp_session=t")])));
        assert!(!machine_client(&headers(&[("authorization", "Basic a2V5")])));
    }
}
