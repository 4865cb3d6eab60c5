//! The supplier's view of its orders: the inbox (overdue first), one order with everything
//! needed to fulfil it, and complaints about its orders. The changes are in `order_actions`.
use super::offerings::OPEN;
use super::{category_of, day, due, localized, moment, own_supplier, require_approved};
use crate::entities::enums::{DbComplaintStatus, DbOrderStatus, DbSupplierStatus};
use crate::entities::{complaints, item_types, offerings, order_events, orders, recipients, regions, suppliers};
use crate::services::paging::one_page;
use crate::services::present::{account_names, detail_lines, supplier_detail_key};
use crate::services::{Ctx, OrUnexpected};
use app::domain::{CategoryKind, CoPayment, Lang, Money, OrderStatus, OrderStep, Unit};
use app::dto::supplier::{
    ComplaintRow, InboxRow, InboxView, OrderEventRow, SessionRow, SupplierComplaintsView, SupplierOrderView,
};
use app::error::AppError;
use app::i18n::tr_args;
use app::ports::{Caller, InboxFilter, SupplierOrders};
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, Order, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// Orders and complaints of suppliers.
pub struct OrderService(pub Ctx);

/// Suspended and removed suppliers see only orders still open.
fn inactive(s: &suppliers::Model) -> bool {
    matches!(s.status, DbSupplierStatus::Suspended | DbSupplierStatus::Removed)
}

/// One of the supplier's orders (for a suspended supplier, only an open one).
pub async fn own_order(db: &impl ConnectionTrait, s: &suppliers::Model, id: i32) -> Result<orders::Model, AppError> {
    let mut q = orders::Entity::find_by_id(id).filter(orders::Column::SupplierId.eq(s.id));
    if inactive(s) {
        q = q.filter(orders::Column::Status.is_in(OPEN));
    }
    q.one(db).await.or_unexpected()?.ok_or(AppError::NotFound)
}

/// What the supplier may do with an order now.
pub fn actions(status: OrderStatus, kind: CategoryKind, unit: Unit) -> Vec<String> {
    let goods = kind == CategoryKind::Goods;
    let hourly = unit == Unit::Hour;
    let mut out: Vec<&str> = Vec::new();
    match status {
        OrderStatus::Placed => out.extend(["accept", "reject"]),
        OrderStatus::Accepted | OrderStatus::Scheduled => {
            if kind != CategoryKind::Course {
                out.push("schedule");
            }
            if goods {
                out.extend(["ship", "deliver"]);
            } else {
                if hourly {
                    out.push("session");
                }
                out.push("render");
            }
            if status == OrderStatus::Accepted {
                out.push("reject");
            }
        }
        OrderStatus::InDelivery => out.push("deliver"),
        _ => {}
    }
    out.into_iter().map(str::to_owned).collect()
}

/// An event note as the reader should see it: our coded notes (`session:`, `scheduled:`,
/// `hours:`) in words, a representative marker hidden, anything else (a reason) as written.
pub fn note_text(lang: Lang, note: Option<String>) -> Option<String> {
    let n = note?;
    let parts: Vec<&str> = n.splitn(3, ':').collect();
    match parts.as_slice() {
        ["session", date, hours] => Some(tr_args(
            lang,
            "supplier-note-session",
            &[("date", (*date).to_owned()), ("hours", (*hours).to_owned())],
        )),
        ["scheduled", date] => Some(tr_args(lang, "supplier-note-scheduled", &[("date", (*date).to_owned())])),
        ["hours", hours] => Some(tr_args(lang, "supplier-note-hours", &[("hours", (*hours).to_owned())])),
        ["representative", ..] => None,
        _ => Some(n),
    }
}

fn complaint_row(c: complaints::Model, number: String, active: bool) -> ComplaintRow {
    let today = Utc::now().date_naive();
    let can_answer =
        active && c.status == DbComplaintStatus::Open && c.supplier_response.is_none() && c.due_at > Utc::now();
    ComplaintRow {
        id: c.id,
        order_id: c.order_id,
        order_number: number,
        received_on: day(c.created_at),
        due: due(c.due_at, today),
        status: c.status.into(),
        body: c.body,
        response: c.supplier_response,
        responded_on: c.supplier_responded_at.map(day),
        can_answer,
    }
}

async fn numbers(db: &impl ConnectionTrait, ids: Vec<i32>) -> Result<HashMap<i32, String>, AppError> {
    Ok(orders::Entity::find()
        .select_only()
        .column(orders::Column::Id)
        .column(orders::Column::Number)
        .filter(orders::Column::Id.is_in(ids))
        .into_tuple::<(i32, String)>()
        .all(db)
        .await
        .or_unexpected()?
        .into_iter()
        .collect())
}

