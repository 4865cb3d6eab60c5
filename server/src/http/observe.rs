//! Every request gets an id of our own (a UUID; one sent by the client is replaced, so a log
//! line cannot be made to point at another request), carried in the `x-request-id` header
//! both ways and in the log span of everything the request logs. When the answer is sent,
//! one line says how it went, and the request is counted for `/metrics`. Only the route's
//! pattern is logged, never the address itself: its ids and query string can be personal
//! (a search for a name, a person to act for).
use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use http::HeaderValue;
use std::time::Instant;
use tracing::Instrument;

/// The header that carries the request's id.
pub const REQUEST_ID: &str = "x-request-id";

/// The middleware.
pub async fn observe(mut req: Request, next: Next) -> Response {
    let id = uuid::Uuid::new_v4().to_string();
    let route = req.extensions().get::<MatchedPath>().map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    // Only the methods the portal answers name a series; any other a client makes up is
    // `other`, so made-up methods cannot grow the metrics without end.
    let method = match req.method().as_str() {
        m @ ("GET" | "POST" | "HEAD" | "PUT" | "DELETE" | "PATCH" | "OPTIONS") => m.to_owned(),
        _ => "other".to_owned(),
    };
    let header = HeaderValue::from_str(&id).ok();
    match &header {
        Some(h) => req.headers_mut().insert(REQUEST_ID, h.clone()),
        None => req.headers_mut().remove(REQUEST_ID),
    };
    // The span has a target of its own (`request`), so a filter can keep the ids on every
    // line while leaving out the line each answer writes.
    let span = tracing::info_span!(target: "request", "request", request_id = %id, method = %method, route = %route);
    let started = Instant::now();
    let in_flight = metrics::gauge!("http_requests_in_flight");
    in_flight.increment(1.0);
    let mut res = next.run(req).instrument(span.clone()).await;
    in_flight.decrement(1.0);
    let elapsed = started.elapsed();
    let status = res.status().as_u16();
    let ms = elapsed.as_secs_f64() * 1000.0;
    span.in_scope(|| {
        if res.status().is_server_error() {
            tracing::error!(status, ms, "request failed");
        } else {
            tracing::info!(status, ms, "request answered");
        }
    });
    super::metrics::request_finished(&method, &route, status, elapsed.as_secs_f64());
    if let Some(h) = header {
        res.headers_mut().insert(REQUEST_ID, h);
    }
    res
}
