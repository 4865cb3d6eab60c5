//! What a supplier does with an order: accept within capacity, reject with a reason (the
//! recipient's entitlement comes back), schedule, ship, deliver, record service sessions and
//! mark a service rendered; and answer complaints. Every change is one transaction, goes
//! through `order_flow` (history entry, notification) and so appears on the recipient's
//! timeline at once.
use super::capacity::{self, Load};
use super::category_of;
use super::orders::own_order;
use super::{own_supplier, require_active, require_approved};
use crate::db::begin_write;
use crate::entities::enums::{DbComplaintStatus, DbOrderStatus};
use crate::entities::{complaints, offering_slots, offerings, order_events, orders};
use crate::services::notices::notify;
use crate::services::order_flow::{recipient_side_accounts, restore_entitlement, transition, TransitionError};
use crate::services::{text, Ctx, OrUnexpected};
use app::domain::NoticeKind;
use app::domain::{CategoryKind, OrderStep, RefusalCode, Rendered, Unit};
use app::error::{AppError, FieldErrors};
use app::ports::{Actor, Caller};
use chrono::{Duration, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Set};
use serde_json::json;

/// Statuses in which an order holds the supplier's capacity.
const HOLDING: [DbOrderStatus; 3] = [DbOrderStatus::Accepted, DbOrderStatus::Scheduled, DbOrderStatus::InDelivery];
/// Statuses in which a sanatorium order holds an accepted place.
const PLACE_TAKEN: [DbOrderStatus; 6] = [
    DbOrderStatus::Accepted,
    DbOrderStatus::Scheduled,
    DbOrderStatus::InDelivery,
    DbOrderStatus::Delivered,
    DbOrderStatus::Rendered,
    DbOrderStatus::Confirmed,
];

fn changed(e: TransitionError) -> AppError {
    match e {
        TransitionError::NotAllowed => AppError::refused(RefusalCode::OrderChanged),
        TransitionError::Db(e) => crate::services::unexpected(e),
    }
}

/// The offering, locked for this transaction on PostgreSQL so two decisions on the same
/// capacity queue up (SQLite's `BEGIN IMMEDIATE` already serialises writers).
async fn locked_offering(db: &impl ConnectionTrait, id: i32) -> Result<offerings::Model, AppError> {
    offerings::Entity::find_by_id(id).lock_exclusive().one(db).await.or_unexpected()?.ok_or(AppError::NotFound)
}

