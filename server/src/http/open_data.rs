//! The public API, `/api/v1`: read-only open data for other information systems, journalists
//! and disability organisations, without signing in; its OpenAPI 3.1 contract, generated from
//! these handlers by `utoipa`, at `/api/v1/openapi.json`, and a page listing the endpoints at
//! `/api/v1`. Every client (by address, after trusted proxies) has its own request budget.
use super::AppState;
use crate::services::open_data as data;
use app::domain::Lang;
use app::dto::recipient::CatalogueQuery;
use app::error::AppError;
use app::ports::Caller;
use axum::extract::{ConnectInfo, Path, Query, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use http::{header, HeaderValue, StatusCode};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use utoipa::{IntoParams, OpenApi, ToSchema};

/// Where the API lives.
pub const PREFIX: &str = "/api/v1";

/// A field that was refused, with its code.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldProblem {
    /// The parameter.
    pub field: String,
    /// A stable code (the portal's pages translate the same codes).
    pub code: String,
}

/// Every error the API answers: a stable code, and the fields at fault when there are any.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiError {
    /// A stable code: `not_found`, `invalid`, `too_many_requests`, `unauthorized`, ...
    pub error: String,
    /// The parameters at fault.
    pub fields: Vec<FieldProblem>,
}

/// The error answer for `status` with `code`.
pub fn error(status: StatusCode, code: &str) -> Response {
    let mut res = (status, Json(ApiError { error: code.to_owned(), fields: Vec::new() })).into_response();
    if status == StatusCode::UNAUTHORIZED {
        res.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    res
}

/// The error answer for a refusal: 400 with the fields at fault, else the refusal's status.
pub fn refused(e: &AppError) -> Response {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let fields =
        e.fields().iter().map(|f| FieldProblem { field: f.field.clone(), code: f.code.clone() }).collect::<Vec<_>>();
    let code = if fields.is_empty() { e.code().to_owned() } else { "invalid".to_owned() };
    let status = if fields.is_empty() { status } else { StatusCode::BAD_REQUEST };
    (status, Json(ApiError { error: code, fields })).into_response()
}

fn answer<T: Serialize>(result: Result<T, AppError>) -> Response {
    match result {
        Ok(body) => Json(body).into_response(),
        Err(e) => refused(&e),
    }
}

/// The language of names and titles: `lang=kk|ru|en`, Russian by default. (Parameters are
/// read from the raw query by each handler, so a malformed one gets the API's own error
/// answer; these structs describe them in the contract.)
#[derive(Debug, Deserialize, IntoParams)]
#[allow(dead_code, reason = "describes the parameters in the contract")]
#[into_params(parameter_in = Query)]
pub struct LangParam {
    /// `kk`, `ru` (default) or `en`.
    #[param(pattern = "^(kk|ru|en)$")]
    pub lang: Option<String>,
}

fn lang_of(code: Option<&str>) -> Result<Lang, AppError> {
    match code.filter(|c| !c.is_empty()) {
        None => Ok(Lang::Ru),
        Some(c) => Lang::from_code(c).ok_or_else(|| AppError::field("lang", "lang_invalid")),
    }
}

/// The `limit` of a list: 1 to [`data::MAX_LIMIT`], `default` when absent.
fn limit_of(raw: &HashMap<String, String>, default: u64) -> Result<u64, AppError> {
    match raw.get("limit").filter(|l| !l.is_empty()).map(|l| l.parse::<u64>()) {
        None => Ok(default),
        Some(Ok(n)) if (1..=data::MAX_LIMIT).contains(&n) => Ok(n),
        Some(_) => Err(AppError::field("limit", "limit_out_of_range")),
    }
}

/// The catalogue's filters, as on the page.
#[derive(Debug, Deserialize, IntoParams)]
#[allow(dead_code, reason = "describes the parameters in the contract")]
#[into_params(parameter_in = Query)]
pub struct CatalogueParams {
    /// Category code.
    pub category: Option<String>,
    /// Item type code.
    pub item_type: Option<String>,
    /// Words to find in titles and descriptions.
    pub q: Option<String>,
    /// A region code the offering serves; `all` (the default) for every region.
    pub region: Option<String>,
    /// Lowest price in tenge.
    pub price_min: Option<String>,
    /// Highest price in tenge.
    pub price_max: Option<String>,
    /// Only offerings within the guaranteed sum (`true`).
    pub no_copay: Option<bool>,
    /// Lowest average rating, 1–5.
    pub min_rating: Option<String>,
    /// Longest lead time in days.
    pub max_lead: Option<String>,
    /// `price_asc` (default), `price_desc`, `rating` or `lead_time`.
    #[param(pattern = "^(price_asc|price_desc|rating|lead_time)$")]
    pub sort: Option<String>,
    /// Where to continue: a `next_cursor` from the page before.
    pub cursor: Option<String>,
    /// Offerings per page, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u64>,
    /// `kk`, `ru` (default) or `en`.
    #[param(pattern = "^(kk|ru|en)$")]
    pub lang: Option<String>,
}

/// Item-type parameter filters travel as `param.<key>` (a choice) or `param.<key>_min` /
/// `param.<key>_max` (a number).
fn param_filters(raw: &HashMap<String, String>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> =
        raw.iter().filter_map(|(k, v)| k.strip_prefix("param.").map(|key| (key.to_owned(), v.clone()))).collect();
    out.sort();
    out
}

/// `GET /api/v1/catalogue`: listed offerings with the page's filters, a page at a time.
#[utoipa::path(get, path = "/api/v1/catalogue", tag = "catalogue", params(CatalogueParams),
    responses(
        (status = 200, description = "A page of offerings", body = data::CataloguePage),
        (status = 400, description = "A filter was refused", body = ApiError),
        (status = 429, description = "Too many requests from this client", body = ApiError),
    ))]
