//! `/metrics` in Prometheus' text format, through the `metrics` facade and
//! `metrics-exporter-prometheus`'s recorder (its own HTTP listener is not used: the portal
//! serves the text on its own port, behind the same address and token check).
//!
//! What is counted:
//! - `http_requests_total{method, route, status}` and `http_request_duration_seconds{method,
//!   route}`: every request, by the route's pattern (`/orders/{id}`, never the address with its
//!   ids or query), so the set of series stays small; `status` is the code, 5xx are the errors.
//! - `http_requests_in_flight`: requests being answered now.
//! - `db_pool_connections{state="in_use"|"idle"}` and `db_pool_max_connections`: the pool as
//!   sqlx sees it when scraped. sqlx does not expose how many tasks wait for a connection;
//!   in-flight requests above the pool's size are the ones waiting.
//! - `provision_changes_pending`: order and entitlement changes the dashboard's summary job
//!   has not folded in yet (its queue).
//! - `orders_placed_total` and `sign_in_failures_total{reason}`, counted where they happen
//!   (`crate::telemetry`).
use super::ministry::{bearer, same_key};
use super::AppState;
use axum::extract::{ConnectInfo, Request, State};
use axum::response::{IntoResponse, Response};
use http::{header, StatusCode};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement};
use secrecy::ExposeSecret;
use std::net::SocketAddr;
use std::sync::OnceLock;

/// Seconds: from a fast page to a slow export.
const BUCKETS: &[f64] = &[0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// The process's recorder, installed on first use (one per process: the `metrics` macros
/// write to the global recorder). `None` when another recorder was installed first.
pub fn handle() -> Option<&'static PrometheusHandle> {
    HANDLE
        .get_or_init(|| {
            let builder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Full("http_request_duration_seconds".into()), BUCKETS);
            match builder.and_then(PrometheusBuilder::install_recorder) {
                Ok(h) => Some(h),
                Err(e) => {
                    tracing::error!(error = %e, "metrics: the recorder could not be installed");
                    None
                }
            }
        })
        .as_ref()
}

/// Drains the histograms' samples into their buckets every few seconds, as the exporter
/// asks: without it every request's duration is kept until the next scrape, and an
/// instance nobody scrapes would grow without end.
pub fn spawn_upkeep() {
    tokio::spawn(async {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(5));
        loop {
            every.tick().await;
            if let Some(h) = handle() {
                h.run_upkeep();
            }
        }
    });
}

/// Counts and times one answered request.
pub fn request_finished(method: &str, route: &str, status: u16, seconds: f64) {
    metrics::counter!("http_requests_total", "method" => method.to_owned(), "route" => route.to_owned(), "status" => status.to_string()).increment(1);
    metrics::histogram!("http_request_duration_seconds", "method" => method.to_owned(), "route" => route.to_owned())
        .record(seconds);
}

/// `GET /metrics`: for the allowed addresses, or with the token.
pub async fn scrape(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: Request,
) -> Response {
    let settings = &state.ctx.settings;
    let client = super::identify::client_ip(Some(peer.ip()), req.headers(), &settings.trusted_proxy_nets());
    let allowed_address =
        client.parse::<std::net::IpAddr>().is_ok_and(|ip| settings.metrics_nets().iter().any(|n| n.contains(&ip)));
    let token = settings
        .metrics_token
        .as_ref()
        .is_some_and(|t| bearer(req.headers()).is_some_and(|given| same_key(given, t.expose_secret())));
    if !allowed_address && !token {
        return (StatusCode::FORBIDDEN, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], "forbidden\n")
            .into_response();
    }
    let Some(handle) = handle() else {
        return (StatusCode::SERVICE_UNAVAILABLE, "metrics are not recorded\n").into_response();
    };
    pool_gauges(&state.ctx.db);
    match pending_changes(&state.ctx.db).await {
        Ok(n) => metrics::gauge!("provision_changes_pending").set(n as f64),
        Err(e) => tracing::warn!(error = %e, "metrics: the summary queue could not be counted"),
    }
    handle.run_upkeep();
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], handle.render()).into_response()
}

fn pool_gauges(db: &DatabaseConnection) {
    let (size, idle, max) = match db.get_database_backend() {
        DatabaseBackend::Postgres => {
            let p = db.get_postgres_connection_pool();
            (p.size(), p.num_idle(), p.options().get_max_connections())
        }
        DatabaseBackend::Sqlite => {
            let p = db.get_sqlite_connection_pool();
            (p.size(), p.num_idle(), p.options().get_max_connections())
        }
        _ => return,
    };
    let idle = u32::try_from(idle).unwrap_or(u32::MAX);
    metrics::gauge!("db_pool_connections", "state" => "in_use").set(f64::from(size.saturating_sub(idle)));
    metrics::gauge!("db_pool_connections", "state" => "idle").set(f64::from(idle));
    metrics::gauge!("db_pool_max_connections").set(f64::from(max));
}

async fn pending_changes(db: &DatabaseConnection) -> Result<i64, sea_orm::DbErr> {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), "SELECT COUNT(*) AS n FROM provision_changes"))
        .await?;
    Ok(row.and_then(|r| r.try_get::<i64>("", "n").ok()).unwrap_or(0))
}
