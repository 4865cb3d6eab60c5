//! Reminders and escalations, each sent at most once, by the worker that delivers the outbox.
//!
//! | kind | to | when |
//! |---|---|---|
//! | `accept_soon` | supplier | a placed order's acceptance deadline is within a day |
//! | `accept_overdue` | supplier | that deadline has passed (looked for during a week) |
//! | `deliver_soon` | supplier | an accepted order's delivery deadline is within a day |
//! | `deliver_overdue` | supplier | that deadline has passed (looked for during a week) |
//! | `confirm_waiting` | recipient side | delivered three days ago and not confirmed |
//! | `entitlement_expiring` | recipient side | ends within 30 days, not used up |
//! | `replacement_due` | recipient side | the item type's replacement period has passed since delivery |
//! | `complaint_escalated` | central staff, the assigned officer | a complaint is past its deadline |
//! | `staff_digest` | each officer, daily | complaints past their deadline in the officer's area |
//!
//! Each rule reads a range on an indexed date (never the whole table) and leaves out what
//! `reminders_sent` already holds; each reminder is its own transaction whose first write is
//! the (`kind`, `subject_id`) row, unique: two workers at once send it once. A rule takes at
//! most [`BATCH`] per round, so a backlog (the first run on national data) drains over rounds
//! instead of in one long transaction. The time comes from a [`Clock`]: tests move it.
use crate::db::begin_write;
use crate::entities::enums::{DbAccountStatus, DbComplaintStatus, DbOrderStatus, DbRole};
use crate::entities::{accounts, complaints, entitlements, item_types, orders, reminders_sent};
use crate::messages::Clock;
use crate::services::notices::notify;
use crate::services::order_flow::{recipient_side_accounts, supplier_account};
use crate::services::present::day;
use app::domain::NoticeKind;
use chrono::{DateTime, Duration, FixedOffset, Months, Timelike, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Select, Set,
};
use serde_json::json;
use std::collections::{HashMap, HashSet};

/// The most reminders of one rule in one round.
pub const BATCH: u64 = 200;

/// The statuses of a complaint still waiting for the ministry (listed, so the range on its
/// deadline reads `ix_complaints_status_due`).
const OPEN_COMPLAINT: [DbComplaintStatus; 2] = [DbComplaintStatus::Open, DbComplaintStatus::Answered];

/// How long after a deadline an overdue reminder is still looked for.
const LOOKBACK_DAYS: i64 = 7;

/// Days after delivery before the recipient is reminded to confirm.
const CONFIRM_AFTER_DAYS: i64 = 3;

/// Days before an entitlement ends that its reminder goes out.
const EXPIRING_WITHIN_DAYS: i64 = 30;

/// Kazakhstan's time (UTC+5), for the day of a digest.
fn local(now: DateTime<Utc>) -> DateTime<FixedOffset> {
    match FixedOffset::east_opt(5 * 3600) {
        Some(kz) => now.with_timezone(&kz),
        None => now.fixed_offset(),
    }
}

/// How many reminders one round sent, by kind.
pub type Sent = HashMap<&'static str, usize>;

/// `NOT EXISTS` a `reminders_sent` row of `kind` for the row whose id is `id`.
fn not_sent(kind: &str, id: impl sea_orm::sea_query::IntoColumnRef) -> Condition {
    let sent = Query::select()
        .expr(Expr::val(1))
        .from(reminders_sent::Entity)
        .and_where(Expr::col((reminders_sent::Entity, reminders_sent::Column::Kind)).eq(kind))
        .and_where(Expr::col((reminders_sent::Entity, reminders_sent::Column::SubjectId)).equals(id))
        .to_owned();
    Condition::all().add(Expr::exists(sent).not())
}

/// Records `kind` for `subject_id` in `txn`; false when it was already sent.
async fn first_time(
    txn: &impl ConnectionTrait,
    kind: &str,
    subject_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let row = reminders_sent::ActiveModel {
        kind: Set(kind.to_owned()),
        subject_id: Set(subject_id),
        created_at: Set(now),
        ..Default::default()
    };
    let on_conflict =
        OnConflict::columns([reminders_sent::Column::Kind, reminders_sent::Column::SubjectId]).do_nothing().to_owned();
    match reminders_sent::Entity::insert(row).on_conflict(on_conflict).exec_without_returning(txn).await {
        Ok(n) => Ok(n == 1),
        Err(DbErr::RecordNotInserted) => Ok(false),
        Err(e) => Err(e),
    }
}