pub async fn catalogue(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(raw): Query<HashMap<String, String>>,
) -> Response {
    let text = |k: &str| raw.get(k).cloned().unwrap_or_default();
    let lang = match lang_of(raw.get("lang").map(String::as_str)) {
        Ok(l) => l,
        Err(e) => return refused(&e),
    };
    let limit = match limit_of(&raw, 20) {
        Ok(n) => n,
        Err(e) => return refused(&e),
    };
    let sort = text("sort");
    if !["", "price_asc", "price_desc", "rating", "lead_time"].contains(&sort.as_str()) {
        return refused(&AppError::field("sort", "sort_invalid"));
    }
    let no_copay = match text("no_copay").as_str() {
        "" | "false" => false,
        "true" => true,
        _ => return refused(&AppError::field("no_copay", "not_a_boolean")),
    };
    let query = CatalogueQuery {
        category: text("category"),
        item_type: text("item_type"),
        q: text("q"),
        region: text("region"),
        price_min: text("price_min"),
        price_max: text("price_max"),
        no_copay,
        min_rating: text("min_rating"),
        max_lead: text("max_lead"),
        sort,
        page: 1,
        params: param_filters(&raw),
        for_recipient: None,
    };
    let visitor = data::visitor(&caller, lang);
    answer(data::catalogue(&state.ctx, &visitor, query, raw.get("cursor").map(String::as_str), limit).await)
}

/// `GET /api/v1/offerings/{id}`: one listed offering.
#[utoipa::path(get, path = "/api/v1/offerings/{id}", tag = "catalogue", params(("id" = i32, Path, description = "Offering id"), LangParam),
    responses(
        (status = 200, description = "The offering", body = data::OfferingDetail),
        (status = 400, description = "A parameter was refused", body = ApiError),
        (status = 404, description = "No listed offering has this id", body = ApiError),
        (status = 429, description = "Too many requests from this client", body = ApiError),
    ))]
pub async fn offering(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let lang = match lang_of(q.get("lang").map(String::as_str)) {
        Ok(l) => l,
        Err(e) => return refused(&e),
    };
    let Ok(id) = id.parse::<i32>() else { return error(StatusCode::NOT_FOUND, "not_found") };
    answer(data::offering(&state.ctx, &data::visitor(&caller, lang), id).await)
}

/// `GET /api/v1/categories`.
#[utoipa::path(get, path = "/api/v1/categories", tag = "reference",
    responses((status = 200, description = "Kinds of help", body = [data::Category]), (status = 429, description = "Too many requests", body = ApiError)))]
pub async fn categories(State(state): State<AppState>) -> Response {
    answer(data::categories(&state.ctx.db).await)
}

/// `GET /api/v1/regions`.
#[utoipa::path(get, path = "/api/v1/regions", tag = "reference",
    responses((status = 200, description = "Regions", body = [data::Region]), (status = 429, description = "Too many requests", body = ApiError)))]
pub async fn regions(State(state): State<AppState>) -> Response {
    answer(data::regions(&state.ctx.db).await)
}

/// `GET /api/v1/item-types`.
#[utoipa::path(get, path = "/api/v1/item-types", tag = "reference",
    responses((status = 200, description = "Item types with their guaranteed sums and their history", body = [data::ItemType]), (status = 429, description = "Too many requests", body = ApiError)))]
pub async fn item_types(State(state): State<AppState>) -> Response {
    answer(data::item_types(&state.ctx.db).await)
}

