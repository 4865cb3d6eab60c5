use crate::dto::recipient::EntitlementsView;
use crate::error::AppError;
use leptos::prelude::*;

/// The entitlements of the person acted for.
#[server(prefix = "/api", endpoint = "entitlements_list")]
pub async fn entitlements_list(for_recipient: Option<i32>) -> Result<EntitlementsView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.entitlements.list(&caller, for_recipient).await
}
