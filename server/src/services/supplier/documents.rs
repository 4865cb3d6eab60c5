//! Uploaded documents: checked by their content (not their name), at most 10 MB, stored under
//! `<data_dir>/documents/<random key>` (outside the web root, never served as a static file)
//! and given back only to their supplier and to ministry staff.
use super::{moment, own_supplier, require_active};
use crate::db::begin_write;
use crate::entities::enums::{DbDocumentKind, DbSupplierStatus};
use crate::entities::supplier_documents;
use crate::services::audit::{self, Entry};
use crate::services::{Ctx, OrUnexpected};
use app::domain::{DocumentKind, RefusalCode, Role};
use app::dto::supplier::{DocumentView, DocumentsView};
use app::error::AppError;
use app::ports::{Caller, DocumentFile, SupplierDocuments};
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set};
use sha2::{Digest, Sha256};
use std::path::PathBuf;

/// The largest file accepted.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// How many documents one supplier may keep.
const MAX_DOCUMENTS: u64 = 30;

/// Documents of suppliers.
pub struct DocumentService(pub Ctx);

/// The type of a file by its first bytes, with the file name endings that go with it.
pub fn sniff(bytes: &[u8]) -> Option<(&'static str, &'static [&'static str])> {
    if bytes.starts_with(b"%PDF-") {
        Some(("application/pdf", &["pdf"]))
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some(("image/png", &["png"]))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(("image/jpeg", &["jpg", "jpeg"]))
    } else {
        None
    }
}

/// The last path segment of an uploaded name, without control characters, at most 200
/// characters; browsers may send a full Windows path.
pub fn clean_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last.chars().filter(|c| !c.is_control() && *c != '"').take(200).collect();
    let cleaned = cleaned.trim().to_owned();
    if cleaned.is_empty() {
        "document".into()
    } else {
        cleaned
    }
}

/// Checks an upload and returns its content type.
pub fn check_upload(file_name: &str, bytes: &[u8]) -> Result<&'static str, AppError> {
    if bytes.is_empty() {
        return Err(AppError::field("file", "file_required"));
    }
    if bytes.len() > MAX_BYTES {
        return Err(AppError::field("file", "file_too_large"));
    }
    let Some((content_type, endings)) = sniff(bytes) else {
        return Err(AppError::field("file", "file_type_not_allowed"));
    };
    let ext = file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if !endings.contains(&ext.as_str()) {
        return Err(AppError::field("file", "file_type_mismatch"));
    }
    Ok(content_type)
}

impl DocumentService {
    fn folder(&self) -> PathBuf {
        self.0.settings.data_dir.join("documents")
    }

    fn path_of(&self, key: &str) -> Result<PathBuf, AppError> {
        // Keys are ours (32 hex digits); anything else never reaches the file system.
        if key.len() != 32 || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(AppError::NotFound);
        }
        Ok(self.folder().join(key))
    }

    async fn store(&self, key: &str, bytes: &[u8]) -> Result<(), AppError> {
        let folder = self.folder();
        let path = self.path_of(key)?;
        let bytes = bytes.to_vec();
        tokio::task::spawn_blocking(move || {
            crate::private_files::private_dir(&folder)?;
            crate::private_files::write_private(&path, &bytes)
        })
        .await
        .or_unexpected()?
        .or_unexpected()
    }
}

fn view(d: supplier_documents::Model) -> DocumentView {
    DocumentView {
        href: app::routes::supplier::document(d.id),
        id: d.id,
        kind: d.kind.into(),
        file_name: d.file_name,
        size_bytes: d.size_bytes,
        content_type: d.content_type,
        uploaded_at: moment(d.uploaded_at),
    }
}

#[async_trait]
impl SupplierDocuments for DocumentService {
    async fn list(&self, caller: &Caller) -> Result<DocumentsView, AppError> {
        let db = &self.0.db;
        let (_, s) = own_supplier(db, caller).await?;
        let docs = supplier_documents::Entity::find()
            .filter(supplier_documents::Column::SupplierId.eq(s.id))
            .order_by_desc(supplier_documents::Column::Id)
            .all(db)
            .await
            .or_unexpected()?;
        let kinds: Vec<DocumentKind> = docs.iter().map(|d| d.kind.into()).collect();
        let cats = super::profile::category_kinds(db, s.id).await?;
        let still_needed =
            super::requirements::documents_needed(&cats).into_iter().filter(|k| !kinds.contains(k)).collect();
        Ok(DocumentsView {
            documents: docs.into_iter().map(view).collect(),
            still_needed,
            can_upload: require_active(&s).is_ok(),
            can_delete: matches!(
                s.status,
                DbSupplierStatus::Draft | DbSupplierStatus::Pending | DbSupplierStatus::Rejected
            ),
            max_megabytes: u32::try_from(MAX_BYTES / (1024 * 1024)).unwrap_or(10),
        })
    }

