//! Orders after they are placed, as the recipient side sees them: the timeline with dates and
//! deadlines, cancelling before acceptance, confirming receipt, reporting a problem, a review.
//! Every order is looked up together with the people the caller may act for, so an order of
//! anyone else is simply not found.
use super::{day, offering_title, people_of, resolve};
use crate::db::begin_write;
use crate::entities::enums::{DbComplaintStatus, DbOrderStatus};
use crate::entities::{
    categories, complaints, item_types, offerings, order_events, orders, recipients, reviews, suppliers,
};
use crate::services::notices::notify;
use crate::services::order_flow::{
    restore_entitlement, supplier_account, transition, working_days_after, TransitionError,
};
use crate::services::paging::one_page;
use crate::services::present::{account_names, detail_lines, moment, order_detail_key};
use crate::services::{text, Ctx, OrUnexpected};
use app::domain::NoticeKind;
use app::domain::{CoPayment, Money, OrderStatus, RefusalCode, Role};
use app::dto::orders::{ComplaintSummary, OrderEventView, OrderSummary, OrderView, OrdersView};
use app::dto::recipient::ReviewView;
use app::error::AppError;
use app::ports::{Actor, Caller, MyOrders};
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use std::collections::HashMap;

/// Orders of the people the caller acts for.
pub struct MyOrderService(pub Ctx);

/// The order, if the caller may act for its recipient.
async fn own_order(
    db: &impl ConnectionTrait,
    caller: &Caller,
    order_id: i32,
) -> Result<(Actor, orders::Model), AppError> {
    let actor = caller.require(&[Role::Recipient, Role::Representative])?.clone();
    let ids: Vec<i32> = people_of(db, &actor).await?.into_iter().map(|p| p.id).collect();
    let order = orders::Entity::find_by_id(order_id)
        .filter(orders::Column::RecipientId.is_in(ids))
        .one(db)
        .await
        .or_unexpected()?
        .ok_or(AppError::NotFound)?;
    Ok((actor, order))
}

fn not_now(e: TransitionError) -> AppError {
    match e {
        TransitionError::NotAllowed => AppError::refused(RefusalCode::OrderChanged),
        TransitionError::Db(e) => crate::services::unexpected(e),
    }
}

/// A person's orders, newest first: the statement behind "my orders" and the order lines of
/// "my entitlements" (public so the EXPLAIN test plans the very same statement).
pub fn orders_query(recipient_id: i32) -> sea_orm::Select<orders::Entity> {
    orders::Entity::find()
        .filter(orders::Column::RecipientId.eq(recipient_id))
        .order_by_desc(orders::Column::CreatedAt)
        .order_by_desc(orders::Column::Id)
}

