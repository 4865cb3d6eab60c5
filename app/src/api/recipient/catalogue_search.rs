use crate::dto::recipient::{CatalogueQuery, CatalogueView};
use crate::error::AppError;
use leptos::prelude::*;

/// Searches the catalogue.
#[server(prefix = "/api", endpoint = "catalogue_search", input = server_fn::codec::Json)]
pub async fn catalogue_search(query: CatalogueQuery) -> Result<CatalogueView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.catalogue.search(&caller, query).await
}
