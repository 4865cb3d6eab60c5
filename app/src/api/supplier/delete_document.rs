use crate::error::AppError;
use leptos::prelude::*;

/// Removes one of the caller's documents (only before approval).
#[server(prefix = "/api", endpoint = "supplier_delete_document")]
pub async fn delete_supplier_document(id: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = crate::api::parse_id(&id)?;
    backend.supplier.documents.delete(&caller, id).await?;
    super::go("/supplier/documents?done=document_deleted");
    Ok(())
}
