//! What the portal tells whoever runs it: log lines (plain text locally, JSON lines with
//! `APP_LOG_FORMAT=json`) and the counters behind `/metrics` that are kept where things
//! happen. Log lines never carry personal data: no IINs, names, e-mail addresses, tokens or
//! the addresses' query strings; a request is known by its id, method and route pattern.
use tracing_subscriber::EnvFilter;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines (the default).
    Text,
    /// One JSON object per line, the request's id, method and route in `span`.
    Json,
}

impl LogFormat {
    /// `APP_LOG_FORMAT`: unset, `text` or `json`.
    pub fn parse(value: Option<&str>) -> Result<Self, String> {
        match value.map(str::trim) {
            None | Some("" | "text") => Ok(Self::Text),
            Some("json") => Ok(Self::Json),
            Some(other) => Err(format!("APP_LOG_FORMAT must be text or json, not {other:?}")),
        }
    }
}

impl LogFormat {
    /// The format `APP_LOG_FORMAT` asks for (text when it is unset or unreadable).
    pub fn from_env() -> Self {
        Self::parse(std::env::var("APP_LOG_FORMAT").ok().as_deref()).unwrap_or(Self::Text)
    }
}

/// Says where the portal answers: a plain line for a person at a terminal, a JSON line
/// like every other when the logs are JSON.
pub fn announce(url: &str) {
    match LogFormat::from_env() {
        LogFormat::Text => println!("Social Services Portal is running at {url}"),
        LogFormat::Json => tracing::info!(url, "Social Services Portal is running"),
    }
}

/// Starts logging for the process: `RUST_LOG` chooses what is written (by default the
/// portal's own lines at info, one per request, and only warnings from the libraries).
pub fn init_logging() -> anyhow::Result<()> {
    let format = LogFormat::parse(std::env::var("APP_LOG_FORMAT").ok().as_deref()).map_err(anyhow::Error::msg)?;
    // Everything the process writes is then a log line of that format.
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,sqlx=warn,sea_orm=warn,tower_http=warn".into());
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().flatten_event(true).with_current_span(true).with_span_list(false).init(),
    }
    Ok(())
}

/// An order was placed.
pub fn order_placed() {
    metrics::counter!("orders_placed_total").increment(1);
}

/// A sign-in was refused; `reason` is the attempt's outcome code (`failure`, `throttled`).
pub fn sign_in_failed(reason: &'static str) {
    metrics::counter!("sign_in_failures_total", "reason" => reason).increment(1);
}

/// A message of the outbox was delivered; `channel` is `email` or `sms`.
pub fn message_sent(channel: &'static str) {
    metrics::counter!("outbox_messages_sent_total", "channel" => channel).increment(1);
}

/// An attempt to deliver a message failed; it waits and is tried again.
pub fn message_attempt_failed(channel: &'static str) {
    metrics::counter!("outbox_delivery_failures_total", "channel" => channel).increment(1);
}

/// A message failed its last attempt and is given up (`failed`).
pub fn message_given_up(channel: &'static str) {
    metrics::counter!("outbox_messages_failed_total", "channel" => channel).increment(1);
}

/// Messages waiting in the outbox, counted by the worker after each round.
pub fn messages_queued(n: u64) {
    metrics::gauge!("outbox_messages_queued").set(n as f64);
}

/// Logs an unexpected failure with a reference and returns the error people see, which
/// carries only that reference.
pub fn unexpected(e: impl std::fmt::Display) -> app::error::AppError {
    let reference = uuid::Uuid::new_v4().simple().to_string()[..8].to_owned();
    tracing::error!(reference, error = %e, "unexpected error");
    app::error::AppError::Unexpected(reference)
}

/// Maps a database error to an unexpected failure.
pub trait OrUnexpected<T> {
    /// `Err` becomes [`app::error::AppError::Unexpected`], logged.
    fn or_unexpected(self) -> Result<T, app::error::AppError>;
}

impl<T, E: std::fmt::Display> OrUnexpected<T> for Result<T, E> {
    fn or_unexpected(self) -> Result<T, app::error::AppError> {
        self.map_err(unexpected)
    }
}

#[cfg(test)]
mod tests {
    use super::LogFormat;

    #[test]
    fn the_log_format_is_text_unless_json_is_asked_for_and_anything_else_is_refused() {
        assert_eq!(LogFormat::parse(None), Ok(LogFormat::Text));
        assert_eq!(LogFormat::parse(Some("text")), Ok(LogFormat::Text));
        assert_eq!(LogFormat::parse(Some(" json ")), Ok(LogFormat::Json));
        assert!(LogFormat::parse(Some("JSON lines")).is_err());
    }
}
