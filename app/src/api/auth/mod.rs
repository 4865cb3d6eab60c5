//! Sign-up, sign-in, sign-out and the current account.
pub mod current_user;
pub mod identity;
pub mod password_reset;
pub mod sign_in;
pub mod sign_out;
pub mod sign_up_recipient;
pub mod sign_up_supplier;

/// Sets the session cookie and sends the browser to `to`.
#[cfg(feature = "ssr")]
pub(crate) fn set_cookie_and_go(set_cookie: &str, to: &str) {
    if let (Some(res), Ok(v)) =
        (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(set_cookie))
    {
        res.append_header(http::header::SET_COOKIE, v);
    }
    crate::api::go(to);
}
