use crate::dto::account::SessionView;
use crate::error::AppError;
use leptos::prelude::*;

/// One's open sessions.
#[server(prefix = "/api", endpoint = "my_sessions")]
pub async fn my_sessions() -> Result<Vec<SessionView>, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.security.sessions(&caller).await
}
