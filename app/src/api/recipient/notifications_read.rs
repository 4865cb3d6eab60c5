use crate::error::AppError;
use leptos::prelude::*;

/// Marks every notification read.
#[server(prefix = "/api", endpoint = "notifications_read")]
pub async fn notifications_read() -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.notifications.mark_all_read(&caller).await?;
    crate::api::go("/notifications?done=read");
    Ok(())
}
