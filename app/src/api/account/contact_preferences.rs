use crate::dto::account::ContactPreferencesView;
use crate::error::AppError;
use leptos::prelude::*;

/// How the signed-in person hears from the portal.
#[server(prefix = "/api", endpoint = "contact_preferences")]
pub async fn contact_preferences() -> Result<ContactPreferencesView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.notifications.preferences(&caller).await
}
