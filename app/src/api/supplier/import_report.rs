use crate::dto::supplier::ImportReport;
use crate::error::AppError;
use leptos::prelude::*;

/// The report of one of the caller's CSV uploads.
#[server(prefix = "/api", endpoint = "supplier_import_report")]
pub async fn offering_import_report(key: String) -> Result<ImportReport, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.supplier.offerings.import_report(&caller, crate::domain::ReportKey::parse(&key)).await
}
