//! Server functions: thin adapters from HTTP to the ports. One per file, grouped by area.
//! Every form posts to one of these as a plain `<form method="post">`, so each journey
//! works before (or without) the wasm; on an error the browser comes back to the form with
//! the error in the URL and what was typed in a short-lived cookie (see [`typed`]).
pub mod account;
pub mod audit_search;
pub mod auth;
pub mod dashboard;
pub mod ministry;
pub mod once;
pub mod recipient;
pub mod reference;
pub mod supplier;
pub mod typed;

/// The id a form or a URL gave: a number, or the thing is not found.
pub fn parse_id(raw: &str) -> Result<i32, crate::error::AppError> {
    raw.trim().parse().map_err(|_| crate::error::AppError::NotFound)
}

/// Path of the server function behind a form.
pub fn path_of<S: server_fn::ServerFn>() -> &'static str {
    S::PATH
}

/// Sends the browser to `to` after a form post. Only a local path that a header can carry is
/// followed (anything else goes home), so no typed value can panic a request or lead off-site.
#[cfg(feature = "ssr")]
pub(crate) fn go(to: &str) {
    let safe = crate::routes::is_local_path(to) && http::HeaderValue::from_str(to).is_ok();
    leptos_axum::redirect(if safe { to } else { crate::routes::HOME });
}
