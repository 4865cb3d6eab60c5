//! Keys a supplier makes for its own stock system, which then syncs offerings through
//! `POST /api/v1/supplier/offerings`. A key is 32 random bytes shown once; only its SHA-256 is
//! kept (a key that long cannot be guessed, so a slow password hash would add nothing but
//! cost on every request). Making and revoking a key is audited; a key works only while its
//! supplier is approved, so suspension stops every key at once.
use super::{moment, own_supplier, require_active};
use crate::entities::enums::{DbAccountStatus, DbSupplierStatus};
use crate::entities::{accounts, supplier_api_keys, suppliers};
use crate::services::audit::{self, Entry};
use crate::services::{Ctx, OrUnexpected};
use app::domain::{RefusalCode, Role};
use app::dto::supplier::{ApiKeyRow, ApiKeysView};
use app::error::AppError;
use app::ports::{Actor, Caller, SupplierApiKeys};
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set};
use sha2::{Digest, Sha256};

/// How every key begins, so a leaked one is recognised (and found by secret scanners).
pub const KEY_PREFIX: &str = "ssp_";
/// The most keys in use at once.
pub const MAX_ACTIVE: u64 = 10;

/// The stored form of a key.
pub fn hash(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

fn new_key() -> String {
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!("{KEY_PREFIX}{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// The service behind the keys page.
pub struct ApiKeyService(pub Ctx);

#[async_trait]
impl SupplierApiKeys for ApiKeyService {
    async fn list(&self, caller: &Caller) -> Result<ApiKeysView, AppError> {
        let (_, s) = own_supplier(&self.0.db, caller).await?;
        let keys = supplier_api_keys::Entity::find()
            .filter(supplier_api_keys::Column::SupplierId.eq(s.id))
            .order_by_desc(supplier_api_keys::Column::Id)
            .all(&self.0.db)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|k| ApiKeyRow {
                id: k.id,
                label: k.label,
                prefix: k.prefix,
                created: moment(k.created_at),
                last_used: k.last_used_at.map(moment),
                revoked: k.revoked_at.map(moment),
            })
            .collect();
        Ok(ApiKeysView { keys, new_key: None, approved: s.status == DbSupplierStatus::Approved })
    }

    async fn create(&self, caller: &Caller, label: &str) -> Result<String, AppError> {
        let db = &self.0.db;
        let (actor, s) = own_supplier(db, caller).await?;
        require_active(&s)?;
        let label = label.trim();
        if label.is_empty() {
            return Err(AppError::field("label", "required"));
        }
        if label.chars().count() > 80 {
            return Err(AppError::field("label", "too_long"));
        }
        let txn = crate::db::begin_write(db).await.or_unexpected()?;
        let active = supplier_api_keys::Entity::find()
            .filter(supplier_api_keys::Column::SupplierId.eq(s.id))
            .filter(supplier_api_keys::Column::RevokedAt.is_null())
            .count(&txn)
            .await
            .or_unexpected()?;
        if active >= MAX_ACTIVE {
            return Err(AppError::field("label", "api_keys_limit"));
        }
        let key = new_key();
        let prefix: String = key.chars().take(KEY_PREFIX.len() + 6).collect();
        let row = supplier_api_keys::ActiveModel {
            supplier_id: Set(s.id),
            label: Set(label.to_owned()),
            prefix: Set(prefix.clone()),
            key_hash: Set(hash(&key)),
            created_by: Set(actor.account_id),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .or_unexpected()?;
        audit::record(
            &txn,
            Some(&actor),
            Entry {
                action: "supplier.api_key_create",
                object_type: "supplier",
                object_id: Some(s.id.to_string()),
                reason: None,
                details: Some(serde_json::json!({ "key_id": row.id, "label": label, "prefix": prefix })),
            },
        )
        .await
        .or_unexpected()?;
        txn.commit().await.or_unexpected()?;
        Ok(key)
    }

    async fn revoke(&self, caller: &Caller, id: i32) -> Result<(), AppError> {
        let db = &self.0.db;
        let (actor, s) = own_supplier(db, caller).await?;
        let txn = crate::db::begin_write(db).await.or_unexpected()?;
        let key = supplier_api_keys::Entity::find_by_id(id)
            .filter(supplier_api_keys::Column::SupplierId.eq(s.id))
            .one(&txn)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotFound)?;
        if key.revoked_at.is_some() {
            return Ok(());
        }
        let (label, prefix) = (key.label.clone(), key.prefix.clone());
        let mut am: supplier_api_keys::ActiveModel = key.into();
        am.revoked_at = Set(Some(Utc::now()));
        am.update(&txn).await.or_unexpected()?;
        audit::record(
            &txn,
            Some(&actor),
            Entry {
                action: "supplier.api_key_revoke",
                object_type: "supplier",
                object_id: Some(s.id.to_string()),
                reason: None,
                details: Some(serde_json::json!({ "key_id": id, "label": label, "prefix": prefix })),
            },
        )
        .await
        .or_unexpected()?;
        txn.commit().await.or_unexpected()
    }
}

/// Whom a key acts for: its supplier's account, as a caller of the supplier services.
pub struct KeyHolder {
    /// The key's id (its own request budget).
    pub key_id: i32,
    /// The supplier acting.
    pub caller: Caller,
}

/// Checks a presented key: known, not revoked, and its supplier approved now. Notes its use.
pub async fn authenticate(ctx: &Ctx, presented: &str, template: &Caller) -> Result<KeyHolder, AppError> {
    let db = &ctx.db;
    if !presented.starts_with(KEY_PREFIX) || presented.len() > 100 {
        return Err(AppError::NotSignedIn);
    }
    let key = supplier_api_keys::Entity::find()
        .filter(supplier_api_keys::Column::KeyHash.eq(hash(presented)))
        .one(db)
        .await
        .or_unexpected()?
        .filter(|k| k.revoked_at.is_none())
        .ok_or(AppError::NotSignedIn)?;
    let s =
        suppliers::Entity::find_by_id(key.supplier_id).one(db).await.or_unexpected()?.ok_or(AppError::NotSignedIn)?;
    if s.status != DbSupplierStatus::Approved {
        return Err(AppError::refused(RefusalCode::SupplierNotApproved));
    }
    let account = accounts::Entity::find_by_id(s.account_id)
        .one(db)
        .await
        .or_unexpected()?
        .filter(|a| a.status == DbAccountStatus::Active)
        .ok_or(AppError::NotSignedIn)?;
    supplier_api_keys::Entity::update_many()
        .col_expr(supplier_api_keys::Column::LastUsedAt, sea_orm::sea_query::Expr::value(Utc::now()))
        .filter(supplier_api_keys::Column::Id.eq(key.id))
        .exec(db)
        .await
        .or_unexpected()?;
    let actor = Actor {
        account_id: account.id,
        role: Role::Supplier,
        display_name: account.display_name,
        session_id: format!("api-key-{}", key.id),
        staff_region: None,
        unread: 0,
    };
    Ok(KeyHolder { key_id: key.id, caller: Caller { actor: Some(actor), pending: None, ..template.clone() } })
}
