//! The HTTP edge: who is calling, same-origin checks, security headers, and the few routes
//! that are not pages or server functions.
pub mod dev_messages;
pub mod guard;
pub mod health;
pub mod identify;
pub mod language;
pub mod metrics;
pub mod ministry;
pub mod observe;
pub mod open_data;
pub mod status;
pub mod supplier_files;
pub mod supplier_sync;

/// Shared state of the HTTP handlers and middleware.
#[derive(Clone)]
pub struct AppState {
    /// Services' context.
    pub ctx: crate::services::Ctx,
    /// The ports, as the server functions reach them: the file routes go through them too.
    pub backend: app::ports::Backend,
    /// Each client's budget of requests to the public API.
    pub api_limit: std::sync::Arc<open_data::Limiter>,
    /// Each supplier key's budget of syncs.
    pub sync_limit: std::sync::Arc<supplier_sync::KeyLimiter>,
}

/// The router's state: Leptos's options and ours.
#[derive(Clone, axum::extract::FromRef)]
pub struct RouterState {
    /// Leptos's options.
    pub leptos_options: leptos::config::LeptosOptions,
    /// The handlers' own state.
    pub app: AppState,
}

/// A route the server writes itself, beside the pages and the server functions.
pub struct OwnRoute {
    /// The method it answers.
    pub method: http::Method,
    /// Its path, as axum writes it (`{id}` for a parameter).
    pub path: String,
    /// The handler.
    pub handler: axum::routing::MethodRouter<RouterState>,
}

impl OwnRoute {
    pub(crate) fn get(path: &str, handler: axum::routing::MethodRouter<RouterState>) -> Self {
        Self { method: http::Method::GET, path: path.to_owned(), handler }
    }

    pub(crate) fn post(path: &str, handler: axum::routing::MethodRouter<RouterState>) -> Self {
        Self { method: http::Method::POST, path: path.to_owned(), handler }
    }
}

/// The value of cookie `name` in a request's headers.
pub fn cookie(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// 503 with a page in the three languages, for a request the server cannot serve right now.
pub fn unavailable() -> axum::response::Response {
    use axum::response::IntoResponse;
    let body = "<!DOCTYPE html><html lang=\"kk\"><head><meta charset=\"utf-8\"><title>503</title></head>\
                <body><main><h1>503</h1><p lang=\"kk\">Портал уақытша жауап бере алмайды. Енгізген деректеріңіз жоғалған жоқ; бір минуттан кейін қайталап көріңіз.</p>\
                <p lang=\"ru\">Портал временно не может ответить. Введённые данные не потеряны; попробуйте через минуту.</p>\
                <p lang=\"en\">The portal cannot answer right now. Nothing you typed has been lost; please try again in a minute.</p>\
                <p><a href=\"/\">Home</a></p></main></body></html>";
    (
        http::StatusCode::SERVICE_UNAVAILABLE,
        [(http::header::CONTENT_TYPE, "text/html; charset=utf-8"), (http::header::RETRY_AFTER, "30")],
        body,
    )
        .into_response()
}
