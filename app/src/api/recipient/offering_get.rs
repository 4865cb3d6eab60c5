use crate::dto::recipient::OfferingView;
use crate::error::AppError;
use leptos::prelude::*;

/// One offering's page.
#[server(prefix = "/api", endpoint = "offering_get")]
pub async fn offering_get(id: i32) -> Result<OfferingView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.catalogue.offering(&caller, id).await
}
