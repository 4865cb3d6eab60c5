use crate::dto::ministry::ImportReport;
use crate::error::AppError;
use leptos::prelude::*;

/// One IPR import's report.
#[server(prefix = "/api", endpoint = "staff_import")]
pub async fn staff_import(id: String) -> Result<ImportReport, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.ipr_imports.report(&caller, super::parse_id(&id)?).await
}
