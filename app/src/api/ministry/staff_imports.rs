use crate::dto::ministry::ImportSummary;
use crate::error::AppError;
use leptos::prelude::*;

/// Recent IPR imports.
#[server(prefix = "/api", endpoint = "staff_imports")]
pub async fn staff_imports() -> Result<Vec<ImportSummary>, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.ipr_imports.imports(&caller).await
}
