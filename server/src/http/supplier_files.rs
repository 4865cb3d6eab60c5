//! The supplier journey's file routes: uploading a document and a CSV of offerings (plain
//! multipart forms, so they work without JavaScript), and downloading a document, the CSV
//! template and a statement. Thin: read the request, call the service, answer with a
//! redirect back to the page (`?done=` or `?error=<code>`) or with the file.
use super::AppState;
use crate::http::OwnRoute;
use crate::services::supplier::documents::MAX_BYTES;
use app::error::AppError;
use app::ports::{Caller, Download};
use app::routes::supplier as r;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, Request, State};
use axum::handler::Handler;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Extension;
use http::{header, HeaderValue, Method, StatusCode};
use serde::Deserialize;
use std::collections::HashMap;

/// What the extractor may read of an upload request (the file plus the form around it).
const UPLOAD_LIMIT: usize = MAX_BYTES + 256 * 1024;

/// The routes, added to the application's router with the others it writes itself.
pub fn routes() -> Vec<OwnRoute> {
    vec![
        OwnRoute {
            method: Method::POST,
            path: r::DOCUMENT_UPLOAD.to_owned(),
            handler: post(upload_document.layer(DefaultBodyLimit::max(UPLOAD_LIMIT))),
        },
        OwnRoute { method: Method::GET, path: format!("{}/{{id}}", r::DOCUMENT_FILE), handler: get(download_document) },
        OwnRoute {
            method: Method::POST,
            path: r::OFFERINGS_IMPORT_UPLOAD.to_owned(),
            handler: post(upload_offerings.layer(DefaultBodyLimit::max(UPLOAD_LIMIT))),
        },
        OwnRoute { method: Method::GET, path: r::OFFERINGS_TEMPLATE.to_owned(), handler: get(template) },
        OwnRoute { method: Method::GET, path: r::STATEMENT_CSV.to_owned(), handler: get(statement_csv) },
    ]
}

/// An uploaded file.
struct Upload {
    name: String,
    bytes: Vec<u8>,
}

/// Reads the text fields and the one file field `file`, stopping as soon as the file is
/// larger than `max` (the error code is then `file_too_large`).
async fn read_form(
    multipart: Result<Multipart, MultipartRejection>,
    max: usize,
) -> Result<(HashMap<String, String>, Upload), &'static str> {
    let mut multipart = multipart.map_err(|_| "upload_failed")?;
    let mut fields = HashMap::new();
    let mut upload = Upload { name: String::new(), bytes: Vec::new() };
    while let Some(mut field) = multipart.next_field().await.map_err(|_| "upload_failed")? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            upload.name = field.file_name().unwrap_or_default().to_owned();
            while let Some(chunk) = field.chunk().await.map_err(|_| "upload_failed")? {
                if upload.bytes.len() + chunk.len() > max {
                    return Err("file_too_large");
                }
                upload.bytes.extend_from_slice(&chunk);
            }
        } else {
            let value = field.text().await.map_err(|_| "upload_failed")?;
            fields.insert(name, value.chars().take(200).collect());
        }
    }
    Ok((fields, upload))
}

/// Back to `page` with an error code it shows beside the file field.
fn back_with_error(page: &str, code: &str) -> Response {
    Redirect::to(&format!("{page}?error={code}")).into_response()
}

/// The code a page shows for a refusal: the field's own when there is one.
fn code_of(e: &AppError) -> String {
    e.fields().first().map(|f| f.code.clone()).unwrap_or_else(|| e.code().to_owned())
}

fn sign_in_then(page: &str) -> Response {
    Redirect::to(&format!("{}?next={page}", app::routes::SIGN_IN)).into_response()
}

/// `POST /supplier/documents/upload`: a document with its kind.
pub async fn upload_document(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    if caller.actor.is_none() {
        return sign_in_then(r::DOCUMENTS);
    }
    let (fields, file) = match read_form(multipart, MAX_BYTES).await {
        Ok(x) => x,
        Err(code) => return back_with_error(r::DOCUMENTS, code),
    };
    let kind = fields.get("kind").and_then(|k| app::domain::DocumentKind::from_code(k.trim()));
    match state.backend.supplier.documents.upload(&caller, kind, &file.name, file.bytes).await {
        Ok(_) => Redirect::to(&format!("{}?done=document_uploaded", r::DOCUMENTS)).into_response(),
        Err(e @ AppError::Forbidden) => refused(&caller, &e),
        Err(e) => back_with_error(r::DOCUMENTS, &code_of(&e)),
    }
}

