//! "My entitlements": what the state owes the person, and what has been ordered against it.
use super::{day, resolve};
use crate::entities::{categories, entitlements, item_types, orders};
use crate::services::paging::one_page;
use crate::services::{ceilings::ceilings_on, Ctx, OrUnexpected};
use app::dto::recipient::{EntitlementView, EntitlementsView, OrderLine};
use app::error::AppError;
use app::ports::{Caller, Entitlements};
use async_trait::async_trait;
use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::{Expr, Order};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// Entitlements of the person acted for.
pub struct EntitlementService(pub Ctx);

/// A person's entitlements, those valid on `today` first, each group the one ending soonest
/// first: the statement behind "my entitlements", paged by the database (public so the
/// EXPLAIN test plans the very same statement).
pub fn entitlements_query(recipient_id: i32, today: NaiveDate) -> sea_orm::Select<entitlements::Entity> {
    let in_force_first: Expr = Expr::case(
        Condition::all().add(entitlements::Column::ValidFrom.lte(today)).add(entitlements::Column::ValidTo.gte(today)),
        0,
    )
    .finally(1)
    .into();
    entitlements::Entity::find()
        .filter(entitlements::Column::RecipientId.eq(recipient_id))
        .order_by(in_force_first, Order::Asc)
        .order_by_asc(entitlements::Column::ValidTo)
        .order_by_asc(entitlements::Column::Id)
}

#[async_trait]
impl Entitlements for EntitlementService {
    async fn list(&self, caller: &Caller, for_recipient: Option<i32>, page: u32) -> Result<EntitlementsView, AppError> {
        let db = &self.0.db;
        let acting = resolve(db, caller, for_recipient).await?;
        let today = Utc::now().date_naive();
        let (rows, page) = one_page(db, entitlements_query(acting.recipient.id, today), page).await?;
        let type_ids: Vec<i32> = rows.iter().map(|e| e.item_type_id).collect();
        let types: HashMap<i32, item_types::Model> = item_types::Entity::find()
            .filter(item_types::Column::Id.is_in(type_ids))
            .all(db)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|t| (t.id, t))
            .collect();
        let cats: HashMap<i32, String> =
            categories::Entity::find().all(db).await.or_unexpected()?.into_iter().map(|c| (c.id, c.code)).collect();
        let ceilings = ceilings_on(db, today).await.or_unexpected()?;
        // The orders against this page's entitlements only, newest first.
        let mut by_entitlement: HashMap<i32, Vec<OrderLine>> = HashMap::new();
        for o in super::my_orders::orders_query(acting.recipient.id)
            .filter(orders::Column::EntitlementId.is_in(rows.iter().map(|e| e.id)))
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
        Ok(EntitlementsView { acting_for: acting.view, current, other, page })
    }
}
