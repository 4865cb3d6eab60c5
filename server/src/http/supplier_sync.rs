//! `POST /api/v1/supplier/offerings`: a supplier's own stock system syncs its offerings with a
//! key made on `/supplier/api-keys`. The lines are the CSV import's columns as JSON and go
//! through the import's own checks (`services::supplier::import::sync`); each key has its own
//! budget of syncs. Documented in the same contract as the rest of `/api/v1`.
use super::open_data::{error, refused, ApiError, FieldProblem};
use super::AppState;
use crate::services::open_data as data;
use app::domain::Lang;
use app::error::AppError;
use app::ports::Caller;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use governor::{Quota, RateLimiter};
use http::{header, HeaderValue, StatusCode};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::Arc;
use utoipa::ToSchema;

/// One offering a supplier's system sends: the CSV template's columns.
#[derive(Debug, Deserialize, ToSchema)]
#[allow(dead_code, reason = "describes the body in the contract; the body is read as JSON objects")]
pub struct SyncLine {
    /// The supplier's own stock-keeping unit: an offering with this SKU is updated, else created.
    pub sku: String,
    /// Item type code (see `/api/v1/item-types`).
    pub item_type: String,
    /// Title in Kazakh.
    pub title_kk: String,
    /// Title in Russian.
    pub title_ru: String,
    /// Title in English.
    pub title_en: Option<String>,
    /// Description in Kazakh.
    pub description_kk: String,
    /// Description in Russian.
    pub description_ru: String,
    /// Description in English.
    pub description_en: Option<String>,
    /// Price per unit in tenge, e.g. "185000" or "185000.50".
    pub price: String,
    /// Days from acceptance to delivery.
    pub lead_time_days: i32,
    /// Stock (goods) or hours a week (services); courses leave it out.
    pub capacity: Option<i32>,
    /// Region codes served (the supplier's approved regions only).
    pub regions: Vec<String>,
    /// The item type's parameters, by key.
    pub params: HashMap<String, String>,
    /// `draft`, `published` or `withdrawn`; a new offering is a draft unless it says so.
    pub status: Option<String>,
}

/// What a sync sends.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SyncBody {
    /// The offerings, at most 2,000.
    pub lines: Vec<serde_json::Map<String, serde_json::Value>>,
}

/// What happened to one line.
#[derive(Debug, Serialize, ToSchema)]
pub struct SyncLineReport {
    /// Its position in `lines`, from 1.
    pub line: u32,
    /// Its SKU.
    pub sku: String,
    /// `created`, `updated`, `unchanged` or `refused`.
    pub outcome: String,
    /// Why it was refused: each field and its code.
    pub errors: Vec<FieldProblem>,
}

/// The sync's report: what was created, updated, left as it was and refused.
#[derive(Debug, Serialize, ToSchema)]
pub struct SyncReport {
    /// Offerings created.
    pub created: u32,
    /// Offerings changed.
    pub updated: u32,
    /// Offerings already as sent.
    pub unchanged: u32,
    /// Lines refused (nothing of them was applied).
    pub refused: u32,
    /// Every line.
    pub lines: Vec<SyncLineReport>,
}

/// Each key's budget of syncs.
pub type KeyLimiter =
    governor::RateLimiter<i32, governor::state::keyed::DefaultKeyedStateStore<i32>, governor::clock::DefaultClock>;

/// A budget of `per_minute` syncs a minute per key.
pub fn key_limiter(per_minute: u32) -> Arc<KeyLimiter> {
    let n = NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
    Arc::new(RateLimiter::keyed(Quota::per_minute(n)))
}

/// `POST /api/v1/supplier/offerings`: a supplier's system syncs its offerings with its key.
#[utoipa::path(post, path = "/api/v1/supplier/offerings", tag = "suppliers", request_body = SyncBody,
    security(("supplier_key" = [])),
    responses(
        (status = 200, description = "The sync's report, line by line", body = SyncReport),
        (status = 400, description = "Not JSON of this shape, or too many lines", body = ApiError),
        (status = 401, description = "No key, an unknown one or a revoked one", body = ApiError),
        (status = 403, description = "The supplier is not approved (or was suspended)", body = ApiError),
        (status = 413, description = "Larger than 2 MB", body = ApiError),
        (status = 429, description = "Too many syncs with this key", body = ApiError),
    ))]
pub async fn sync(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: http::HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    use crate::services::supplier::{api_keys, import};
    let Some(presented) = super::ministry::bearer(&headers) else {
        return error(StatusCode::UNAUTHORIZED, "unauthorized");
    };
    let holder = match api_keys::authenticate(&state.ctx, presented, &data::visitor(&caller, Lang::Ru)).await {
        Ok(h) => h,
        Err(AppError::NotSignedIn) => return error(StatusCode::UNAUTHORIZED, "unauthorized"),
        Err(AppError::Refused(code)) => return error(StatusCode::FORBIDDEN, code.code()),
        Err(e) => return refused(&e),
    };
    if state.sync_limit.check_key(&holder.key_id).is_err() {
        let mut res = error(StatusCode::TOO_MANY_REQUESTS, "too_many_requests");
        res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
        return res;
    }
    if body.len() > import::MAX_BYTES {
        return error(StatusCode::PAYLOAD_TOO_LARGE, "file_too_large");
    }
    let Ok(sent) = serde_json::from_slice::<SyncBody>(&body) else { return error(StatusCode::BAD_REQUEST, "bad_json") };
    match import::sync(&state.ctx, &holder.caller, &sent.lines).await {
        Ok(r) => Json(SyncReport {
            created: r.created,
            updated: r.updated,
            unchanged: r.unchanged,
            refused: r.refused,
            lines: r
                .lines
                .into_iter()
                .map(|l| SyncLineReport {
                    line: l.line,
                    sku: l.sku,
                    outcome: l.outcome,
                    errors: l.errors.into_iter().map(|e| FieldProblem { field: e.field, code: e.code }).collect(),
                })
                .collect(),
        })
        .into_response(),
        Err(AppError::Refused(code)) => error(StatusCode::FORBIDDEN, code.code()),
        Err(e) => refused(&e),
    }
}
