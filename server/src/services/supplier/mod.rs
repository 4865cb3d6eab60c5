//! The supplier journey's use cases. Every one starts by finding the caller's own supplier
//! row (role checked first), and every object is looked up together with that supplier's id,
//! so another supplier's offering, order, document or statement is simply not found.
pub mod api_keys;
pub mod capacity;
pub mod documents;
pub mod import;
pub mod money;
pub mod offering_rules;
pub mod offerings;
pub mod order_actions;
pub mod orders;
pub mod profile;
pub mod quality;
pub mod requirements;

use super::{Ctx, OrUnexpected};
use crate::entities::enums::DbSupplierStatus;
use crate::entities::{categories, item_types, suppliers};
use app::domain::{RefusalCode, Role};
use app::error::AppError;
use app::ports::{Actor, Caller, SupplierPorts};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::sync::Arc;

/// The supplier journey's ports.
pub fn ports(ctx: &Ctx) -> SupplierPorts {
    SupplierPorts {
        profile: Arc::new(profile::ProfileService(ctx.clone())),
        documents: Arc::new(documents::DocumentService(ctx.clone())),
        offerings: Arc::new(offerings::OfferingService(ctx.clone())),
        orders: Arc::new(orders::OrderService(ctx.clone())),
        money: Arc::new(money::MoneyService(ctx.clone())),
        quality: Arc::new(quality::QualityService(ctx.clone())),
        api_keys: Arc::new(api_keys::ApiKeyService(ctx.clone())),
    }
}

/// An item type and its category.
pub async fn category_of(
    db: &impl ConnectionTrait,
    item_type_id: i32,
) -> Result<(item_types::Model, categories::Model), AppError> {
    let it = item_types::Entity::find_by_id(item_type_id).one(db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
    let cat =
        categories::Entity::find_by_id(it.category_id).one(db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
    Ok((it, cat))
}

/// The caller (a supplier account) and its supplier row.
pub async fn own_supplier(db: &impl ConnectionTrait, caller: &Caller) -> Result<(Actor, suppliers::Model), AppError> {
    let actor = caller.require(&[Role::Supplier])?.clone();
    let s = suppliers::Entity::find()
        .filter(suppliers::Column::AccountId.eq(actor.account_id))
        .one(db)
        .await
        .or_unexpected()?
        .ok_or(AppError::NotFound)?;
    Ok((actor, s))
}

/// Suspended and removed suppliers may only look at their status and open orders.
pub fn require_active(s: &suppliers::Model) -> Result<(), AppError> {
    match s.status {
        DbSupplierStatus::Suspended | DbSupplierStatus::Removed => {
            Err(AppError::refused(RefusalCode::SupplierInactive))
        }
        _ => Ok(()),
    }
}

/// Publishing offerings and handling orders need the ministry's approval.
pub fn require_approved(s: &suppliers::Model) -> Result<(), AppError> {
    require_active(s)?;
    if s.status == DbSupplierStatus::Approved {
        Ok(())
    } else {
        Err(AppError::refused(RefusalCode::SupplierNotApproved))
    }
}

pub use crate::services::present::{day, due, localized, moment};
