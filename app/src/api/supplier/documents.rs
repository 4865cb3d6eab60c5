use crate::dto::supplier::DocumentsView;
use crate::error::AppError;
use leptos::prelude::*;

/// The caller's uploaded documents.
#[server(prefix = "/api", endpoint = "supplier_documents")]
pub async fn supplier_documents() -> Result<DocumentsView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.supplier.documents.list(&caller).await
}
