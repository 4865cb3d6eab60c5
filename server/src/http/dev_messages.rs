//! `/dev/messages`, in development only: the messages the outbox holds (what would go out by
//! e-mail and SMS), newest first, so a developer or an end-to-end test can follow a
//! confirmation link or read a code without a mail server. In production it does not exist
//! (404), and production refuses to start without real SMTP and SMS settings.
use super::AppState;
use crate::config::Environment;
use crate::entities::outbox_messages;
use app::components::title::escape_html as escape;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use http::StatusCode;
use sea_orm::{EntityTrait, QueryOrder, QuerySelect};

/// The path.
pub const PATH: &str = "/dev/messages";

/// The newest 100 messages.
pub async fn page(State(state): State<AppState>) -> Response {
    if state.ctx.settings.environment != Environment::Development {
        return StatusCode::NOT_FOUND.into_response();
    }
    let rows = match outbox_messages::Entity::find()
        .order_by_desc(outbox_messages::Column::CreatedAt)
        .limit(100)
        .all(&state.ctx.db)
        .await
    {
        Ok(rows) => rows,
        Err(e) => {
            crate::services::unexpected(e);
            return (StatusCode::INTERNAL_SERVER_ERROR, "The messages could not be read.").into_response();
        }
    };
    let items: String = rows
        .iter()
        .map(|m| {
            format!(
                "<article class=\"message\" data-to=\"{to}\" data-kind=\"{kind}\"><h2>{subject}</h2><p>{channel} · {to} · {status} · {at}</p><pre>{text}</pre></article>\n",
                to = escape(&m.address),
                kind = escape(&m.kind),
                subject = escape(if m.subject.is_empty() { &m.kind } else { &m.subject }),
                channel = escape(&m.channel),
                status = escape(&m.status),
                at = m.created_at.format("%Y-%m-%d %H:%M:%S UTC"),
                text = escape(&m.body_text),
            )
        })
        .collect();
    Html(format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Outbox (development)</title></head>\n<body><main><h1>Outbox (development only)</h1>\n<p>What the portal would send by e-mail and SMS, newest first.</p>\n{items}</main></body></html>\n"
    ))
    .into_response()
}
