use crate::dto::ministry::CatalogueOverview;
use crate::error::AppError;
use leptos::prelude::*;

/// Categories and item types with their ceilings.
#[server(prefix = "/api", endpoint = "staff_catalogue")]
pub async fn staff_catalogue() -> Result<CatalogueOverview, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.catalogue_admin.catalogue(&caller).await
}