/// One reminder to send.
struct Reminder<'a> {
    /// What it tells of.
    kind: NoticeKind,
    /// Its key in `reminders_sent` (the kind's code, or the code and the day).
    key: &'a str,
    /// What it is about.
    subject_id: i64,
    /// Who receives it.
    to: &'a [i32],
    /// The order it concerns.
    order_id: Option<i32>,
    /// The text's arguments.
    params: serde_json::Value,
}

/// Sends `r` unless it was sent before; counts it in `sent`.
async fn send_once(
    db: &DatabaseConnection,
    links: &str,
    now: DateTime<Utc>,
    r: Reminder<'_>,
    sent: &mut Sent,
) -> Result<(), DbErr> {
    let txn = begin_write(db).await?;
    if !first_time(&txn, r.key, r.subject_id, now).await? {
        txn.rollback().await?;
        return Ok(());
    }
    for account in r.to {
        notify(&txn, links, *account, r.kind, r.order_id, r.params.clone()).await?;
    }
    txn.commit().await?;
    *sent.entry(r.kind.code()).or_default() += 1;
    Ok(())
}

/// Orders in `statuses` whose `column` falls in (`from`, `to`] and not yet reminded of `kind`
/// (read by a range of `ix_orders_status_<column>`).
pub fn orders_due_query(
    kind: NoticeKind,
    statuses: &[DbOrderStatus],
    column: orders::Column,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Select<orders::Entity> {
    orders::Entity::find()
        .filter(orders::Column::Status.is_in(statuses.iter().copied()))
        .filter(column.gt(from))
        .filter(column.lte(to))
        .filter(not_sent(kind.code(), (orders::Entity, orders::Column::Id)))
        .order_by_asc(column)
        .limit(BATCH)
}

async fn orders_due(
    db: &DatabaseConnection,
    kind: NoticeKind,
    statuses: &[DbOrderStatus],
    column: orders::Column,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<orders::Model>, DbErr> {
    orders_due_query(kind, statuses, column, from, to).all(db).await
}

/// Entitlements that end within 30 days of `today` with units left, not yet reminded.
pub fn expiring_query(today: chrono::NaiveDate) -> Select<entitlements::Entity> {
    let kind = NoticeKind::EntitlementExpiring;
    entitlements::Entity::find()
        .filter(entitlements::Column::ValidTo.gte(today))
        .filter(entitlements::Column::ValidTo.lte(today + Duration::days(EXPIRING_WITHIN_DAYS)))
        .filter(entitlements::Column::QuantityRemaining.gt(0))
        .filter(not_sent(kind.code(), (entitlements::Entity, entitlements::Column::Id)))
        .order_by_asc(entitlements::Column::ValidTo)
        .limit(BATCH)
}

/// Complaints not closed whose deadline passed in the 30 days before `now`, not yet escalated.
pub fn escalation_query(now: DateTime<Utc>) -> Select<complaints::Entity> {
    complaints::Entity::find()
        .filter(complaints::Column::Status.is_in(OPEN_COMPLAINT))
        .filter(complaints::Column::DueAt.gt(now - Duration::days(30)))
        .filter(complaints::Column::DueAt.lte(now))
        .filter(not_sent(NoticeKind::ComplaintEscalated.code(), (complaints::Entity, complaints::Column::Id)))
        .order_by_asc(complaints::Column::DueAt)
        .limit(BATCH)
}

/// Confirmed orders of `item_type_id` delivered in the month up to `until`, not yet reminded.
pub fn replacement_query(item_type_id: i32, until: DateTime<Utc>, limit: u64) -> Select<orders::Entity> {
    orders::Entity::find()
        .filter(orders::Column::Status.eq(DbOrderStatus::Confirmed))
        .filter(orders::Column::ItemTypeId.eq(item_type_id))
        .filter(orders::Column::DeliveredAt.gt(until - Duration::days(30)))
        .filter(orders::Column::DeliveredAt.lte(until))
        .filter(not_sent(NoticeKind::ReplacementDue.code(), (orders::Entity, orders::Column::Id)))
        .limit(limit)
}

/// Runs every rule once at the clock's time and returns what was sent.
pub async fn run(db: &DatabaseConnection, links: &str, clock: &dyn Clock) -> Result<Sent, DbErr> {
    let now = clock.now();
    let mut sent = Sent::new();
    let day_ = Duration::days(1);
    let lookback = Duration::days(LOOKBACK_DAYS);
    let active = [DbOrderStatus::Accepted, DbOrderStatus::Scheduled, DbOrderStatus::InDelivery];
    let supplier_rules = [
        (NoticeKind::AcceptSoon, &[DbOrderStatus::Placed][..], orders::Column::AcceptBy, now, now + day_),
        (NoticeKind::AcceptOverdue, &[DbOrderStatus::Placed][..], orders::Column::AcceptBy, now - lookback, now),
        (NoticeKind::DeliverSoon, &active[..], orders::Column::DeliverBy, now, now + day_),
        (NoticeKind::DeliverOverdue, &active[..], orders::Column::DeliverBy, now - lookback, now),
    ];
    for (kind, statuses, column, from, to) in supplier_rules {
        for o in orders_due(db, kind, statuses, column, from, to).await? {
            let Some(account) = supplier_account(db, o.supplier_id).await? else { continue };
            let deadline = if matches!(column, orders::Column::AcceptBy) { Some(o.accept_by) } else { o.deliver_by };
            let params = json!({ "number": o.number, "date": deadline.map(day).unwrap_or_default() });
            let r = Reminder {
                kind,
                key: kind.code(),
                subject_id: o.id.into(),
                to: &[account],
                order_id: Some(o.id),
                params,
            };
            send_once(db, links, now, r, &mut sent).await?;
        }
    }
    let waiting = orders_due(
        db,
        NoticeKind::ConfirmWaiting,
        &[DbOrderStatus::Delivered, DbOrderStatus::Rendered],
        orders::Column::DeliveredAt,
        now - Duration::days(CONFIRM_AFTER_DAYS) - lookback,
        now - Duration::days(CONFIRM_AFTER_DAYS),
    )
    .await?;
    for o in waiting {
        let to = recipient_side_accounts(db, o.recipient_id).await?;
        let params = json!({ "number": o.number, "date": o.delivered_at.map(day).unwrap_or_default() });
        let r = Reminder {
            kind: NoticeKind::ConfirmWaiting,
            key: NoticeKind::ConfirmWaiting.code(),
            subject_id: o.id.into(),
            to: &to,
            order_id: Some(o.id),
            params,
        };
        send_once(db, links, now, r, &mut sent).await?;
    }
    expiring(db, links, now, &mut sent).await?;
    replacements(db, links, now, &mut sent).await?;
    escalations(db, links, now, &mut sent).await?;
    digests(db, links, now, &mut sent).await?;
    Ok(sent)
}

/// Entitlements that end within 30 days with quantity left.
async fn expiring(db: &DatabaseConnection, links: &str, now: DateTime<Utc>, sent: &mut Sent) -> Result<(), DbErr> {
    let kind = NoticeKind::EntitlementExpiring;
    let rows = expiring_query(now.date_naive()).all(db).await?;
    let names = item_names(db, rows.iter().map(|e| e.item_type_id).collect()).await?;
    for e in rows {
        let to = recipient_side_accounts(db, e.recipient_id).await?;
        let mut params = json!({ "date": e.valid_to.format("%Y-%m-%d").to_string(), "count": e.quantity_remaining });
        add_names(&mut params, names.get(&e.item_type_id));
        let r = Reminder { kind, key: kind.code(), subject_id: e.id.into(), to: &to, order_id: None, params };
        send_once(db, links, now, r, sent).await?;
    }
    Ok(())
}

/// Confirmed orders whose item type's replacement period has passed since delivery, looked
/// for during a month after it passed.
async fn replacements(db: &DatabaseConnection, links: &str, now: DateTime<Utc>, sent: &mut Sent) -> Result<(), DbErr> {
    let kind = NoticeKind::ReplacementDue;
    let types = item_types::Entity::find().filter(item_types::Column::ReplacementMonths.gt(0)).all(db).await?;
    let mut left = BATCH;
    for t in types {
        let Some(months) = t.replacement_months.and_then(|m| u32::try_from(m).ok()) else { continue };
        let Some(until) = now.checked_sub_months(Months::new(months)) else { continue };
        let rows = replacement_query(t.id, until, left).all(db).await?;
        for o in rows {
            let to = recipient_side_accounts(db, o.recipient_id).await?;
            let mut params = json!({ "number": o.number });
            add_names(&mut params, Some(&(t.name_kk.clone(), t.name_ru.clone(), t.name_en.clone())));
            let r = Reminder { kind, key: kind.code(), subject_id: o.id.into(), to: &to, order_id: Some(o.id), params };
            send_once(db, links, now, r, sent).await?;
            left = left.saturating_sub(1);
        }
        if left == 0 {
            break;
        }
    }
    Ok(())
}

/// Complaints past their deadline go to central staff (and the officer they are assigned to).
async fn escalations(db: &DatabaseConnection, links: &str, now: DateTime<Utc>, sent: &mut Sent) -> Result<(), DbErr> {
    let kind = NoticeKind::ComplaintEscalated;
    let rows = escalation_query(now).all(db).await?;
    if rows.is_empty() {
        return Ok(());
    }
    let central: Vec<i32> = staff(db).await?.into_iter().filter(|a| a.staff_region.is_none()).map(|a| a.id).collect();
    let numbers: HashMap<i32, String> = orders::Entity::find()
        .select_only()
        .columns([orders::Column::Id, orders::Column::Number])
        .filter(orders::Column::Id.is_in(rows.iter().map(|c| c.order_id)))
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    for c in rows {
        let mut to = central.clone();
        to.extend(c.assigned_to.filter(|a| !central.contains(a)));
        let params = json!({ "number": numbers.get(&c.order_id).cloned().unwrap_or_default(), "date": day(c.due_at), "complaint_id": c.id });
        let r = Reminder { kind, key: kind.code(), subject_id: c.id.into(), to: &to, order_id: None, params };
        send_once(db, links, now, r, sent).await?;
    }
    Ok(())
}

/// Each officer's daily count of complaints past their deadline in their area, from 08:00
/// Kazakhstan time, once a day, when there is any.
async fn digests(db: &DatabaseConnection, links: &str, now: DateTime<Utc>, sent: &mut Sent) -> Result<(), DbErr> {
    let kind = NoticeKind::StaffDigest;
    let here = local(now);
    if here.hour() < 8 {
        return Ok(());
    }
    let key = format!("staff_digest:{}", here.format("%Y-%m-%d"));
    // Officers who had today's digest are left out by a read, not by a write that conflicts.
    let done: HashSet<i64> = reminders_sent::Entity::find()
        .select_only()
        .column(reminders_sent::Column::SubjectId)
        .filter(reminders_sent::Column::Kind.eq(key.as_str()))
        .into_tuple::<i64>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let officers: Vec<accounts::Model> =
        staff(db).await?.into_iter().filter(|o| !done.contains(&i64::from(o.id))).collect();
    if officers.is_empty() {
        return Ok(());
    }
    let overdue: Vec<(String, i64)> = complaints::Entity::find()
        .select_only()
        .column(complaints::Column::RegionCode)
        .column_as(Expr::col(complaints::Column::Id).count(), "n")
        .filter(complaints::Column::Status.is_in(OPEN_COMPLAINT))
        .filter(complaints::Column::DueAt.lte(now))
        .group_by(complaints::Column::RegionCode)
        .into_tuple()
        .all(db)
        .await?;
    if overdue.is_empty() {
        return Ok(());
    }
    let by_region: HashMap<String, i64> = overdue.into_iter().collect();
    let total: i64 = by_region.values().sum();
    for officer in officers {
        let count = match &officer.staff_region {
            Some(r) => by_region.get(r).copied().unwrap_or(0),
            None => total,
        };
        if count == 0 {
            continue;
        }
        let r = Reminder {
            kind,
            key: &key,
            subject_id: officer.id.into(),
            to: &[officer.id],
            order_id: None,
            params: json!({ "count": count }),
        };
        send_once(db, links, now, r, sent).await?;
    }
    Ok(())
}

/// Active staff accounts.
async fn staff(db: &DatabaseConnection) -> Result<Vec<accounts::Model>, DbErr> {
    accounts::Entity::find()
        .filter(accounts::Column::Role.eq(DbRole::Staff))
        .filter(accounts::Column::Status.eq(DbAccountStatus::Active))
        .all(db)
        .await
}

/// Item type names in three languages.
async fn item_names(db: &DatabaseConnection, ids: Vec<i32>) -> Result<HashMap<i32, (String, String, String)>, DbErr> {
    Ok(item_types::Entity::find()
        .filter(item_types::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, (t.name_kk, t.name_ru, t.name_en)))
        .collect())
}

/// Puts `item_kk`, `item_ru` and `item_en` into `params`.
fn add_names(params: &mut serde_json::Value, names: Option<&(String, String, String)>) {
    if let (Some(map), Some((kk, ru, en))) = (params.as_object_mut(), names) {
        map.insert("item_kk".into(), kk.clone().into());
        map.insert("item_ru".into(), ru.clone().into());
        map.insert("item_en".into(), en.clone().into());
    }
}