/// The supplier's incoming orders for a status filter (`all`, one status code, or the open
/// ones) and a deadline filter (`overdue`, `soon`, or none), overdue first, then the nearest
/// deadline, orders without one newest first: the statement behind the inbox (public so the
/// EXPLAIN test plans the very same statement). An inactive supplier sees only what is still
/// open.
pub fn inbox_query(
    s: &suppliers::Model,
    status: &str,
    deadline_filter: &str,
    now: chrono::DateTime<Utc>,
) -> sea_orm::Select<orders::Entity> {
    let mut q = orders::Entity::find().filter(orders::Column::SupplierId.eq(s.id));
    let wanted = OrderStatus::from_code(status.trim()).map(DbOrderStatus::from);
    q = match (status.trim(), wanted) {
        (_, Some(one)) => q.filter(orders::Column::Status.eq(one)),
        ("all", None) if !inactive(s) => q,
        _ => q.filter(orders::Column::Status.is_in(OPEN)),
    };
    if inactive(s) {
        q = q.filter(orders::Column::Status.is_in(OPEN));
    }
    // The deadline that matters now, as the database sees it, so that the deadline
    // filter, the order and the page are all done there.
    let deadline: Expr =
        Expr::case(orders::Column::Status.eq(DbOrderStatus::Placed), Expr::col(orders::Column::AcceptBy))
            .case(
                orders::Column::Status.is_in([
                    DbOrderStatus::Accepted,
                    DbOrderStatus::Scheduled,
                    DbOrderStatus::InDelivery,
                ]),
                Expr::col(orders::Column::DeliverBy),
            )
            .into();
    let today = now.date_naive();
    let midnight = |d: chrono::NaiveDate| d.and_time(chrono::NaiveTime::MIN).and_utc();
    q = match deadline_filter {
        "overdue" => q.filter(deadline.clone().lt(midnight(today))),
        "soon" => q
            .filter(deadline.clone().gte(midnight(today)))
            .filter(deadline.clone().lt(midnight(today + chrono::Duration::days(4)))),
        _ => q,
    };
    // Overdue first, then the nearest deadline; orders with no deadline newest first.
    q.order_by(deadline.clone().is_null(), Order::Asc)
        .order_by(deadline, Order::Asc)
        .order_by_desc(orders::Column::CreatedAt)
        .order_by_desc(orders::Column::Id)
}

