//! Works out who is calling (session token → server-side session → account), in which
//! language, from where; puts a `Caller` into the request and renews the token on activity.
use super::{cookie, AppState};
use crate::auth::session;
use app::domain::Lang;
use app::ports::Caller;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use std::net::{IpAddr, SocketAddr};

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

/// The client's address. A peer that is one of our trusted proxies passes on the client in
/// `X-Forwarded-For`: the right-most address there that is not itself a trusted proxy is the
/// client (everything left of it was written by whoever sent the request, and may be forged).
/// Any other peer is the client, whatever headers it sends.
pub fn client_ip(peer: Option<IpAddr>, headers: &http::HeaderMap, trusted: &[ipnet::IpNet]) -> String {
    let Some(peer) = peer else { return "unknown".into() };
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer.to_string();
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        match hop.parse::<IpAddr>() {
            Ok(ip) => {
                client = ip;
                if !is_trusted(&ip) {
                    break;
                }
            }
            // A malformed entry: the proxies never write one, so stop at the last good hop.
            Err(_) => break,
        }
    }
    client.to_string()
}

/// The middleware.
pub async fn identify(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let ip = client_ip(peer, req.headers(), &state.ctx.settings.trusted_proxy_nets());
    let ctx = &state.ctx;
    let secure = ctx.settings.secure_cookies();
    let mut renewed = None;
    let mut actor = None;
    let mut pending = None;
    let mut account_lang = None;
    if let Some(token) = cookie(req.headers(), session::cookie_name(secure)).filter(|t| !t.is_empty()) {
        match session::authenticate(&ctx.db, &ctx.tokens, &token).await {
            Ok(Some(session::Checked::Full(a))) => {
                actor = Some(a.actor);
                account_lang = Some(a.lang);
                renewed = a.renewed;
            }
            Ok(Some(session::Checked::SecondFactorPending(p))) => pending = Some(p),
            Ok(None) => {}
            // The session could not be checked (the database is down or saturated): saying
            // "signed out" would be a lie that loses the person's place, so answer 503.
            Err(e) => {
                tracing::error!(error = %e, "checking a session failed");
                return super::unavailable();
            }
        }
    }
    let lang = account_lang
        .or_else(|| cookie(req.headers(), LANG_COOKIE).and_then(|c| Lang::from_code(&c)))
        .or_else(|| lang_from_accept(req.headers()))
        .unwrap_or(Lang::Kk);
    let user_agent = req
        .headers()
        .get(http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.chars().take(256).collect());
    req.extensions_mut().insert(Caller { actor, pending, ip, user_agent, lang, secure_cookies: secure });
    let mut res = next.run(req).await;
    if let Some(token) = renewed {
        if let Ok(v) = http::HeaderValue::from_str(&session::cookie(&token, ctx.tokens.ttl_seconds(), secure)) {
            res.headers_mut().append(http::header::SET_COOKIE, v);
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xff(v: &'static str) -> http::HeaderMap {
        let mut h = http::HeaderMap::new();
        h.insert("x-forwarded-for", http::HeaderValue::from_static(v));
        h
    }

    #[test]
    fn forwarded_addresses_are_believed_only_from_trusted_proxies() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let trusted = vec!["10.0.0.0/8".parse::<ipnet::IpNet>().unwrap()];
        assert_eq!(client_ip(Some("203.0.113.9".parse().unwrap()), &xff("198.51.100.1"), &trusted), "203.0.113.9");
        assert_eq!(client_ip(Some(proxy), &xff("198.51.100.1"), &trusted), "198.51.100.1");
        // What the client wrote before the real hop is ignored.
        assert_eq!(client_ip(Some(proxy), &xff("1.2.3.4, 198.51.100.1"), &trusted), "198.51.100.1");
        assert_eq!(client_ip(Some(proxy), &xff("198.51.100.1, 10.0.0.5"), &trusted), "198.51.100.1");
        assert_eq!(client_ip(Some(proxy), &xff("garbage"), &trusted), "10.0.0.2");
        assert_eq!(client_ip(Some(proxy), &http::HeaderMap::new(), &trusted), "10.0.0.2");
        assert_eq!(client_ip(Some(proxy), &xff("198.51.100.1"), &[]), "10.0.0.2");
    }
}
