//! Messages to people by e-mail and SMS, through the outbox.
//!
//! An event that should reach a person writes an [`Outgoing`] with [`enqueue`] in the same
//! transaction as the event itself: the message exists exactly when the event does. The
//! worker ([`worker`]) delivers due rows later, retrying with growing waits.
//!
//! Texts come from the Fluent files (`msg-<kind>-subject`, `msg-<kind>-text`, and for SMS
//! `msg-<kind>-sms`) in the person's language. E-mails carry a plain-text part and large,
//! readable HTML made from the same paragraphs.
pub mod delivery;
pub mod sms;
pub mod smtp;
pub mod worker;

pub use delivery::{DeliveryError, Mailer, SmsGateway, Transports};
pub use worker::{deliver_due, Clock, SystemClock};

use crate::entities::outbox_messages;
use app::components::title::escape_html as escape;
use app::domain::Lang;
use app::i18n::tr_args;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

/// How a message travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// E-mail through SMTP.
    Email,
    /// A text message through the SMS gateway.
    Sms,
}

impl Channel {
    /// The stored name.
    pub fn code(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
        }
    }
}

/// A message ready for the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// E-mail or SMS.
    pub channel: Channel,
    /// The e-mail address or phone number.
    pub address: String,
    /// The language it is written in.
    pub lang: Lang,
    /// What it is about, e.g. `email_confirm`.
    pub kind: &'static str,
    /// The subject (e-mail) or empty (SMS).
    pub subject: String,
    /// The plain text.
    pub text: String,
    /// The HTML part of an e-mail.
    pub html: Option<String>,
}

impl Outgoing {
    /// An e-mail of `kind` in `lang`, from `msg-<kind>-subject` and `msg-<kind>-text` (its
    /// paragraphs separated by blank lines; a paragraph that is a link becomes a button-sized
    /// link in the HTML part).
    pub fn email(address: &str, lang: Lang, kind: &'static str, args: &[(&'static str, String)]) -> Self {
        let subject = tr_args(lang, &format!("msg-{kind}-subject"), args);
        let text = tr_args(lang, &format!("msg-{kind}-text"), args);
        let html = Some(html_of(lang, &subject, &text));
        Outgoing { channel: Channel::Email, address: address.to_owned(), lang, kind, subject, text, html }
    }

    /// A short plain SMS of `kind` in `lang`, from `msg-<kind>-sms`.
    pub fn sms(phone: &str, lang: Lang, kind: &'static str, args: &[(&'static str, String)]) -> Self {
        let text = tr_args(lang, &format!("msg-{kind}-sms"), args);
        Outgoing {
            channel: Channel::Sms,
            address: phone.to_owned(),
            lang,
            kind,
            subject: String::new(),
            text,
            html: None,
        }
    }
}

/// The HTML part: the same paragraphs in large type, links as large targets.
fn html_of(lang: Lang, subject: &str, text: &str) -> String {
    let mut body = String::new();
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        if para.starts_with("https://") || para.starts_with("http://") {
            let url = escape(para);
            body.push_str(&format!(
                "<p><a href=\"{url}\" style=\"display:inline-block;padding:12px 20px;font-size:20px;background:#0b5394;color:#ffffff;text-decoration:underline\">{url}</a></p>\n"
            ));
        } else {
            body.push_str(&format!("<p>{}</p>\n", escape(para).replace('\n', "<br>")));
        }
    }
    format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\n<body style=\"font-family:Arial,sans-serif;font-size:20px;line-height:1.5;color:#1a1a1a;max-width:40em;margin:0 auto;padding:16px\">\n<h1 style=\"font-size:26px\">{}</h1>\n{}</body></html>\n",
        lang.code(),
        escape(subject),
        escape(subject),
        body
    )
}

/// Writes `msg` to the outbox (call it inside the event's transaction) and returns its id.
pub async fn enqueue<C: ConnectionTrait>(db: &C, msg: Outgoing) -> Result<String, sea_orm::DbErr> {
    let id = uuid::Uuid::new_v4().to_string();
    let now = Utc::now();
    outbox_messages::ActiveModel {
        id: Set(id.clone()),
        channel: Set(msg.channel.code().into()),
        address: Set(msg.address.chars().take(254).collect()),
        language: Set(msg.lang.code().into()),
        kind: Set(msg.kind.into()),
        subject: Set(msg.subject.chars().take(300).collect()),
        body_text: Set(msg.text),
        body_html: Set(msg.html),
        status: Set("queued".into()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        locked_until: Set(None),
        sent_at: Set(None),
        last_error: Set(None),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_html_part_escapes_text_and_makes_links_large() {
        let html = html_of(Lang::En, "Hi <b>", "Dear <script>\n\nhttps://portal.kz/confirm?t=a&b");
        assert!(html.contains("Hi &lt;b&gt;"));
        assert!(html.contains("Dear &lt;script&gt;"));
        assert!(html.contains("href=\"https://portal.kz/confirm?t=a&amp;b\""));
        assert!(!html.contains("<script>"));
    }
}
