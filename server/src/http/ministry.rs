//! The ministry's routes that are not pages or server functions: the IPR file upload (a
//! multipart form), the machine interface for IPR lines, the provision CSV and suppliers'
//! documents for review.
use super::AppState;
use crate::services::ministry::imports::{import, Via};
use crate::services::ministry::ipr_lines::{from_json, MAX_BYTES};
use crate::services::ministry::{provision_csv, Scope};
use app::error::AppError;
use app::ports::Caller;
use axum::body::Bytes;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Json};
use http::{header, HeaderMap, HeaderValue, StatusCode};
use secrecy::ExposeSecret;
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// Where the upload form sends its file.
pub const UPLOAD_PATH: &str = app::routes::STAFF_IMPORT_UPLOAD;
/// The machine interface for IPR lines.
pub const API_PATH: &str = "/api/v1/ipr-lines";
/// The provision dashboard as CSV.
pub const CSV_PATH: &str = app::routes::STAFF_PROVISION_CSV;
/// Largest upload or API body: the 5 MB file plus the multipart envelope.
pub const BODY_LIMIT: usize = MAX_BYTES + 64 * 1024;
/// A supplier's document.
pub const DOCUMENT_PATH: &str = "/staff/suppliers/{supplier}/documents/{document}";

fn sign_in_first(next: &str) -> Response {
    Redirect::to(&format!("{}?next={next}", app::routes::SIGN_IN)).into_response()
}

/// `POST /staff/imports/upload`: reads the file, imports it and shows the report; a refusal
/// goes back to the upload page with its code.
pub async fn upload(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    mut form: Multipart,
) -> Response {
    let back = |code: &str| Redirect::to(&format!("{}?error={code}", app::routes::STAFF_IMPORTS)).into_response();
    if caller.actor.is_none() {
        return sign_in_first(app::routes::STAFF_IMPORTS);
    }
    // Who may import is settled before the file is read.
    if let Err(e) = crate::services::ministry::staff_scope(&caller) {
        return error_page(&caller, &e, app::routes::STAFF_IMPORTS);
    }
    let mut file = None;
    loop {
        match form.next_field().await {
            Ok(Some(field)) if field.name() == Some("ipr_file") => {
                let name = field.file_name().unwrap_or_default().to_owned();
                match field.bytes().await {
                    Ok(bytes) => file = Some((name, bytes)),
                    Err(_) => return back("bad_file"),
                }
            }
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(_) => return back("bad_file"),
        }
    }
    let Some((name, bytes)) = file.filter(|(n, b)| !n.is_empty() || !b.is_empty()) else {
        return back("file_required");
    };
    match state.backend.ipr_imports.upload(&caller, &name, bytes.to_vec()).await {
        Ok(report) => {
            Redirect::to(&format!("{}/{}?done=imported", app::routes::STAFF_IMPORTS, report.summary.id)).into_response()
        }
        Err(AppError::NotSignedIn) => sign_in_first(app::routes::STAFF_IMPORTS),
        Err(e) => back(e.fields().first().map(|f| f.code.as_str()).unwrap_or(e.code())),
    }
}

/// The bearer token of a request, if it has one.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = v.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then_some(token.trim()).filter(|t| !t.is_empty())
}

