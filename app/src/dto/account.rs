//! What the account pages show: one's own sessions, the second factor, the account itself.
use crate::domain::Role;
use serde::{Deserialize, Serialize};

/// What setting up the second factor shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondFactorKey {
    /// The account the authenticator app will name.
    pub account: String,
    /// The secret in groups of four, to type by hand.
    pub secret: String,
    /// The QR code as an inline SVG element (drawn by the server, hidden from screen readers).
    pub qr_svg: String,
}

/// One of one's own sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    /// When it began (`YYYY-MM-DD HH:MM UTC`).
    pub started: String,
    /// When it was last renewed.
    pub last_seen: String,
    /// The address it began from.
    pub ip: String,
    /// The browser, as it named itself.
    pub browser: String,
    /// Whether it is the session reading the page.
    pub current: bool,
}

/// The account page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    /// Sign-in e-mail.
    pub email: String,
    /// Name.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// For staff and admins: when the second factor was set up (`None`: not yet).
    pub second_factor_since: Option<String>,
    /// Recovery codes not used yet.
    pub recovery_codes_left: u32,
    /// When the password was last changed.
    pub password_changed: Option<String>,
    /// Sessions open now, this one included.
    pub open_sessions: u32,
}

/// The page where a recipient account proves who it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityView {
    /// The IIN typed at sign-up, while it is not proven.
    pub claimed_iin: Option<String>,
    /// The people the account is linked to (its own record, or those it represents).
    pub linked: Vec<String>,
}

/// An activation letter a regional officer prints and hands over in person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivationLetterView {
    /// The code, shown once, as `XXXX-XXXX-XXXX`.
    pub code: String,
    /// The person the letter opens.
    pub full_name: String,
    /// Their IIN.
    pub iin: String,
    /// The region of the office.
    pub region: String,
    /// Whether it links a legal representative rather than the person themself.
    pub for_representative: bool,
    /// The last day it can be used.
    pub valid_until: String,
    /// When it was issued.
    pub issued: String,
}

/// How a person wants to hear from the portal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactPreferences {
    /// By e-mail.
    pub by_email: bool,
    /// By SMS.
    pub by_sms: bool,
    /// In the portal's own notifications.
    pub in_app: bool,
    /// How e-mails look.
    pub email_format: crate::domain::EmailFormat,
    /// The language of the portal, the e-mails and the SMS.
    pub language: crate::domain::Lang,
}

impl ContactPreferences {
    /// The choice as a form sends it: `channels` among `email`, `sms` and `in_app`, a
    /// language code and an e-mail format code; each unknown value is an error on its field.
    pub fn parse(channels: &[String], language: &str, email_format: &str) -> Result<Self, crate::error::AppError> {
        use crate::domain::{EmailFormat, Lang};
        let mut errors = crate::error::FieldErrors::new();
        if channels.iter().any(|c| !matches!(c.as_str(), "email" | "sms" | "in_app")) {
            errors.add("channels", "unknown_channel");
        }
        let language = errors.check("language", Lang::from_code(language).ok_or("unknown_language"));
        let email_format = errors.check("email_format", EmailFormat::from_code(email_format).ok_or("unknown_format"));
        errors.finish()?;
        let (Some(language), Some(email_format)) = (language, email_format) else {
            return Err(crate::error::AppError::Malformed);
        };
        let on = |c: &str| channels.iter().any(|x| x == c);
        Ok(Self { by_email: on("email"), by_sms: on("sms"), in_app: on("in_app"), email_format, language })
    }
}

/// The communication settings page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactPreferencesView {
    /// What is chosen now.
    pub chosen: ContactPreferences,
    /// The address e-mails go to.
    pub email: String,
    /// The phone SMS go to, all but its last digits hidden; none when no phone is known.
    pub phone: Option<String>,
}
