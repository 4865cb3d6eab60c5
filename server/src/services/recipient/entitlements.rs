//! "My entitlements": what the state owes the person, and what has been ordered against it.
use super::{day, resolve};
use crate::entities::{categories, entitlements, item_types};
use crate::services::{ceilings::ceilings_on, Ctx, OrUnexpected};
use app::dto::recipient::{EntitlementView, EntitlementsView, OrderLine};
use app::error::AppError;
use app::ports::{Caller, Entitlements};
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// Entitlements of the person acted for.
pub struct EntitlementService(pub Ctx);

/// A person's entitlements, the one ending soonest first: the statement behind "my
/// entitlements" (public so the EXPLAIN test plans the very same statement).
pub fn entitlements_query(recipient_id: i32) -> sea_orm::Select<entitlements::Entity> {
    entitlements::Entity::find().filter(entitlements::Column::RecipientId.eq(recipient_id)).order_by_asc(entitlements::Column::ValidTo)
}

#[async_trait]
impl Entitlements for EntitlementService {
    async fn list(&self, caller: &Caller, for_recipient: Option<i32>) -> Result<EntitlementsView, AppError> {
        let db = &self.0.db;
        let acting = resolve(db, caller, for_recipient).await?;
        let today = Utc::now().date_naive();
        let rows = entitlements_query(acting.recipient.id)
            .all(db)
            .await
            .or_unexpected()?;
        let types: HashMap<i32, item_types::Model> =
            item_types::Entity::find().all(db).await.or_unexpected()?.into_iter().map(|t| (t.id, t)).collect();
        let cats: HashMap<i32, String> =
            categories::Entity::find().all(db).await.or_unexpected()?.into_iter().map(|c| (c.id, c.code)).collect();
        let ceilings = ceilings_on(db, today).await.or_unexpected()?;
        let mut by_entitlement: HashMap<i32, Vec<OrderLine>> = HashMap::new();
        for o in super::my_orders::orders_query(acting.recipient.id)
            .all(db)
            .await
            .or_unexpected()?
        {
            by_entitlement.entry(o.entitlement_id).or_default().push(OrderLine {
                id: o.id,
                number: o.number,
                status: o.status.into(),
                quantity: o.quantity,
                placed_on: day(o.created_at),
            });
        }
        let (mut current, mut other) = (Vec::new(), Vec::new());
        for e in rows {
            let Some(t) = types.get(&e.item_type_id) else { continue };
            let view = EntitlementView {
                id: e.id,
                item_type_code: t.code.clone(),
                item_type: t.name(caller.lang).to_owned(),
                category: cats.get(&t.category_id).cloned().unwrap_or_default(),
                unit: t.unit.into(),
                granted: e.quantity_granted,
                remaining: e.quantity_remaining,
                valid_from: e.valid_from.to_string(),
                valid_to: e.valid_to.to_string(),
                ceiling: ceilings.get(&e.item_type_id).copied(),
                ipr_number: e.ipr_number,
                orders: by_entitlement.remove(&e.id).unwrap_or_default(),
            };
            if e.valid_from <= today && today <= e.valid_to {
                current.push(view);
            } else {
                other.push(view);
            }
        }
        Ok(EntitlementsView { acting_for: acting.view, current, other })
    }
}