/// Paging of the supplier list.
#[derive(Debug, Deserialize, IntoParams)]
#[allow(dead_code, reason = "describes the parameters in the contract")]
#[into_params(parameter_in = Query)]
pub struct SupplierParams {
    /// Where to continue: a `next_cursor` from the page before.
    pub cursor: Option<String>,
    /// Suppliers per page, 1–100 (default 50).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u64>,
}

/// `GET /api/v1/suppliers`: approved suppliers' cards and scorecards.
#[utoipa::path(get, path = "/api/v1/suppliers", tag = "suppliers", params(SupplierParams),
    responses(
        (status = 200, description = "A page of approved suppliers", body = data::SupplierPage),
        (status = 400, description = "A parameter was refused", body = ApiError),
        (status = 429, description = "Too many requests", body = ApiError),
    ))]
pub async fn suppliers(State(state): State<AppState>, Query(q): Query<HashMap<String, String>>) -> Response {
    let after = match q.get("cursor").map(String::as_str).filter(|c| !c.is_empty()).map(str::parse::<i32>) {
        None => 0,
        Some(Ok(id)) if id >= 0 => id,
        Some(_) => return refused(&AppError::field("cursor", "cursor_invalid")),
    };
    let limit = match limit_of(&q, 50) {
        Ok(n) => n,
        Err(e) => return refused(&e),
    };
    answer(data::suppliers(&state.ctx.db, after, limit).await)
}

/// The month of the statistics.
#[derive(Debug, Deserialize, IntoParams)]
#[allow(dead_code, reason = "describes the parameters in the contract")]
#[into_params(parameter_in = Query)]
pub struct MonthParam {
    /// `YYYY-MM`, from 36 months ago to this month; the last whole month when absent.
    #[param(pattern = "^20[0-9]{2}-(0[1-9]|1[0-2])$")]
    pub month: Option<String>,
}

/// `GET /api/v1/statistics/provision`: provision by region and category in a month.
#[utoipa::path(get, path = "/api/v1/statistics/provision", tag = "statistics", params(MonthParam),
    responses(
        (status = 200, description = "Provision by region and category, small counts withheld", body = data::ProvisionStatistics),
        (status = 400, description = "The month was refused", body = ApiError),
        (status = 429, description = "Too many requests", body = ApiError),
    ))]
pub async fn provision(State(state): State<AppState>, Query(q): Query<HashMap<String, String>>) -> Response {
    answer(data::provision(&state.ctx, q.get("month").map(String::as_str).unwrap_or_default()).await)
}

/// `GET /api/v1/statistics/provision.csv`: the same as CSV.
#[utoipa::path(get, path = "/api/v1/statistics/provision.csv", tag = "statistics", params(MonthParam),
    responses(
        (status = 200, description = "The same statistics as CSV", content_type = "text/csv", body = String),
        (status = 400, description = "The month was refused", body = ApiError),
        (status = 429, description = "Too many requests", body = ApiError),
    ))]
pub async fn provision_csv(State(state): State<AppState>, Query(q): Query<HashMap<String, String>>) -> Response {
    match data::provision(&state.ctx, q.get("month").map(String::as_str).unwrap_or_default()).await {
        Ok(stats) => {
            let name = format!("attachment; filename=\"provision-{}.csv\"", stats.month);
            let disposition = HeaderValue::from_str(&name).unwrap_or(HeaderValue::from_static("attachment"));
            (
                [
                    (header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8")),
                    (header::CONTENT_DISPOSITION, disposition),
                ],
                data::provision_csv(&stats),
            )
                .into_response()
        }
        Err(e) => refused(&e),
    }
}

/// The IPR import, documented here; its handler is the ministry's.
#[utoipa::path(post, path = "/api/v1/ipr-lines", tag = "ministry", request_body(content = serde_json::Value, description = "An array of lines, or {\"file_name\": ..., \"lines\": [...]}; a line is {iin, ipr_number, item_type, quantity, valid_from, valid_to} with an optional phone (the number on the person's record, where a code proving their identity is sent)"),
    security(("ipr_key" = [])),
    responses(
        (status = 200, description = "The import's report", body = serde_json::Value),
        (status = 400, description = "Not JSON", body = ApiError),
        (status = 401, description = "No key or a wrong one", body = ApiError),
        (status = 413, description = "Larger than 5 MB", body = ApiError),
        (status = 422, description = "Lines of the wrong shape", body = ApiError),
    ))]
#[allow(dead_code, reason = "documents the ministry's handler in the contract")]
fn ipr_lines() {}

struct Security;

impl utoipa::Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "ipr_key",
            SecurityScheme::Http(
                HttpBuilder::new().scheme(HttpAuthScheme::Bearer).description(Some("APP_IPR_API_KEY")).build(),
            ),
        );
        components.add_security_scheme(
            "supplier_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A key the supplier made at /supplier/api-keys"))
                    .build(),
            ),
        );
    }
}

