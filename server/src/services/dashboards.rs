//! The role-aware dashboard's numbers.
use super::{Ctx, OrUnexpected};
use crate::entities::enums::{DbComplaintStatus, DbOfferingStatus, DbOrderStatus, DbSupplierStatus};
use crate::entities::{complaints, entitlements, offerings, orders, recipients, regions, representatives, suppliers};
use app::domain::Role;
use app::dto::DashboardView;
use app::error::AppError;
use app::ports::{Caller, Dashboards};
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};

/// Orders waiting on the supplier.
pub const OPEN_FOR_SUPPLIER: [DbOrderStatus; 4] =
    [DbOrderStatus::Placed, DbOrderStatus::Accepted, DbOrderStatus::Scheduled, DbOrderStatus::InDelivery];

/// Dashboards per role.
pub struct DashboardService(pub Ctx);

fn count(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[async_trait]
impl Dashboards for DashboardService {
    async fn dashboard(&self, caller: &Caller) -> Result<DashboardView, AppError> {
        let actor = caller.signed_in()?;
        let db = &self.0.db;
        match actor.role {
            Role::Recipient | Role::Representative => {
                let own: Vec<recipients::Model> = if actor.role == Role::Recipient {
                    recipients::Entity::find()
                        .filter(recipients::Column::AccountId.eq(actor.account_id))
                        .all(db)
                        .await
                        .or_unexpected()?
                } else {
                    let ids: Vec<i32> = representatives::Entity::find()
                        .select_only()
                        .column(representatives::Column::RecipientId)
                        .filter(representatives::Column::AccountId.eq(actor.account_id))
                        .into_tuple()
                        .all(db)
                        .await
                        .or_unexpected()?;
                    recipients::Entity::find()
                        .filter(recipients::Column::Id.is_in(ids))
                        .all(db)
                        .await
                        .or_unexpected()?
                };
                let ids: Vec<i32> = own.iter().map(|r| r.id).collect();
                let linked = !ids.is_empty();
                let today = Utc::now().date_naive();
                let open_entitlements = entitlements::Entity::find()
                    .filter(entitlements::Column::RecipientId.is_in(ids.clone()))
                    .filter(entitlements::Column::ValidFrom.lte(today))
                    .filter(entitlements::Column::ValidTo.gte(today))
                    .filter(entitlements::Column::QuantityRemaining.gt(0))
                    .count(db)
                    .await
                    .or_unexpected()?;
                let final_states = [
                    DbOrderStatus::Confirmed,
                    DbOrderStatus::Rejected,
                    DbOrderStatus::Cancelled,
                    DbOrderStatus::Returned,
                ];
                let active_orders = orders::Entity::find()
                    .filter(orders::Column::RecipientId.is_in(ids))
                    .filter(orders::Column::Status.is_not_in(final_states))
                    .count(db)
                    .await
                    .or_unexpected()?;
                let acting_for = if actor.role == Role::Representative {
                    own.into_iter().filter_map(|r| r.full_name).collect()
                } else {
                    Vec::new()
                };
                Ok(DashboardView::Recipient {
                    open_entitlements: count(open_entitlements),
                    active_orders: count(active_orders),
                    acting_for,
                    linked,
                })
            }
            Role::Supplier => {
                let s = suppliers::Entity::find()
                    .filter(suppliers::Column::AccountId.eq(actor.account_id))
                    .one(db)
                    .await
                    .or_unexpected()?
                    .ok_or(AppError::NotFound)?;
                let published = offerings::Entity::find()
                    .filter(offerings::Column::SupplierId.eq(s.id))
                    .filter(offerings::Column::Status.eq(DbOfferingStatus::Published))
                    .count(db)
                    .await
                    .or_unexpected()?;
                let open = orders::Entity::find()
                    .filter(orders::Column::SupplierId.eq(s.id))
                    .filter(orders::Column::Status.is_in(OPEN_FOR_SUPPLIER))
                    .count(db)
                    .await
                    .or_unexpected()?;
                Ok(DashboardView::Supplier {
                    status: s.status.into(),
                    reason: s.status_reason,
                    published_offerings: count(published),
                    open_orders: count(open),
                })
            }
            Role::Staff | Role::Admin => {
                let mut pending =
                    suppliers::Entity::find().filter(suppliers::Column::Status.eq(DbSupplierStatus::Pending));
                let mut open =
                    complaints::Entity::find().filter(complaints::Column::Status.ne(DbComplaintStatus::Closed));
                let mut region_name = None;
                if let Some(region) = &actor.staff_region {
                    pending = pending.filter(suppliers::Column::HomeRegion.eq(region.clone()));
                    open = open.filter(complaints::Column::RegionCode.eq(region.clone()));
                    region_name = regions::Entity::find_by_id(region.clone())
                        .one(db)
                        .await
                        .or_unexpected()?
                        .map(|r| r.name(caller.lang).to_owned());
                }
                Ok(DashboardView::Staff {
                    pending_suppliers: count(pending.count(db).await.or_unexpected()?),
                    open_complaints: count(open.count(db).await.or_unexpected()?),
                    region: region_name,
                })
            }
        }
    }
}
