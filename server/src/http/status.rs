//! Server functions answer every error with 500; this gives each `AppError` its own status
//! (422, 409, 401, 403, 404, 429), in one place, so clients and logs tell a refused form from
//! a fault. Redirects for plain form posts are left alone.
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::StatusCode;

const ERROR_HEADER: &str = "serverfnerror";

/// Whether a request is from a browser that takes a page (rather than a script or program).
fn wants_html(req: &Request) -> bool {
    req.headers().get(http::header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|a| a.contains("text/html"))
}

/// The middleware.
pub async fn error_status(req: Request, next: Next) -> Response {
    let html = wants_html(&req);
    let is_get = req.method() == http::Method::GET || req.method() == http::Method::HEAD;
    let mut res = next.run(req).await;
    // A page that needs a signed-in account sends a browser to sign in; a program asking
    // for the page gets 401 instead of a redirect it would follow to a form.
    // (Leptos answers such a program 200 with the `Location` of the sign-in page.)
    if is_get && !html && (res.status() == StatusCode::FOUND || res.status() == StatusCode::OK) {
        let to_sign_in = res
            .headers()
            .get(http::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|l| l == app::routes::SIGN_IN || l.starts_with(&format!("{}?", app::routes::SIGN_IN)));
        if to_sign_in {
            *res.status_mut() = StatusCode::UNAUTHORIZED;
            res.headers_mut().remove(http::header::LOCATION);
            return res;
        }
    }
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR || !res.headers().contains_key(ERROR_HEADER) {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body, 256 * 1024).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(err) = serde_json::from_slice::<app::error::AppError>(&bytes) {
        if let Ok(status) = StatusCode::from_u16(err.status()) {
            parts.status = status;
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The page a request that panicked gets: 500, in the three languages, instead of a dropped
/// connection. Nothing the client sent should panic a request; this is the net under that.
pub fn panicked(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request panicked");
    let body = "<!DOCTYPE html><html lang=\"kk\"><head><meta charset=\"utf-8\"><title>500</title></head>\
                <body><main><h1>500</h1><p lang=\"kk\">Порталда қате шықты. Кейінірек қайталап көріңіз.</p>\
                <p lang=\"ru\">На портале произошла ошибка. Попробуйте позже.</p>\
                <p lang=\"en\">Something went wrong on the portal. Please try again later.</p>\
                <p><a href=\"/\">Home</a></p></main></body></html>";
    let mut res = Response::new(Body::from(body));
    *res.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    res.headers_mut().insert(http::header::CONTENT_TYPE, http::HeaderValue::from_static("text/html; charset=utf-8"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_panicking_handler_answers_500_with_a_page_not_a_dropped_connection() {
        async fn boom() -> &'static str {
            let parts: Vec<&str> = Vec::new();
            parts[1]
        }
        let app = axum::Router::new()
            .route("/", axum::routing::get(boom))
            .layer(tower_http::catch_panic::CatchPanicLayer::custom(panicked));
        let res = app.oneshot(Request::builder().uri("/").body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let text = String::from_utf8(to_bytes(res.into_body(), 64 * 1024).await.unwrap().to_vec()).unwrap();
        assert!(text.contains("Something went wrong"), "{text}");
    }
}
