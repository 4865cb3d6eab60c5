use crate::dto::Me;
use crate::error::AppError;
use leptos::prelude::*;

/// The signed-in account, or `None` for a visitor.
#[server(prefix = "/api", endpoint = "current_user")]
pub async fn current_user() -> Result<Option<Me>, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.accounts.me(&caller).await
}
