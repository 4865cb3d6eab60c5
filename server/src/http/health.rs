//! `/healthz`: the process is up (a load balancer's liveness check; it never touches the
//! database, so a database outage does not get every instance restarted). `/readyz`: this
//! instance can serve, because the database answers and every migration it knows is applied.
use super::AppState;
use axum::extract::State;
use axum::response::IntoResponse;
use axum::Json;
use http::StatusCode;
use migration::MigratorTrait;

/// Liveness.
pub async fn healthz() -> impl IntoResponse {
    Json(serde_json::json!({ "status": "ok" }))
}

/// Readiness.
pub async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    let db = &state.ctx.db;
    if let Err(e) = db.ping().await {
        tracing::error!(error = %e, "readiness: database unreachable");
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({ "status": "unavailable", "database": "unreachable" })),
        );
    }
    match migration::Migrator::get_pending_migrations(db).await {
        Ok(pending) if pending.is_empty() => {
            (StatusCode::OK, Json(serde_json::json!({ "status": "ready", "database": "ok", "migrations": "applied" })))
        }
        Ok(pending) => {
            let names: Vec<String> = pending.iter().map(|m| m.name().to_owned()).collect();
            tracing::error!(pending = ?names, "readiness: migrations not applied");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(serde_json::json!({ "status": "unavailable", "database": "ok", "migrations": names })),
            )
        }
        Err(e) => {
            tracing::error!(error = %e, "readiness: migrations unreadable");
            (StatusCode::SERVICE_UNAVAILABLE, Json(serde_json::json!({ "status": "unavailable", "database": "error" })))
        }
    }
}
