use crate::dto::RegionView;
use crate::error::AppError;
use leptos::prelude::*;

/// The 20 regions in the caller's language.
#[server(prefix = "/api", endpoint = "regions")]
pub async fn regions() -> Result<Vec<RegionView>, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.reference.regions(caller.lang).await
}
