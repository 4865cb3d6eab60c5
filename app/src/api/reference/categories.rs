use crate::dto::CategoryView;
use crate::error::AppError;
use leptos::prelude::*;

/// Catalogue categories in the caller's language.
#[server(prefix = "/api", endpoint = "categories")]
pub async fn categories() -> Result<Vec<CategoryView>, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.reference.categories(caller.lang).await
}
