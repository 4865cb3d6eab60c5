//! Works out who is calling (session token → server-side session → account), in which
//! language, from where; puts a `Caller` into the request and renews the token on activity.
use super::{cookie, AppState};
use crate::auth::session;
use app::domain::Lang;
use app::ports::Caller;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use std::net::SocketAddr;

/// Cookie remembering the language of visitors who are not signed in.
pub const LANG_COOKIE: &str = "ssp_lang";

fn lang_from_accept(headers: &http::HeaderMap) -> Option<Lang> {
    let accept = headers.get(http::header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    accept
        .split(',')
        .filter_map(|part| part.split(';').next())
        .filter_map(|tag| tag.trim().split('-').next())
        .find_map(|primary| Lang::from_code(&primary.to_ascii_lowercase()))
}

/// The middleware.
pub async fn identify(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let ip = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into());
    let ctx = &state.ctx;
    let secure = ctx.settings.secure_cookies();
    let mut renewed = None;
    let mut actor = None;
    let mut account_lang = None;
    if let Some(token) = cookie(req.headers(), session::COOKIE).filter(|t| !t.is_empty()) {
        match session::authenticate(&ctx.db, &ctx.tokens, &token).await {
            Ok(Some(a)) => {
                actor = Some(a.actor);
                account_lang = Some(a.lang);
                renewed = a.renewed;
            }
            Ok(None) => {}
            Err(e) => tracing::error!(error = %e, "checking a session failed"),
        }
    }
    let lang = account_lang
        .or_else(|| cookie(req.headers(), LANG_COOKIE).and_then(|c| Lang::from_code(&c)))
        .or_else(|| lang_from_accept(req.headers()))
        .unwrap_or(Lang::Kk);
    req.extensions_mut().insert(Caller { actor, ip, lang, secure_cookies: secure });
    let mut res = next.run(req).await;
    if let Some(token) = renewed {
        if let Ok(v) = http::HeaderValue::from_str(&session::cookie(&token, ctx.tokens.ttl_seconds(), secure)) {
            res.headers_mut().append(http::header::SET_COOKIE, v);
        }
    }
    res
}