    async fn upload(
        &self,
        caller: &Caller,
        kind: Option<DocumentKind>,
        file_name: &str,
        bytes: Vec<u8>,
    ) -> Result<i32, AppError> {
        let db = &self.0.db;
        let (_, s) = own_supplier(db, caller).await?;
        require_active(&s)?;
        let kind = kind.ok_or_else(|| AppError::field("kind", "unknown_kind"))?;
        let name = clean_name(file_name);
        let content_type = check_upload(&name, &bytes)?;
        let count = supplier_documents::Entity::find()
            .filter(supplier_documents::Column::SupplierId.eq(s.id))
            .count(db)
            .await
            .or_unexpected()?;
        if count >= MAX_DOCUMENTS {
            return Err(AppError::refused(RefusalCode::TooManyDocuments));
        }
        let key = uuid::Uuid::new_v4().simple().to_string();
        let sha = hex::encode(Sha256::digest(&bytes));
        self.store(&key, &bytes).await?;
        let inserted = supplier_documents::ActiveModel {
            supplier_id: Set(s.id),
            kind: Set(DbDocumentKind::from(kind)),
            file_name: Set(name),
            content_type: Set(content_type.into()),
            size_bytes: Set(i64::try_from(bytes.len()).unwrap_or(i64::MAX)),
            storage_key: Set(key.clone()),
            sha256: Set(sha),
            uploaded_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(db)
        .await;
        match inserted {
            Ok(d) => Ok(d.id),
            Err(e) => {
                if let Ok(path) = self.path_of(&key) {
                    let _ = tokio::fs::remove_file(path).await;
                }
                Err(crate::services::unexpected(e))
            }
        }
    }

    async fn delete(&self, caller: &Caller, id: i32) -> Result<(), AppError> {
        let db = &self.0.db;
        let (_, s) = own_supplier(db, caller).await?;
        require_active(&s)?;
        if !matches!(s.status, DbSupplierStatus::Draft | DbSupplierStatus::Pending | DbSupplierStatus::Rejected) {
            return Err(AppError::refused(RefusalCode::DocumentsLocked));
        }
        let txn = begin_write(db).await.or_unexpected()?;
        let doc = supplier_documents::Entity::find_by_id(id)
            .filter(supplier_documents::Column::SupplierId.eq(s.id))
            .one(&txn)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotFound)?;
        supplier_documents::Entity::delete_by_id(doc.id).exec(&txn).await.or_unexpected()?;
        txn.commit().await.or_unexpected()?;
        if let Err(e) = tokio::fs::remove_file(self.path_of(&doc.storage_key)?).await {
            tracing::warn!(error = %e, document = doc.id, "a deleted document's file could not be removed");
        }
        Ok(())
    }

    async fn file(&self, caller: &Caller, id: i32) -> Result<DocumentFile, AppError> {
        let db = &self.0.db;
        let actor = caller.signed_in()?;
        let doc = if actor.role.is_staff() {
            // The same scope as the staff pages: a regional officer reaches only documents of
            // suppliers registered in their region; anything else is simply not found.
            let (_, scope) = crate::services::scope::staff_scope(caller)?;
            let mut find = supplier_documents::Entity::find_by_id(id);
            if let Some(region) = scope.region() {
                find = find.filter(
                    supplier_documents::Column::SupplierId.in_subquery(crate::services::scope::supplier_ids_in(region)),
                );
            }
            let doc = find.one(db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
            // Staff reading a supplier's documents is recorded, like any personal-data view.
            audit::record(
                db,
                Some(actor),
                Entry {
                    action: "supplier_document.view",
                    object_type: "supplier_document",
                    object_id: Some(doc.id.to_string()),
                    reason: None,
                    details: None,
                },
            )
            .await
            .or_unexpected()?;
            doc
        } else {
            caller.require(&[Role::Supplier])?;
            let (_, s) = own_supplier(db, caller).await?;
            supplier_documents::Entity::find_by_id(id)
                .filter(supplier_documents::Column::SupplierId.eq(s.id))
                .one(db)
                .await
                .or_unexpected()?
                .ok_or(AppError::NotFound)?
        };
        let bytes = tokio::fs::read(self.path_of(&doc.storage_key)?).await.or_unexpected()?;
        Ok(DocumentFile { file_name: doc.file_name, content_type: doc.content_type, bytes })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_recognised_by_their_content() {
        assert_eq!(sniff(b"%PDF-1.7\n...").map(|s| s.0), Some("application/pdf"));
        assert_eq!(sniff(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0]).map(|s| s.0), Some("image/png"));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]).map(|s| s.0), Some("image/jpeg"));
        assert_eq!(sniff(b"MZ\x90\x00 an executable"), None);
    }

    #[test]
    fn a_renamed_file_is_refused() {
        assert_eq!(
            check_upload("licence.pdf", b"MZ\x90\x00")
                .err()
                .and_then(|e| e.field_code("file").map(str::to_owned))
                .as_deref(),
            Some("file_type_not_allowed")
        );
        assert_eq!(
            check_upload("licence.png", b"%PDF-1.4")
                .err()
                .and_then(|e| e.field_code("file").map(str::to_owned))
                .as_deref(),
            Some("file_type_mismatch")
        );
        assert_eq!(check_upload("Licence.PDF", b"%PDF-1.4"), Ok("application/pdf"));
    }

    #[test]
    fn uploaded_names_lose_their_path() {
        assert_eq!(clean_name("C:\\Users\\a\\Лицензия.pdf"), "Лицензия.pdf");
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name(""), "document");
    }
}
