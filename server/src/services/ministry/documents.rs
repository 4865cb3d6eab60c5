//! Suppliers' uploaded documents, for the staff who review them. The files live in the data
//! folder (`documents/<storage key>`), outside the web root; only staff whose scope covers
//! the supplier get them.
use super::staff_scope;
use crate::entities::supplier_documents;
use crate::services::scope::suppliers_in;
use crate::services::{Ctx, OrUnexpected};
use app::error::AppError;
use app::ports::{Caller, DocumentFile};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::path::PathBuf;

/// Where a document's file is kept.
pub fn path_of(ctx: &Ctx, storage_key: &str) -> Option<PathBuf> {
    let safe =
        !storage_key.is_empty() && storage_key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    safe.then(|| ctx.settings.data_dir.join("documents").join(storage_key))
}

fn content_type(declared: &str) -> &'static str {
    match declared {
        "application/pdf" => "application/pdf",
        "image/jpeg" => "image/jpeg",
        "image/png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// Document `document_id` of supplier `supplier_id`, if the caller's scope covers it.
pub async fn document(
    ctx: &Ctx,
    caller: &Caller,
    supplier_id: i32,
    document_id: i32,
) -> Result<DocumentFile, AppError> {
    let (_, scope) = staff_scope(caller)?;
    let db = &ctx.db;
    suppliers_in(&scope)
        .filter(crate::entities::suppliers::Column::Id.eq(supplier_id))
        .one(db)
        .await
        .or_unexpected()?
        .ok_or(AppError::NotFound)?;
    let doc = supplier_documents::Entity::find_by_id(document_id)
        .filter(supplier_documents::Column::SupplierId.eq(supplier_id))
        .one(db)
        .await
        .or_unexpected()?
        .ok_or(AppError::NotFound)?;
    let path = path_of(ctx, &doc.storage_key).ok_or(AppError::NotFound)?;
    let bytes = tokio::fs::read(&path).await.map_err(|_| AppError::NotFound)?;
    Ok(DocumentFile { file_name: doc.file_name, content_type: content_type(&doc.content_type).to_owned(), bytes })
}