/// `POST /supplier/offerings/import/upload`: a CSV file of offerings.
pub async fn upload_offerings(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    if caller.actor.is_none() {
        return sign_in_then(r::OFFERINGS_IMPORT);
    }
    let (_, file) = match read_form(multipart, crate::services::supplier::import::MAX_BYTES).await {
        Ok(x) => x,
        Err(code) => return back_with_error(r::OFFERINGS_IMPORT, code),
    };
    match state.backend.supplier.offerings.import_csv(&caller, &file.name, file.bytes).await {
        Ok(key) => Redirect::to(&format!("{}?report={key}", r::OFFERINGS_IMPORT)).into_response(),
        Err(e @ AppError::Forbidden) => refused(&caller, &e),
        Err(e) => back_with_error(r::OFFERINGS_IMPORT, &code_of(&e)),
    }
}

/// `filename` and `filename*` for `Content-Disposition`: an ASCII stand-in for old clients
/// and the real name, percent-encoded as UTF-8 (RFC 6266).
pub fn disposition(name: &str) -> String {
    let ascii: String =
        name.chars().map(|c| if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' { c } else { '_' }).collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

fn send(file: Download) -> Response {
    let mut res = file.bytes.into_response();
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&file.content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&disposition(&file.file_name)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

/// A short page for a download or upload that cannot be given, in the reader's language.
pub fn refused(caller: &Caller, e: &AppError) -> Response {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let lang = caller.lang.code();
    let message = app::i18n::tr(caller.lang, &format!("err-{}", e.code()));
    let home = app::i18n::tr(caller.lang, "back-home");
    let body = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
         <body><main><h1>{}</h1><p><a href=\"/\">{home}</a></p></main></body></html>",
        status.as_u16(),
        message.replace('<', "&lt;")
    );
    (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

/// `GET /documents/{id}`: a document, for its supplier or ministry staff.
pub async fn download_document(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Response {
    let here = format!("{}/{id}", r::DOCUMENT_FILE);
    if caller.actor.is_none() {
        return sign_in_then(&here);
    }
    let Ok(id) = id.parse::<i32>() else { return refused(&caller, &AppError::NotFound) };
    match state.backend.supplier.documents.file(&caller, id).await {
        Ok(f) => send(Download { file_name: f.file_name, content_type: f.content_type, bytes: f.bytes }),
        Err(e) => refused(&caller, &e),
    }
}

/// `GET /supplier/offerings/template.csv`.
pub async fn template(State(state): State<AppState>, Extension(caller): Extension<Caller>) -> Response {
    if caller.actor.is_none() {
        return sign_in_then(r::OFFERINGS_IMPORT);
    }
    match state.backend.supplier.offerings.template(&caller).await {
        Ok(f) => send(f),
        Err(e) => refused(&caller, &e),
    }
}

/// The month asked for.
#[derive(Deserialize)]
pub struct MonthQuery {
    #[serde(default)]
    month: String,
}

/// `GET /supplier/statement.csv?month=YYYY-MM`.
pub async fn statement_csv(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(q): Query<MonthQuery>,
) -> Response {
    if caller.actor.is_none() {
        return sign_in_then(r::STATEMENTS);
    }
    match state.backend.supplier.money.statement_csv(&caller, &q.month).await {
        Ok(f) => send(f),
        Err(e) => refused(&caller, &e),
    }
}

/// An upload bigger than the server takes at all is stopped before any handler with 413; a
/// person gets the upload page back with the reason instead of a bare error.
pub async fn too_large_to_redirect(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let res = next.run(req).await;
    if res.status() != StatusCode::PAYLOAD_TOO_LARGE {
        return res;
    }
    match path.as_str() {
        r::DOCUMENT_UPLOAD => back_with_error(r::DOCUMENTS, "file_too_large"),
        r::OFFERINGS_IMPORT_UPLOAD => back_with_error(r::OFFERINGS_IMPORT, "file_too_large"),
        _ => res,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn download_names_keep_cyrillic_for_browsers_that_read_it() {
        assert_eq!(disposition("a b.pdf"), "attachment; filename=\"a b.pdf\"; filename*=UTF-8''a%20b.pdf");
        let d = disposition("Лицензия.pdf");
        assert!(d.starts_with("attachment; filename=\"________.pdf\"; filename*=UTF-8''%D0%9B"), "{d}");
    }
}
