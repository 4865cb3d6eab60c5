use crate::dto::recipient::EntitlementsView;
use crate::error::AppError;
use leptos::prelude::*;

/// One page of the entitlements of the person acted for (the first page when `page` is
/// left out).
#[server(prefix = "/api", endpoint = "entitlements_list")]
pub async fn entitlements_list(for_recipient: Option<i32>, page: Option<u32>) -> Result<EntitlementsView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.entitlements.list(&caller, for_recipient, page.unwrap_or(1)).await
}
