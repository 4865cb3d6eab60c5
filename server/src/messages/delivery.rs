//! What carries a message out: a [`Mailer`] for e-mail and an [`SmsGateway`] for texts, each
//! with a real adapter (SMTP, the gateway's HTTP API) and a file sink for development.
use super::{sms, smtp};
use crate::config::Settings;
use async_trait::async_trait;
use std::sync::Arc;

/// Why one attempt failed: a short reason fit for a log line and the outbox row's
/// `last_error`, never the address or the text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct DeliveryError(String);

impl DeliveryError {
    /// A reason (keep it free of personal data).
    pub fn new(reason: impl Into<String>) -> Self {
        Self(reason.into())
    }
}

/// One e-mail of the outbox.
#[derive(Debug, Clone, Copy)]
pub struct Mail<'a> {
    /// The outbox row's id: the message's `Message-ID` is made of it.
    pub id: &'a str,
    /// The recipient's address.
    pub to: &'a str,
    /// The subject.
    pub subject: &'a str,
    /// The plain-text part.
    pub text: &'a str,
    /// The HTML part, when there is one.
    pub html: Option<&'a str>,
}

/// One text message of the outbox.
#[derive(Debug, Clone, Copy)]
pub struct Sms<'a> {
    /// The outbox row's id: the gateway's idempotency key.
    pub id: &'a str,
    /// The phone number.
    pub to: &'a str,
    /// The text.
    pub text: &'a str,
}

/// Sends e-mails.
#[async_trait]
pub trait Mailer: Send + Sync {
    /// Hands one e-mail over; `Ok` once the server (or the file) has it.
    async fn send(&self, mail: &Mail<'_>) -> Result<(), DeliveryError>;
}

/// Sends text messages.
#[async_trait]
pub trait SmsGateway: Send + Sync {
    /// Hands one text over; `Ok` once the gateway accepted it.
    async fn send(&self, sms: &Sms<'_>) -> Result<(), DeliveryError>;
}

/// The ways out the worker delivers through.
#[derive(Clone)]
pub struct Transports {
    /// E-mail.
    pub mail: Arc<dyn Mailer>,
    /// SMS.
    pub sms: Arc<dyn SmsGateway>,
}

impl Transports {
    /// SMTP and the SMS gateway when configured; otherwise (development only: production
    /// refuses to start without them) files in `<data_dir>/outbox/`.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        let sink = settings.data_dir.join("outbox");
        let from = settings.mail_from();
        let mail: Arc<dyn Mailer> = match &settings.smtp_url {
            Some(url) => Arc::new(smtp::SmtpMailer::new(url, &from)?),
            None => Arc::new(smtp::FileMailer::new(sink.clone(), &from)?),
        };
        let sms: Arc<dyn SmsGateway> =
            match (settings.sms_url.as_deref().map(str::trim).filter(|u| !u.is_empty()), &settings.sms_key) {
                (Some(url), Some(key)) => Arc::new(sms::HttpSms::new(url, key.clone())?),
                _ => Arc::new(sms::FileSms::new(sink)),
            };
        Ok(Self { mail, sms })
    }
}

/// Whether `id` may name a file: outbox ids are UUIDs, so anything else is refused rather
/// than written somewhere unexpected.
pub(super) fn safe_file_id(id: &str) -> Result<&str, DeliveryError> {
    if !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        Ok(id)
    } else {
        Err(DeliveryError::new("the outbox id cannot name a file"))
    }
}

/// Writes `bytes` to `dir/name`, owner-only (it holds an address and a message).
pub(super) async fn write_sink(dir: std::path::PathBuf, name: String, bytes: Vec<u8>) -> Result<(), DeliveryError> {
    let written = tokio::task::spawn_blocking(move || {
        crate::private_files::private_dir(&dir)?;
        crate::private_files::write_private(&dir.join(name), &bytes)
    })
    .await;
    match written {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => Err(DeliveryError::new(format!("file sink: {}", e.kind()))),
        Err(_) => Err(DeliveryError::new("file sink: the writer stopped")),
    }
}