/// The contract.
#[derive(OpenApi)]
#[openapi(
    info(title = "Social Services Portal — open data", version = "1.0.0",
         description = "Read-only public data of the portal: the catalogue, offerings, reference lists, approved suppliers and provision statistics with small counts withheld. No sign-in; each client has a budget of requests per minute (429 with Retry-After beyond it). Money is in tiyn (1/100 tenge)."),
    paths(catalogue, offering, categories, regions, item_types, suppliers, provision, provision_csv, ipr_lines, super::supplier_sync::sync),
    components(schemas(ApiError, FieldProblem, super::supplier_sync::SyncLine)),
    modifiers(&Security),
    tags((name = "catalogue"), (name = "reference"), (name = "suppliers"), (name = "statistics"), (name = "ministry", description = "For the ministry's information systems, with a key"))
)]
pub struct ApiDoc;

/// The contract as JSON.
pub fn spec() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// `GET /api/v1/openapi.json`.
pub async fn openapi_json() -> Response {
    Json(spec()).into_response()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// `GET /api/v1`: a page listing the endpoints, from the contract, in the reader's language
/// (the contract's own descriptions are in English and marked so).
pub async fn page(Extension(caller): Extension<Caller>) -> Response {
    use app::i18n::{tr, tr_args};
    let lang = caller.lang;
    let spec = spec();
    let mut rows = String::new();
    for (path, item) in &spec.paths.paths {
        let ops = [("GET", &item.get), ("POST", &item.post)];
        for (method, op) in ops {
            let Some(op) = op else { continue };
            let summary = op.summary.clone().or_else(|| op.description.clone()).unwrap_or_default();
            let link = if method == "GET" && !path.contains('{') {
                format!("<a href=\"{0}\">{0}</a>", escape(path))
            } else {
                escape(path)
            };
            rows.push_str(&format!(
                "<tr><td>{method}</td><td><code>{link}</code></td><td lang=\"en\">{}</td></tr>\n",
                escape(&summary)
            ));
        }
    }
    let t = |key: &str| escape(&tr(lang, key));
    let body = format!(
        "<!DOCTYPE html><html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} — portal</title><link rel=\"stylesheet\" href=\"/pkg/portal.css\"></head>\
         <body><main class=\"app-main\" id=\"main\"><h1>{title}</h1><p>{intro}</p>\
         <p><a href=\"{PREFIX}/openapi.json\">{contract}</a></p><p>{rules}</p>\
         <table><caption>{endpoints}</caption><thead><tr><th scope=\"col\">{method}</th><th scope=\"col\">{path}</th><th scope=\"col\">{what}</th></tr></thead>\
         <tbody>{rows}</tbody></table><p><a href=\"/\">{home}</a></p></main></body></html>",
        code = lang.code(),
        title = t("open-data-title"),
        intro = t("open-data-intro"),
        contract = t("open-data-contract"),
        rules = escape(&tr_args(lang, "open-data-rules", &[("n", data::SUPPRESS_UNDER.to_string())])),
        endpoints = t("open-data-endpoints"),
        method = t("open-data-method"),
        path = t("open-data-path"),
        what = t("open-data-what"),
        home = t("back-home"),
    );
    let mut res = (StatusCode::OK, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response();
    res.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        ),
    );
    res
}

/// Each client's budget of requests to the API.
pub type Limiter = DefaultKeyedRateLimiter<String>;

/// A budget of `per_minute` requests a minute per client, with bursts of as many.
pub fn limiter(per_minute: u32) -> Arc<Limiter> {
    let n = NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
    Arc::new(RateLimiter::keyed(Quota::per_minute(n)))
}

/// Counts each API request against its client's budget; beyond it, 429 with `Retry-After`.
/// Public data may be read from any site (no credentials are ever involved).
pub async fn budget(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: Request,
    next: Next,
) -> Response {
    if !req.uri().path().starts_with(PREFIX) {
        return next.run(req).await;
    }
    let client = super::identify::client_ip(Some(peer.ip()), req.headers(), &state.ctx.settings.trusted_proxy_nets());
    // One entry per client address: forget the idle ones before they add up.
    if state.api_limit.len() > 10_000 {
        state.api_limit.retain_recent();
    }
    if let Err(wait) = state.api_limit.check_key(&client) {
        let seconds = wait
            .wait_time_from(governor::clock::Clock::now(&governor::clock::DefaultClock::default()))
            .as_secs()
            .max(1);
        metrics::counter!("api_requests_refused_total").increment(1);
        let mut res = error(StatusCode::TOO_MANY_REQUESTS, "too_many_requests");
        if let Ok(v) = HeaderValue::from_str(&seconds.to_string()) {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return res;
    }
    let mut res = next.run(req).await;
    res.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    res
}
