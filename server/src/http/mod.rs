//! The HTTP edge: who is calling, same-origin checks, security headers, and the few routes
//! that are not pages or server functions.
pub mod guard;
pub mod health;
pub mod identify;
pub mod language;
pub mod ministry;
pub mod status;
pub mod supplier_files;

/// Shared state of the HTTP handlers and middleware.
#[derive(Clone)]
pub struct AppState {
    /// Services' context.
    pub ctx: crate::services::Ctx,
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
