//! What whoever runs the portal sees: liveness and readiness, a request id on every answer and
//! in every log line of the request, and `/metrics` only for allowed addresses or the token.
use crate::both;
use crate::fixtures::*;
use crate::helpers::{logged, spawn_with, Backend, TestApp};
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Statement};
use secrecy::SecretString;
use server::entities::enums::DbSupplierStatus;

const TOKEN: &str = "metrics-token-that-is-long-enough-0123456789";

async fn metrics(app: &TestApp, token: Option<&str>, forwarded_for: Option<&str>) -> (StatusCode, String) {
    let mut req = app.client.get(format!("{}/metrics", app.base));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(f) = forwarded_for {
        req = req.header("x-forwarded-for", f);
    }
    let res = req.send().await.unwrap();
    (res.status(), res.text().await.unwrap_or_default())
}

both!(liveness_needs_only_the_process_and_readiness_the_database_and_every_migration, |app: TestApp| async move {
    let live = app.get(None, "/healthz").await;
    assert_eq!(live.status(), StatusCode::OK);
    let ready = app.get(None, "/readyz").await;
    assert_eq!(ready.status(), StatusCode::OK);
    let body: serde_json::Value = ready.json().await.unwrap();
    assert_eq!((body["database"].as_str(), body["migrations"].as_str()), (Some("ok"), Some("applied")));
    // A migration this build knows but the database has not had: not ready, and it says which.
    let backend = app.db.get_database_backend();
    app.db
        .execute_raw(Statement::from_string(
            backend,
            "DELETE FROM seaql_migrations WHERE version = (SELECT MAX(version) FROM seaql_migrations)",
        ))
        .await
        .unwrap();
    let not_ready = app.get(None, "/readyz").await;
    assert_eq!(not_ready.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: serde_json::Value = not_ready.json().await.unwrap();
    assert_eq!(body["migrations"].as_array().map(Vec::len), Some(1), "{body}");
    assert_eq!(app.get(None, "/healthz").await.status(), StatusCode::OK, "the process is still alive");
});

both!(every_answer_carries_a_fresh_request_id_that_its_log_lines_carry_too, |app: TestApp| async move {
    let r = recipient(&app, "asel@mail.kz", 77).await;
    let first = app
        .client
        .get(format!("{}/orders?page=1&note=secret-query", app.base))
        .header("x-request-id", "forged\u{20}id")
        .header("cookie", format!("ssp_session={}", r.token))
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let id = first.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert!(uuid::Uuid::parse_str(&id).is_ok(), "our own id, not the client's: {id}");
    // What a request logs carries its id, method and route pattern: a failed sign-in's line.
    let wrong = app.sign_in("asel@mail.kz", "not the password at all").await;
    let other = wrong.headers["x-request-id"].to_str().unwrap().to_owned();
    assert_ne!(id, other, "each request its own id");
    let log = logged();
    let line = log
        .lines()
        .find(|l| l.contains(&other) && l.contains("sign-in attempt"))
        .unwrap_or_else(|| panic!("no line for {other}"));
    assert!(line.contains("route=/api/sign_in") && line.contains("method=POST"), "{line}");
    assert!(
        !log.contains("secret-query") && !log.contains("forged"),
        "query strings and forged ids never reach the log"
    );
});

both!(metrics_count_requests_by_route_and_failed_sign_ins_and_show_the_pool, |app: TestApp| async move {
    let _ = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    assert_eq!(app.get(None, "/healthz").await.status(), StatusCode::OK);
    let wrong = app.sign_in("s@x.kz", "not the password at all").await;
    assert_ne!(wrong.status, StatusCode::OK);
    let (status, text) = metrics(&app, None, None).await;
    assert_eq!(status, StatusCode::OK, "loopback may read the metrics");
    for series in [
        "http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"}",
        "http_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\",le=\"0.005\"}",
        "sign_in_failures_total{reason=\"failure\"}",
        "db_pool_connections{state=\"in_use\"}",
        "db_pool_connections{state=\"idle\"}",
        "db_pool_max_connections",
        "provision_changes_pending",
        "http_requests_in_flight",
    ] {
        assert!(text.contains(series), "{series} missing from:\n{text}");
    }
    assert!(!text.contains("s@x.kz"), "no personal data in the metrics");
});

#[tokio::test]
async fn metrics_are_closed_to_other_addresses_unless_the_token_is_shown() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        // Nobody by address; a proxy on loopback is trusted to name the client.
        let (app, _dir) = spawn_with(backend, |s| {
            s.metrics_allow = vec!["10.1.0.0/16".into()];
            s.metrics_token = Some(SecretString::from(TOKEN));
            s.trusted_proxies = vec!["127.0.0.1".into()];
        })
        .await;
        assert_eq!(metrics(&app, None, None).await.0, StatusCode::FORBIDDEN, "loopback is not allowed here");
        assert_eq!(
            metrics(&app, Some("a-wrong-token-that-is-long-enough-0123456789"), None).await.0,
            StatusCode::FORBIDDEN
        );
        assert_eq!(metrics(&app, None, Some("203.0.113.5")).await.0, StatusCode::FORBIDDEN);
        assert_eq!(
            metrics(&app, None, Some("10.1.2.3")).await.0,
            StatusCode::OK,
            "an allowed client behind the trusted proxy"
        );
        let (status, text) = metrics(&app, Some(TOKEN), Some("203.0.113.5")).await;
        assert_eq!(status, StatusCode::OK, "the token opens it from anywhere");
        assert!(text.contains("http_requests_total"));
    }
    // Without a trusted proxy, a forged X-Forwarded-For names nobody.
    let (app, _dir) = spawn_with(Backend::Sqlite, |s| s.metrics_allow = vec!["10.1.0.0/16".into()]).await;
    assert_eq!(metrics(&app, None, Some("10.1.2.3")).await.0, StatusCode::FORBIDDEN);
}
