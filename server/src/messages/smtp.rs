//! E-mail through SMTP (lettre), or into `.eml` files in development. Both build the same
//! message: From the portal, To the person, the subject, a `multipart/alternative` body (the
//! plain text, then the HTML when there is one) and `Message-ID: <outbox-id@portal>`, so an
//! e-mail delivered twice (a worker stopped between handing it over and marking it sent)
//! carries one id and mail clients show it once.
use super::delivery::{safe_file_id, write_sink, DeliveryError, Mail, Mailer};
use anyhow::anyhow;
use async_trait::async_trait;
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::{ExposeSecret, SecretString};
use std::path::PathBuf;
use std::time::Duration;

/// How long one conversation with the SMTP server may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(20);

/// The `Message-ID` of the outbox row `id`.
pub fn message_id(id: &str) -> String {
    format!("<{id}@portal>")
}

/// The e-mail `mail` from `from`.
pub fn message(from: &Mailbox, mail: &Mail<'_>) -> Result<Message, DeliveryError> {
    let to: Mailbox =
        mail.to.trim().parse().map_err(|_| DeliveryError::new("the recipient is not a valid e-mail address"))?;
    let mut body = MultiPart::alternative().singlepart(SinglePart::plain(mail.text.to_owned()));
    if let Some(html) = mail.html {
        body = body.singlepart(SinglePart::html(html.to_owned()));
    }
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(mail.subject)
        .message_id(Some(message_id(mail.id)))
        .multipart(body)
        .map_err(|_| DeliveryError::new("the e-mail could not be built"))
}

/// The sender, checked.
fn sender(from: &str) -> anyhow::Result<Mailbox> {
    from.trim()
        .parse::<Mailbox>()
        .map_err(|_| anyhow!("APP_MAIL_FROM must be an e-mail address, optionally with a name"))
}

/// lettre's form of the URL: our `?tls=starttls` is lettre's `?tls=required` (STARTTLS that
/// must succeed).
fn lettre_url(url: &str) -> String {
    match url.split_once('?') {
        Some((base, query)) => {
            let query: Vec<&str> = query
                .split('&')
                .map(|p| if p.eq_ignore_ascii_case("tls=starttls") { "tls=required" } else { p })
                .collect();
            format!("{base}?{}", query.join("&"))
        }
        None => url.to_owned(),
    }
}

/// A short reason for an SMTP failure. lettre's own text may quote the server's answer,
/// which often names the recipient, so only the kind of failure and the reply code are kept.
fn reason(e: &lettre::transport::smtp::Error) -> DeliveryError {
    let what = if e.is_timeout() {
        "timed out"
    } else if e.is_tls() {
        "TLS failed"
    } else if e.is_permanent() {
        "refused permanently"
    } else if e.is_transient() {
        "refused for now"
    } else if e.is_response() {
        "unexpected answer"
    } else if e.is_client() {
        "client error"
    } else {
        "connection failed"
    };
    DeliveryError::new(match e.status() {
        Some(code) => format!("smtp: {what} ({code})"),
        None => format!("smtp: {what}"),
    })
}

/// E-mail through an SMTP server.
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMailer {
    /// A mailer for `url` (`smtp://host:port`, `smtp://host:port?tls=starttls`,
    /// `smtps://host:port`, with `user:password@` when needed) sending as `from`.
    pub fn new(url: &SecretString, from: &str) -> anyhow::Result<Self> {
        // lettre's errors name the scheme or what is malformed, never the URL with its password.
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&lettre_url(url.expose_secret().trim()))
            .map_err(|e| anyhow!("APP_SMTP_URL: {e}"))?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        Ok(Self { transport, from: sender(from)? })
    }
}

#[async_trait]
impl Mailer for SmtpMailer {
    async fn send(&self, mail: &Mail<'_>) -> Result<(), DeliveryError> {
        let message = message(&self.from, mail)?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| reason(&e))
    }
}

/// E-mail into `<dir>/<id>.eml` (development without an SMTP server): open one in any mail
/// client to see what would have been sent.
pub struct FileMailer {
    dir: PathBuf,
    from: Mailbox,
}

impl FileMailer {
    /// A mailer writing into `dir`, sending as `from`.
    pub fn new(dir: PathBuf, from: &str) -> anyhow::Result<Self> {
        Ok(Self { dir, from: sender(from)? })
    }
}

#[async_trait]
impl Mailer for FileMailer {
    async fn send(&self, mail: &Mail<'_>) -> Result<(), DeliveryError> {
        let name = format!("{}.eml", safe_file_id(mail.id)?);
        let bytes = message(&self.from, mail)?.formatted();
        write_sink(self.dir.clone(), name, bytes).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starttls_is_lettres_required_tls_and_other_parameters_stay() {
        assert_eq!(lettre_url("smtp://mail.kz:587?tls=starttls"), "smtp://mail.kz:587?tls=required");
        assert_eq!(lettre_url("smtp://u:p@mail.kz:587?a=b&tls=STARTTLS"), "smtp://u:p@mail.kz:587?a=b&tls=required");
        assert_eq!(lettre_url("smtps://mail.kz"), "smtps://mail.kz");
    }

    #[tokio::test]
    async fn the_three_url_forms_make_a_mailer_and_others_are_refused() {
        for url in ["smtp://127.0.0.1:2525", "smtp://u:p@mail.kz:587?tls=starttls", "smtps://u:p@mail.kz:465"] {
            assert!(SmtpMailer::new(&SecretString::from(url), "Portal <portal@localhost>").is_ok(), "{url}");
        }
        let refused = SmtpMailer::new(&SecretString::from("http://user:s3cret@mail.kz"), "portal@localhost")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(refused.starts_with("APP_SMTP_URL"), "{refused}");
        assert!(!refused.contains("s3cret"), "{refused}");
        assert!(SmtpMailer::new(&SecretString::from("smtp://127.0.0.1:25"), "no address").is_err());
        assert!(
            SmtpMailer::new(&SecretString::from("smtp://127.0.0.1:25"), "Портал <noreply@portal.example.kz>").is_ok(),
            "a sender's name may be Cyrillic"
        );
    }

    #[test]
    fn the_message_is_text_and_html_alternatives_with_the_outbox_id() {
        let from: Mailbox = "Portal <portal@localhost>".parse().unwrap();
        let mail = Mail {
            id: "0b6f5c1e-1111-4222-8333-444455556666",
            to: "asel@mail.kz",
            subject: "Растау",
            text: "Сәлем",
            html: Some("<p>Сәлем</p>"),
        };
        let text = String::from_utf8(message(&from, &mail).unwrap().formatted()).unwrap();
        assert!(text.contains("Message-ID: <0b6f5c1e-1111-4222-8333-444455556666@portal>"), "{text}");
        assert!(text.contains("multipart/alternative"), "{text}");
        assert!(text.contains("text/plain") && text.contains("text/html"), "{text}");
        assert!(text.contains("To: asel@mail.kz"), "{text}");
        let refused = message(&from, &Mail { to: "not an address", ..mail }).err().unwrap().to_string();
        assert!(!refused.contains("not an address"), "{refused}");
    }
}