#[async_trait]
impl SupplierOrders for OrderService {
    async fn inbox(&self, caller: &Caller, filter: InboxFilter) -> Result<InboxView, AppError> {
        let db = &self.0.db;
        let (_, s) = own_supplier(db, caller).await?;
        let lang = caller.lang;
        let now = Utc::now();
        let today = now.date_naive();
        let q = inbox_query(&s, &filter.status, filter.deadline.as_str(), now);
        let (rows, page) = one_page(db, q, filter.page).await?;
        let offers: HashMap<i32, offerings::Model> = offerings::Entity::find()
            .filter(offerings::Column::Id.is_in(rows.iter().map(|o| o.offering_id)))
            .all(db)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|o| (o.id, o))
            .collect();
        let units: HashMap<i32, Unit> = item_types::Entity::find()
            .all(db)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|t| (t.id, t.unit.into()))
            .collect();
        let region_names = crate::services::present::region_names(db, lang).await?;
        let out: Vec<InboxRow> = rows
            .into_iter()
            .map(|o| {
                let status: OrderStatus = o.status.into();
                let deadline = match status {
                    OrderStatus::Placed => Some(o.accept_by),
                    OrderStatus::Accepted | OrderStatus::Scheduled | OrderStatus::InDelivery => o.deliver_by,
                    _ => None,
                };
                InboxRow {
                    id: o.id,
                    title: offers
                        .get(&o.offering_id)
                        .map(|x| localized(lang, &x.title_kk, &x.title_ru, x.title_en.as_deref()))
                        .unwrap_or_default(),
                    quantity: o.quantity,
                    unit: units.get(&o.item_type_id).copied().unwrap_or(Unit::Piece),
                    status,
                    placed_on: day(o.created_at),
                    region: region_names.get(&o.region_code).cloned().unwrap_or(o.region_code),
                    due: deadline.map(|d| due(d, today)),
                    number: o.number,
                }
            })
            .collect();
        Ok(InboxView { supplier_status: s.status.into(), rows: out, page })
    }

    async fn order(&self, caller: &Caller, id: i32) -> Result<SupplierOrderView, AppError> {
        let db = &self.0.db;
        let (_, s) = own_supplier(db, caller).await?;
        let lang = caller.lang;
        let o = own_order(db, &s, id).await?;
        let offering =
            offerings::Entity::find_by_id(o.offering_id).one(db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
        let (it, category) = category_of(db, o.item_type_id).await?;
        let kind: CategoryKind = category.kind.into();
        let recipient = recipients::Entity::find_by_id(o.recipient_id)
            .one(db)
            .await
            .or_unexpected()?
            .and_then(|r| r.full_name)
            .unwrap_or_default();
        let region = regions::Entity::find_by_id(o.region_code.clone())
            .one(db)
            .await
            .or_unexpected()?
            .map(|r| r.name(lang).to_owned())
            .unwrap_or_else(|| o.region_code.clone());
        let events = order_events::Entity::find()
            .filter(order_events::Column::OrderId.eq(o.id))
            .order_by_asc(order_events::Column::Id)
            .all(db)
            .await
            .or_unexpected()?;
        let people = account_names(db, events.iter().filter_map(|e| e.actor_account_id)).await?;
        let complaints = complaints::Entity::find()
            .filter(complaints::Column::OrderId.eq(o.id))
            .filter(complaints::Column::SupplierId.eq(s.id))
            .order_by_asc(complaints::Column::Id)
            .all(db)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|c| complaint_row(c, o.number.clone(), !inactive(&s)))
            .collect();
        let sessions: Vec<SessionRow> = o
            .details
            .0
            .rendered
            .iter()
            .map(|r| SessionRow { date: r.date.to_string(), hours: i32::from(r.hours) })
            .collect();
        let status: OrderStatus = o.status.into();
        let unit: Unit = it.unit.into();
        let today = Utc::now().date_naive();
        Ok(SupplierOrderView {
            id: o.id,
            number: o.number.clone(),
            status,
            title: localized(lang, &offering.title_kk, &offering.title_ru, offering.title_en.as_deref()),
            offering_id: offering.id,
            unit,
            quantity: o.quantity,
            unit_price: Money::from_tiyn(o.unit_price_tiyn),
            ceiling: Money::from_tiyn(o.ceiling_tiyn),
            split: CoPayment {
                total: Money::from_tiyn(o.total_tiyn),
                state_share: Money::from_tiyn(o.state_share_tiyn),
                copay: Money::from_tiyn(o.copay_tiyn),
            },
            recipient,
            region,
            details: detail_lines(&o.details.0, supplier_detail_key),
            placed_at: moment(o.created_at),
            accept_by: due(o.accept_by, today),
            deliver_by: o.deliver_by.map(|d| due(d, today)),
            events: events
                .into_iter()
                .map(|e| OrderEventRow {
                    status: e.status.into(),
                    at: moment(e.created_at),
                    by: e.actor_account_id.and_then(|a| people.get(&a).cloned()),
                    note: note_text(lang, e.note),
                })
                .collect(),
            hours_rendered: sessions.iter().map(|x| x.hours).sum(),
            sessions,
            complaints,
            actions: if require_approved(&s).is_ok() { actions(status, kind, unit) } else { Vec::new() },
            category: category.code,
        })
    }

    async fn accept(&self, caller: &Caller, id: i32) -> Result<(), AppError> {
        super::order_actions::accept(&self.0, caller, id).await
    }

    async fn reject(&self, caller: &Caller, id: i32, reason: &str) -> Result<(), AppError> {
        super::order_actions::reject(&self.0, caller, id, reason).await
    }

    async fn schedule(&self, caller: &Caller, id: i32, date: &str) -> Result<(), AppError> {
        super::order_actions::schedule(&self.0, caller, id, date).await
    }

    async fn mark(&self, caller: &Caller, id: i32, step: Option<OrderStep>) -> Result<(), AppError> {
        super::order_actions::mark(&self.0, caller, id, step).await
    }

    async fn record_session(&self, caller: &Caller, id: i32, date: &str, hours: &str) -> Result<(), AppError> {
        super::order_actions::record_session(&self.0, caller, id, date, hours).await
    }

    async fn complaints(&self, caller: &Caller, page: u32) -> Result<SupplierComplaintsView, AppError> {
        let db = &self.0.db;
        let (_, s) = own_supplier(db, caller).await?;
        super::require_active(&s)?;
        // Those still waiting for an answer first, then by the deadline.
        let unanswered_first: Expr = Expr::case(
            Condition::all()
                .add(complaints::Column::Status.eq(DbComplaintStatus::Open))
                .add(complaints::Column::SupplierResponse.is_null()),
            0,
        )
        .finally(1)
        .into();
        let find = complaints::Entity::find()
            .filter(complaints::Column::SupplierId.eq(s.id))
            .order_by(unanswered_first, Order::Asc)
            .order_by_asc(complaints::Column::DueAt)
            .order_by_asc(complaints::Column::Id);
        let (rows, page) = one_page(db, find, page).await?;
        let nums = numbers(db, rows.iter().map(|c| c.order_id).collect()).await?;
        let rows = rows
            .into_iter()
            .map(|c| {
                let n = nums.get(&c.order_id).cloned().unwrap_or_default();
                complaint_row(c, n, true)
            })
            .collect();
        Ok(SupplierComplaintsView { rows, page })
    }

    async fn complaint(&self, caller: &Caller, id: i32) -> Result<ComplaintRow, AppError> {
        let db = &self.0.db;
        let (_, s) = own_supplier(db, caller).await?;
        super::require_active(&s)?;
        let c = complaints::Entity::find_by_id(id)
            .filter(complaints::Column::SupplierId.eq(s.id))
            .one(db)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotFound)?;
        let n = numbers(db, vec![c.order_id]).await?.remove(&c.order_id).unwrap_or_default();
        Ok(complaint_row(c, n, true))
    }

    async fn answer_complaint(&self, caller: &Caller, id: i32, answer: &str) -> Result<(), AppError> {
        super::order_actions::answer_complaint(&self.0, caller, id, answer).await
    }
}
