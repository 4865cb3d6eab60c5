use crate::error::AppError;
use leptos::prelude::*;

/// Keeps how one wants to hear from the portal. `channels[]` is a checkbox list of `email`,
/// `sms` and `in_app`.
#[server(prefix = "/api", endpoint = "save_contact_preferences")]
pub async fn save_contact_preferences(
    channels: Option<Vec<String>>,
    language: String,
    email_format: String,
) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    // Who may ask comes before what the form expects.
    caller.signed_in()?;
    let channels = channels.unwrap_or_default();
    let joined = channels.join(",");
    let typed = [("channels", joined.as_str()), ("language", &language), ("email_format", &email_format)];
    let run = async {
        let chosen = crate::dto::account::ContactPreferences::parse(&channels, &language, &email_format)?;
        backend.notifications.set_preferences(&caller, chosen).await
    };
    crate::api::typed::keeping_typed("contact_preferences", &typed, run).await?;
    crate::api::go(&format!("{}?done=preferences_saved", crate::routes::ACCOUNT_MESSAGES));
    Ok(())
}