/// Compares two keys in time that depends on neither: both are hashed to 32 bytes first,
/// then every byte is compared.
pub fn same_key(given: &str, expected: &str) -> bool {
    let (a, b) = (Sha256::digest(given.as_bytes()), Sha256::digest(expected.as_bytes()));
    a.iter().zip(b.iter()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn json_error(status: StatusCode, code: &str) -> Response {
    super::open_data::error(status, code)
}

/// `POST /api/v1/ipr-lines`: the same import for another information system, with a bearer
/// key. Body: an array of lines or `{"file_name": "...", "lines": [...]}`; answer: the report.
pub async fn api(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let Some(expected) = state.ctx.settings.ipr_api_key.as_ref() else {
        return json_error(StatusCode::UNAUTHORIZED, "unauthorized");
    };
    match bearer(&headers) {
        Some(given) if same_key(given, expected.expose_secret()) => {}
        _ => return json_error(StatusCode::UNAUTHORIZED, "unauthorized"),
    }
    if body.len() > MAX_BYTES {
        return json_error(StatusCode::PAYLOAD_TOO_LARGE, "file_too_large");
    }
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(&body) else {
        return json_error(StatusCode::BAD_REQUEST, "bad_json");
    };
    let name = value.get("file_name").and_then(|v| v.as_str()).unwrap_or("api").to_owned();
    let lines = match from_json(value) {
        Ok(l) => l,
        Err(code) => return json_error(StatusCode::UNPROCESSABLE_ENTITY, code),
    };
    match import(&state.ctx, None, &Scope::Central, Via::Api, &name, &body, lines).await {
        Ok(report) => (StatusCode::OK, Json(report)).into_response(),
        Err(e) => json_error(StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR), e.code()),
    }
}

/// The period of the CSV.
#[derive(Deserialize)]
pub struct PeriodQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

fn error_page(caller: &Caller, e: &AppError, next: &str) -> Response {
    match e {
        AppError::NotSignedIn => sign_in_first(next),
        other => super::supplier_files::refused(caller, other),
    }
}

fn attachment(file_name: &str) -> HeaderValue {
    // An ASCII fallback and the exact name (RFC 6266 / 5987) for Cyrillic file names.
    let ascii: String =
        file_name.chars().map(|c| if c.is_ascii_alphanumeric() || ".-_".contains(c) { c } else { '_' }).collect();
    let encoded: String = file_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b".-_".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    HeaderValue::from_str(&format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"))
        .unwrap_or(HeaderValue::from_static("attachment"))
}

/// `GET /staff/provision.csv?from=&to=`: the dashboard as a spreadsheet.
pub async fn provision_csv(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(q): Query<PeriodQuery>,
) -> Response {
    match state.backend.provision.provision(&caller, &q.from, &q.to).await {
        Ok(view) => {
            let body = provision_csv::render(&view, caller.lang);
            let disposition = attachment(&provision_csv::file_name(&view));
            (
                [
                    (header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8")),
                    (header::CONTENT_DISPOSITION, disposition),
                ],
                body,
            )
                .into_response()
        }
        Err(e) => error_page(&caller, &e, app::routes::STAFF_PROVISION),
    }
}

/// `GET /staff/suppliers/{supplier}/documents/{document}`: a document for review.
pub async fn document(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((supplier, doc)): Path<(i32, i32)>,
) -> Response {
    match state.backend.staff_suppliers.document(&caller, supplier, doc).await {
        Ok(file) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_str(&file.content_type)
                        .unwrap_or(HeaderValue::from_static("application/octet-stream")),
                ),
                (header::CONTENT_DISPOSITION, attachment(&file.file_name)),
            ],
            file.bytes,
        )
            .into_response(),
        Err(e) => error_page(&caller, &e, &format!("{}/{supplier}", app::routes::STAFF_SUPPLIERS)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_match_only_when_equal() {
        assert!(same_key("abc", "abc"));
        assert!(!same_key("abc", "abd"));
        assert!(!same_key("", "abc"));
    }

    #[test]
    fn a_bearer_token_is_read_whatever_the_scheme_case() {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, HeaderValue::from_static("bearer k-1"));
        assert_eq!(bearer(&h), Some("k-1"));
        h.insert(header::AUTHORIZATION, HeaderValue::from_static("Basic abc"));
        assert_eq!(bearer(&h), None);
    }

    #[test]
    fn cyrillic_file_names_are_encoded_for_the_header() {
        let v = attachment("Лицензия.pdf");
        let s = v.to_str().unwrap();
        assert!(s.contains("filename*=UTF-8''%D0%9B"), "{s}");
    }
}