#[async_trait]
impl MyOrders for MyOrderService {
    async fn list(&self, caller: &Caller, for_recipient: Option<i32>, page: u32) -> Result<OrdersView, AppError> {
        let db = &self.0.db;
        let acting = resolve(db, caller, for_recipient).await?;
        let (rows, page) = one_page(db, orders_query(acting.recipient.id), page).await?;
        let offers: HashMap<i32, offerings::Model> = offerings::Entity::find()
            .filter(offerings::Column::Id.is_in(rows.iter().map(|o| o.offering_id)))
            .all(db)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|o| (o.id, o))
            .collect();
        let names: HashMap<i32, String> = suppliers::Entity::find()
            .filter(suppliers::Column::Id.is_in(rows.iter().map(|o| o.supplier_id)))
            .all(db)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|s| (s.id, s.legal_name))
            .collect();
        let orders = rows
            .into_iter()
            .map(|o| {
                let status: OrderStatus = o.status.into();
                let due = match status {
                    OrderStatus::Placed => Some(day(o.accept_by)),
                    OrderStatus::Accepted | OrderStatus::Scheduled | OrderStatus::InDelivery => o.deliver_by.map(day),
                    _ => None,
                };
                OrderSummary {
                    id: o.id,
                    title: offers.get(&o.offering_id).map(|x| offering_title(x, caller.lang)).unwrap_or_default(),
                    supplier: names.get(&o.supplier_id).cloned().unwrap_or_default(),
                    number: o.number,
                    status,
                    placed_on: day(o.created_at),
                    due,
                    copay: Money::from_tiyn(o.copay_tiyn),
                }
            })
            .collect();
        Ok(OrdersView { acting_for: acting.view, orders, page })
    }

    async fn get(&self, caller: &Caller, order_id: i32) -> Result<OrderView, AppError> {
        let db = &self.0.db;
        let (_, o) = own_order(db, caller, order_id).await?;
        let offering =
            offerings::Entity::find_by_id(o.offering_id).one(db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
        let t =
            item_types::Entity::find_by_id(o.item_type_id).one(db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
        let category = categories::Entity::find_by_id(t.category_id)
            .one(db)
            .await
            .or_unexpected()?
            .map(|c| c.code)
            .unwrap_or_default();
        let supplier = suppliers::Entity::find_by_id(o.supplier_id)
            .one(db)
            .await
            .or_unexpected()?
            .map(|s| s.legal_name)
            .unwrap_or_default();
        let recipient = recipients::Entity::find_by_id(o.recipient_id)
            .one(db)
            .await
            .or_unexpected()?
            .and_then(|r| r.full_name)
            .unwrap_or_default();
        let events = order_events::Entity::find()
            .filter(order_events::Column::OrderId.eq(o.id))
            .order_by_asc(order_events::Column::Id)
            .all(db)
            .await
            .or_unexpected()?;
        let people = account_names(db, events.iter().filter_map(|e| e.actor_account_id).chain([o.placed_by])).await?;
        let review = reviews::Entity::find().filter(reviews::Column::OrderId.eq(o.id)).one(db).await.or_unexpected()?;
        let complaints = complaints::Entity::find()
            .filter(complaints::Column::OrderId.eq(o.id))
            .order_by_asc(complaints::Column::Id)
            .all(db)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|c| ComplaintSummary {
                status: app::domain::ComplaintStatus::from(c.status).code().into(),
                body: c.body,
                due: day(c.due_at),
                supplier_response: c.supplier_response,
                outcome: c.outcome,
            })
            .collect();
        let status: OrderStatus = o.status.into();
        Ok(OrderView {
            id: o.id,
            number: o.number.clone(),
            status,
            title: offering_title(&offering, caller.lang),
            offering_id: offering.id,
            category,
            unit: t.unit.into(),
            supplier,
            recipient,
            placed_by_representative: o.on_behalf.then(|| people.get(&o.placed_by).cloned().unwrap_or_default()),
            quantity: o.quantity,
            unit_price: Money::from_tiyn(o.unit_price_tiyn),
            ceiling: Money::from_tiyn(o.ceiling_tiyn),
            split: CoPayment {
                total: Money::from_tiyn(o.total_tiyn),
                state_share: Money::from_tiyn(o.state_share_tiyn),
                copay: Money::from_tiyn(o.copay_tiyn),
            },
            placed_at: moment(o.created_at),
            accept_by: day(o.accept_by),
            deliver_by: o.deliver_by.map(day),
            events: events
                .into_iter()
                .map(|e| OrderEventView {
                    status: e.status.into(),
                    at: moment(e.created_at),
                    by: e.actor_account_id.and_then(|a| people.get(&a).cloned()),
                    note: e.note.filter(|n| !n.starts_with("representative:")),
                })
                .collect(),
            details: detail_lines(&o.details.0, order_detail_key),
            can_cancel: status == OrderStatus::Placed,
            can_confirm: matches!(status, OrderStatus::Delivered | OrderStatus::Rendered),
            can_review: status == OrderStatus::Confirmed && review.is_none(),
            review: review.map(|r| ReviewView {
                rating: r.rating,
                body: r.body,
                on: day(r.created_at),
                reply: r.reply,
            }),
            complaints,
        })
    }

    async fn cancel(&self, caller: &Caller, order_id: i32) -> Result<(), AppError> {
        let db = &self.0.db;
        let txn = begin_write(db).await.or_unexpected()?;
        let (actor, o) = own_order(&txn, caller, order_id).await?;
        if o.status != DbOrderStatus::Placed {
            return Err(AppError::refused(RefusalCode::CannotCancelNow));
        }
        let days = self.0.settings.deliver_working_days;
        transition(&txn, &o, DbOrderStatus::Cancelled, Some(&actor), None, days, &self.0.links)
            .await
            .map_err(not_now)?;
        restore_entitlement(&txn, &o).await.or_unexpected()?;
        crate::services::order_flow::release_place(&txn, &o).await.or_unexpected()?;
        txn.commit().await.or_unexpected()
    }

    async fn confirm_receipt(&self, caller: &Caller, order_id: i32, hours: Option<String>) -> Result<(), AppError> {
        let db = &self.0.db;
        let txn = begin_write(db).await.or_unexpected()?;
        let (actor, o) = own_order(&txn, caller, order_id).await?;
        let note = match (o.status, hours.as_deref().map(str::trim).filter(|h| !h.is_empty())) {
            (DbOrderStatus::Rendered, Some(h)) => {
                let h: i32 = h.parse().map_err(|_| AppError::field("hours", "not_a_number"))?;
                if !(0..=o.quantity).contains(&h) {
                    return Err(AppError::field("hours", "hours_out_of_range"));
                }
                Some(format!("hours:{h}"))
            }
            (DbOrderStatus::Rendered, None) => return Err(AppError::field("hours", "required")),
            (DbOrderStatus::Delivered, _) => None,
            _ => return Err(AppError::refused(RefusalCode::CannotConfirmNow)),
        };
        let days = self.0.settings.deliver_working_days;
        transition(&txn, &o, DbOrderStatus::Confirmed, Some(&actor), note, days, &self.0.links)
            .await
            .map_err(not_now)?;
        txn.commit().await.or_unexpected()
    }

    async fn report_problem(&self, caller: &Caller, order_id: i32, body: String) -> Result<(), AppError> {
        let db = &self.0.db;
        let body = text(&body, 4000).map_err(|c| AppError::field("problem", c))?;
        let txn = begin_write(db).await.or_unexpected()?;
        let (_, o) = own_order(&txn, caller, order_id).await?;
        if !matches!(
            o.status,
            DbOrderStatus::Delivered
                | DbOrderStatus::Rendered
                | DbOrderStatus::Confirmed
                | DbOrderStatus::Accepted
                | DbOrderStatus::Scheduled
                | DbOrderStatus::InDelivery
        ) {
            return Err(AppError::refused(RefusalCode::CannotComplainNow));
        }
        let now = Utc::now();
        let due = working_days_after(now, self.0.settings.complaint_working_days);
        complaints::ActiveModel {
            order_id: Set(o.id),
            recipient_id: Set(o.recipient_id),
            supplier_id: Set(o.supplier_id),
            region_code: Set(o.region_code.clone()),
            body: Set(body),
            status: Set(DbComplaintStatus::Open),
            due_at: Set(due),
            assigned_to: Set(None),
            supplier_response: Set(None),
            supplier_responded_at: Set(None),
            outcome: Set(None),
            closed_by: Set(None),
            closed_at: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .or_unexpected()?;
        if let Some(account) = supplier_account(&txn, o.supplier_id).await.or_unexpected()? {
            notify(
                &txn,
                &self.0.links,
                account,
                NoticeKind::ComplaintOpened,
                Some(o.id),
                serde_json::json!({ "number": o.number, "due": day(due) }),
            )
            .await
            .or_unexpected()?;
        }
        txn.commit().await.or_unexpected()
    }

    async fn review(&self, caller: &Caller, order_id: i32, rating: String, body: String) -> Result<(), AppError> {
        let db = &self.0.db;
        let mut errors = app::error::FieldErrors::new();
        let rating = errors.check(
            "rating",
            rating.trim().parse::<i16>().ok().filter(|r| (1..=5).contains(r)).ok_or("rating_out_of_range"),
        );
        let body = errors.check("review", text(&body, 2000));
        errors.finish()?;
        let (Some(rating), Some(body)) = (rating, body) else { return Err(AppError::refused(RefusalCode::BadRequest)) };
        let txn = begin_write(db).await.or_unexpected()?;
        let (_, o) = own_order(&txn, caller, order_id).await?;
        if o.status != DbOrderStatus::Confirmed {
            return Err(AppError::refused(RefusalCode::ReviewNeedsConfirmedOrder));
        }
        let inserted = reviews::ActiveModel {
            order_id: Set(o.id),
            offering_id: Set(o.offering_id),
            recipient_id: Set(o.recipient_id),
            rating: Set(rating),
            body: Set(body),
            reply: Set(None),
            replied_at: Set(None),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await;
        if let Err(e) = inserted {
            return Err(match e.sql_err() {
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => AppError::refused(RefusalCode::AlreadyReviewed),
                _ => crate::services::unexpected(e),
            });
        }
        let all: Vec<i16> = reviews::Entity::find()
            .filter(reviews::Column::OfferingId.eq(o.offering_id))
            .all(&txn)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|r| r.rating)
            .collect();
        let count = i32::try_from(all.len()).unwrap_or(i32::MAX);
        let avg_x100 = if count == 0 { 0 } else { all.iter().map(|r| i32::from(*r)).sum::<i32>() * 100 / count };
        offerings::Entity::update_many()
            .col_expr(offerings::Column::RatingAvgX100, Expr::value(avg_x100))
            .col_expr(offerings::Column::ReviewCount, Expr::value(count))
            .filter(offerings::Column::Id.eq(o.offering_id))
            .exec(&txn)
            .await
            .or_unexpected()?;
        txn.commit().await.or_unexpected()
    }
}
