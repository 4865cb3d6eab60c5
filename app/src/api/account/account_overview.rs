use crate::dto::account::AccountView;
use crate::error::AppError;
use leptos::prelude::*;

/// The account page: who, second factor, password, sessions.
#[server(prefix = "/api", endpoint = "account_overview")]
pub async fn account_overview() -> Result<AccountView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.security.account(&caller).await
}
