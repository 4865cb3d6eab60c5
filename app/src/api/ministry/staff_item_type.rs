use crate::dto::ministry::ItemTypeDetail;
use crate::error::AppError;
use leptos::prelude::*;

/// One item type with its ceiling history.
#[server(prefix = "/api", endpoint = "staff_item_type")]
pub async fn staff_item_type(id: String) -> Result<ItemTypeDetail, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.catalogue_admin.item_type(&caller, super::parse_id(&id)?).await
}
