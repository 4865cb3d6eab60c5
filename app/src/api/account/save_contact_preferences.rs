use crate::domain::{EmailFormat, Lang};
use crate::dto::account::ContactPreferences;
use crate::error::{AppError, FieldErrors};
use leptos::prelude::*;

/// Keeps how one wants to hear from the portal. `channels[]` is a checkbox list of `email`,
/// `sms` and `in_app`.
#[server(prefix = "/api", endpoint = "save_contact_preferences")]
pub async fn save_contact_preferences(channels: Option<Vec<String>>, language: String, email_format: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    // Who may ask comes before what the form expects.
    caller.signed_in()?;
    let channels = channels.unwrap_or_default();
    let joined = channels.join(",");
    let typed = [("channels", joined.as_str()), ("language", &language), ("email_format", &email_format)];
    let chosen = async {
        let mut errors = FieldErrors::new();
        if channels.iter().any(|c| !matches!(c.as_str(), "email" | "sms" | "in_app")) {
            errors.add("channels", "unknown_channel");
        }
        let language = errors.check("language", Lang::from_code(&language).ok_or("unknown_language"));
        let email_format = errors.check("email_format", EmailFormat::from_code(&email_format).ok_or("unknown_format"));
        errors.finish()?;
        let (Some(language), Some(email_format)) = (language, email_format) else { return Err(AppError::Malformed) };
        let on = |c: &str| channels.iter().any(|x| x == c);
        let chosen = ContactPreferences { by_email: on("email"), by_sms: on("sms"), in_app: on("in_app"), email_format, language };
        backend.notifications.set_preferences(&caller, chosen).await
    };
    crate::api::typed::keeping_typed("contact_preferences", &typed, chosen).await?;
    crate::api::go(&format!("{}?done=preferences_saved", crate::routes::ACCOUNT_MESSAGES));
    Ok(())
}