/// A history entry that keeps the status (a session, a new date) and tells the recipient.
async fn note_event(
    db: &impl ConnectionTrait,
    links: &str,
    o: &orders::Model,
    actor: &Actor,
    note: String,
    kind: NoticeKind,
    params: serde_json::Value,
) -> Result<(), DbErr> {
    order_events::ActiveModel {
        order_id: Set(o.id),
        status: Set(o.status),
        actor_account_id: Set(Some(actor.account_id)),
        note: Set(Some(note)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for account in recipient_side_accounts(db, o.recipient_id).await? {
        notify(db, links, account, kind, Some(o.id), params.clone()).await?;
    }
    Ok(())
}

async fn check_capacity(
    db: &impl ConnectionTrait,
    o: &orders::Model,
    offering: &offerings::Model,
    kind: CategoryKind,
) -> Result<(), AppError> {
    match kind {
        CategoryKind::Goods => {
            if offering.capacity.is_some() {
                let res = offerings::Entity::update_many()
                    .col_expr(offerings::Column::Capacity, Expr::col(offerings::Column::Capacity).sub(o.quantity))
                    .filter(offerings::Column::Id.eq(offering.id))
                    .filter(offerings::Column::Capacity.gte(o.quantity))
                    .exec(db)
                    .await
                    .or_unexpected()?;
                if res.rows_affected != 1 {
                    return Err(AppError::refused(RefusalCode::NotEnoughStock));
                }
            }
        }
        CategoryKind::Course => {
            let arrival = o.details.0.arrival().ok_or_else(|| AppError::refused(RefusalCode::NoArrivalDate))?;
            let slot = offering_slots::Entity::find()
                .filter(offering_slots::Column::OfferingId.eq(offering.id))
                .filter(offering_slots::Column::StartsOn.eq(arrival))
                .one(db)
                .await
                .or_unexpected()?
                .ok_or_else(|| AppError::refused(RefusalCode::NoPlaces))?;
            let accepted = orders::Entity::find()
                .filter(orders::Column::OfferingId.eq(offering.id))
                .filter(orders::Column::Status.is_in(PLACE_TAKEN))
                .all(db)
                .await
                .or_unexpected()?
                .into_iter()
                .filter(|x| x.details.0.arrival() == Some(arrival))
                .count();
            if i64::try_from(accepted).unwrap_or(i64::MAX) + 1 > i64::from(slot.places) {
                return Err(AppError::refused(RefusalCode::NoPlaces));
            }
        }
        CategoryKind::Hours | CategoryKind::Sessions => {
            if let Some(weekly) = offering.capacity {
                let others: Vec<Load> = orders::Entity::find()
                    .filter(orders::Column::OfferingId.eq(offering.id))
                    .filter(orders::Column::Status.is_in(HOLDING))
                    .filter(orders::Column::Id.ne(o.id))
                    .all(db)
                    .await
                    .or_unexpected()?
                    .iter()
                    .map(|x| Load::of_order(&x.details.0, x.quantity))
                    .collect();
                if !capacity::fits(
                    &Load::of_order(&o.details.0, o.quantity),
                    &others,
                    i64::from(weekly),
                    Utc::now().date_naive(),
                ) {
                    return Err(AppError::refused(RefusalCode::OverWeeklyCapacity));
                }
            }
        }
    }
    Ok(())
}

/// Accepts a placed order if the offering has room for it.
pub async fn accept(ctx: &Ctx, caller: &Caller, id: i32) -> Result<(), AppError> {
    let db = &ctx.db;
    let (actor, s) = own_supplier(db, caller).await?;
    require_approved(&s)?;
    let txn = begin_write(db).await.or_unexpected()?;
    let o = own_order(&txn, &s, id).await?;
    if o.status != DbOrderStatus::Placed {
        return Err(AppError::refused(RefusalCode::CannotAcceptNow));
    }
    let offering = locked_offering(&txn, o.offering_id).await?;
    let (_, category) = category_of(&txn, o.item_type_id).await?;
    check_capacity(&txn, &o, &offering, category.kind.into()).await?;
    transition(&txn, &o, DbOrderStatus::Accepted, Some(&actor), None, ctx.settings.deliver_working_days, &ctx.links)
        .await
        .map_err(changed)?;
    txn.commit().await.or_unexpected()
}

/// Rejects a placed or accepted order with a reason; the entitlement, the stock and a
/// reserved course place come back.
pub async fn reject(ctx: &Ctx, caller: &Caller, id: i32, reason: &str) -> Result<(), AppError> {
    let db = &ctx.db;
    let (actor, s) = own_supplier(db, caller).await?;
    require_approved(&s)?;
    let reason = text(reason, 1000).map_err(|c| AppError::field("reason", c))?;
    let txn = begin_write(db).await.or_unexpected()?;
    let o = own_order(&txn, &s, id).await?;
    if !matches!(o.status, DbOrderStatus::Placed | DbOrderStatus::Accepted) {
        return Err(AppError::refused(RefusalCode::CannotRejectNow));
    }
    let kind: CategoryKind = category_of(&txn, o.item_type_id).await?.1.kind.into();
    transition(
        &txn,
        &o,
        DbOrderStatus::Rejected,
        Some(&actor),
        Some(reason),
        ctx.settings.deliver_working_days,
        &ctx.links,
    )
    .await
    .map_err(changed)?;
    restore_entitlement(&txn, &o).await.or_unexpected()?;
    if o.status == DbOrderStatus::Accepted && kind == CategoryKind::Goods {
        offerings::Entity::update_many()
            .col_expr(offerings::Column::Capacity, Expr::col(offerings::Column::Capacity).add(o.quantity))
            .filter(offerings::Column::Id.eq(o.offering_id))
            .filter(offerings::Column::Capacity.is_not_null())
            .exec(&txn)
            .await
            .or_unexpected()?;
    }
    if kind == CategoryKind::Course {
        crate::services::order_flow::release_place(&txn, &o).await.or_unexpected()?;
    }
    txn.commit().await.or_unexpected()
}

fn date_field(field: &str, raw: &str, errors: &mut FieldErrors) -> Option<NaiveDate> {
    match raw.trim() {
        "" => {
            errors.add(field, "required");
            None
        }
        d => errors.check(field, NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| "not_a_date")),
    }
}

/// Sets (or moves) the date of delivery or of the first session.
pub async fn schedule(ctx: &Ctx, caller: &Caller, id: i32, date: &str) -> Result<(), AppError> {
    let db = &ctx.db;
    let (actor, s) = own_supplier(db, caller).await?;
    require_approved(&s)?;
    let mut errors = FieldErrors::new();
    let today = Utc::now().date_naive();
    let when = date_field("scheduled_for", date, &mut errors);
    if let Some(d) = when {
        if d < today {
            errors.add("scheduled_for", "date_in_past");
        } else if d > today + Duration::days(366) {
            errors.add("scheduled_for", "date_too_far");
        }
    }
    errors.finish()?;
    let when = when.ok_or_else(|| AppError::refused(RefusalCode::BadRequest))?;
    let txn = begin_write(db).await.or_unexpected()?;
    let o = own_order(&txn, &s, id).await?;
    let kind: CategoryKind = category_of(&txn, o.item_type_id).await?.1.kind.into();
    if kind == CategoryKind::Course || !matches!(o.status, DbOrderStatus::Accepted | DbOrderStatus::Scheduled) {
        return Err(AppError::refused(RefusalCode::CannotScheduleNow));
    }
    let mut details = o.details.clone();
    details.0.scheduled_for = Some(when);
    let res = orders::Entity::update_many()
        .col_expr(orders::Column::Details, Expr::value(details))
        .filter(orders::Column::Id.eq(o.id))
        .filter(orders::Column::UpdatedAt.eq(o.updated_at))
        .exec(&txn)
        .await
        .or_unexpected()?;
    if res.rows_affected != 1 {
        return Err(AppError::refused(RefusalCode::OrderChanged));
    }
    let note = format!("scheduled:{when}");
    if o.status == DbOrderStatus::Accepted {
        transition(
            &txn,
            &o,
            DbOrderStatus::Scheduled,
            Some(&actor),
            Some(note),
            ctx.settings.deliver_working_days,
            &ctx.links,
        )
        .await
        .map_err(changed)?;
    } else {
        note_event(
            &txn,
            &ctx.links,
            &o,
            &actor,
            note,
            NoticeKind::OrderScheduled,
            json!({ "number": o.number, "date": when.to_string() }),
        )
        .await
        .or_unexpected()?;
    }
    txn.commit().await.or_unexpected()
}

/// Marks an order `shipped`, `delivered` (goods) or `rendered` (services).
pub async fn mark(ctx: &Ctx, caller: &Caller, id: i32, step: Option<OrderStep>) -> Result<(), AppError> {
    let db = &ctx.db;
    let (actor, s) = own_supplier(db, caller).await?;
    require_approved(&s)?;
    let txn = begin_write(db).await.or_unexpected()?;
    let o = own_order(&txn, &s, id).await?;
    let (it, category) = category_of(&txn, o.item_type_id).await?;
    let kind: CategoryKind = category.kind.into();
    let goods = kind == CategoryKind::Goods;
    let to = match (step, goods) {
        (Some(OrderStep::Shipped), true) => DbOrderStatus::InDelivery,
        (Some(OrderStep::Delivered), true) => DbOrderStatus::Delivered,
        (Some(OrderStep::Rendered), false) => {
            if Unit::from(it.unit) == Unit::Hour && o.details.0.hours_rendered() < i64::from(o.quantity) {
                return Err(AppError::refused(RefusalCode::HoursNotAllRendered));
            }
            if kind == CategoryKind::Course && o.details.0.arrival().is_some_and(|a| a > Utc::now().date_naive()) {
                return Err(AppError::refused(RefusalCode::CourseNotStarted));
            }
            DbOrderStatus::Rendered
        }
        _ => return Err(AppError::refused(RefusalCode::CannotMarkNow)),
    };
    transition(&txn, &o, to, Some(&actor), None, ctx.settings.deliver_working_days, &ctx.links).await.map_err(|e| {
        match e {
            TransitionError::NotAllowed => AppError::refused(RefusalCode::CannotMarkNow),
            TransitionError::Db(e) => crate::services::unexpected(e),
        }
    })?;
    txn.commit().await.or_unexpected()
}

/// Records a session of a service by the hour: not in the future, at most 8 hours a day,
/// never more than ordered, and never past the offering's weekly capacity.
pub async fn record_session(ctx: &Ctx, caller: &Caller, id: i32, date: &str, hours: &str) -> Result<(), AppError> {
    let db = &ctx.db;
    let (actor, s) = own_supplier(db, caller).await?;
    require_approved(&s)?;
    let today = Utc::now().date_naive();
    let mut errors = FieldErrors::new();
    let day = date_field("session_date", date, &mut errors);
    if day.is_some_and(|d| d > today) {
        errors.add("session_date", "date_in_future");
    }
    let hours = errors.check(
        "hours",
        match hours.trim() {
            "" => Err("required"),
            h => h.parse::<i64>().map_err(|_| "not_a_number").and_then(|h| {
                if (1..=capacity::MAX_HOURS_A_DAY).contains(&h) {
                    Ok(h)
                } else {
                    Err("hours_out_of_range")
                }
            }),
        },
    );
    errors.finish()?;
    let (Some(day), Some(hours)) = (day, hours.and_then(|h| u8::try_from(h).ok())) else {
        return Err(AppError::refused(RefusalCode::BadRequest));
    };
    let txn = begin_write(db).await.or_unexpected()?;
    let o = own_order(&txn, &s, id).await?;
    let (it, _) = category_of(&txn, o.item_type_id).await?;
    if Unit::from(it.unit) != Unit::Hour {
        return Err(AppError::refused(RefusalCode::NotHourly));
    }
    if !matches!(o.status, DbOrderStatus::Accepted | DbOrderStatus::Scheduled) {
        return Err(AppError::refused(RefusalCode::CannotRecordNow));
    }
    if o.accepted_at.is_some_and(|a| day < a.date_naive()) {
        return Err(AppError::field("session_date", "before_acceptance"));
    }
    let offering = locked_offering(&txn, o.offering_id).await?;
    let done = &o.details.0.rendered;
    let on_day: i64 = done.iter().filter(|r| r.date == day).map(|r| i64::from(r.hours)).sum();
    if on_day + i64::from(hours) > capacity::MAX_HOURS_A_DAY {
        return Err(AppError::field("hours", "over_8_hours_a_day"));
    }
    if o.details.0.hours_rendered() + i64::from(hours) > i64::from(o.quantity) {
        return Err(AppError::field("hours", "more_than_ordered"));
    }
    if let Some(weekly) = offering.capacity {
        let week = capacity::monday(day);
        let in_week: i64 = orders::Entity::find()
            .filter(orders::Column::OfferingId.eq(offering.id))
            .all(&txn)
            .await
            .or_unexpected()?
            .iter()
            .flat_map(|x| x.details.0.rendered.iter().copied())
            .filter(|r| capacity::monday(r.date) == week)
            .map(|r| i64::from(r.hours))
            .sum();
        if in_week + i64::from(hours) > i64::from(weekly) {
            return Err(AppError::field("hours", "over_weekly_capacity"));
        }
    }
    let mut details = o.details.clone();
    details.0.rendered.push(Rendered { date: day, hours });
    let res = orders::Entity::update_many()
        .col_expr(orders::Column::Details, Expr::value(details))
        .col_expr(orders::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(orders::Column::Id.eq(o.id))
        .filter(orders::Column::UpdatedAt.eq(o.updated_at))
        .exec(&txn)
        .await
        .or_unexpected()?;
    if res.rows_affected != 1 {
        return Err(AppError::refused(RefusalCode::OrderChanged));
    }
    let params = json!({ "number": o.number, "date": day.to_string(), "hours": hours });
    note_event(&txn, &ctx.links, &o, &actor, format!("session:{day}:{hours}"), NoticeKind::OrderSession, params)
        .await
        .or_unexpected()?;
    txn.commit().await.or_unexpected()
}

/// Answers a complaint about one of the supplier's orders, before its deadline.
pub async fn answer_complaint(ctx: &Ctx, caller: &Caller, id: i32, answer: &str) -> Result<(), AppError> {
    let db = &ctx.db;
    let (_, s) = own_supplier(db, caller).await?;
    require_active(&s)?;
    let answer = text(answer, 2000).map_err(|c| AppError::field("answer", c))?;
    let txn = begin_write(db).await.or_unexpected()?;
    let c = complaints::Entity::find_by_id(id)
        .filter(complaints::Column::SupplierId.eq(s.id))
        .one(&txn)
        .await
        .or_unexpected()?
        .ok_or(AppError::NotFound)?;
    if c.status != DbComplaintStatus::Open || c.supplier_response.is_some() {
        return Err(AppError::refused(RefusalCode::AlreadyAnswered));
    }
    let now = Utc::now();
    if c.due_at <= now {
        return Err(AppError::refused(RefusalCode::ComplaintDeadlinePassed));
    }
    let res = complaints::Entity::update_many()
        .col_expr(complaints::Column::SupplierResponse, Expr::value(answer))
        .col_expr(complaints::Column::SupplierRespondedAt, Expr::value(now))
        .col_expr(complaints::Column::Status, Expr::value(DbComplaintStatus::Answered))
        .filter(complaints::Column::Id.eq(c.id))
        .filter(complaints::Column::Status.eq(DbComplaintStatus::Open))
        .exec(&txn)
        .await
        .or_unexpected()?;
    if res.rows_affected != 1 {
        return Err(AppError::refused(RefusalCode::AlreadyAnswered));
    }
    let number =
        orders::Entity::find_by_id(c.order_id).one(&txn).await.or_unexpected()?.map(|o| o.number).unwrap_or_default();
    for account in recipient_side_accounts(&txn, c.recipient_id).await.or_unexpected()? {
        notify(&txn, &ctx.links, account, NoticeKind::ComplaintAnswered, Some(c.order_id), json!({ "number": number }))
            .await
            .or_unexpected()?;
    }
    txn.commit().await.or_unexpected()
}
