//! The complaints desk: complaints in the officer's scope with their deadlines (overdue
//! first), assignment, notes and closing with an outcome the recipient and the supplier see.
//! Opening a complaint shows the recipient's name and IIN, so each opening is recorded.
use super::{day, moment, region_names, staff_scope, Scope};
use crate::db::begin_write;
use crate::entities::enums::{DbAccountStatus, DbComplaintStatus, DbRole};
use crate::entities::{accounts, complaint_notes, complaints, item_types, orders, recipients, suppliers};
use crate::services::audit::{self, Entry};
use crate::services::notices::notify;
use crate::services::order_flow::{recipient_side_accounts, supplier_account};
use crate::services::paging::one_page;
use crate::services::present::account_names;
use crate::services::{text, Ctx, OrUnexpected};
use app::domain::NoticeKind;
use app::domain::{ComplaintStatus, RefusalCode};
use app::dto::ministry::*;
use app::error::{AppError, FieldErrors};
use app::ports::{Caller, ComplaintsDesk};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, Order, PaginatorTrait, QueryFilter,
    QueryOrder, Select, Set,
};
use serde_json::json;
use std::collections::HashMap;

/// The complaints desk.
pub struct ComplaintsDeskService(pub Ctx);

/// Longest note or outcome.
const TEXT_MAX: usize = 4000;

/// Complaints the scope may see: regional staff only those of their region.
fn complaints_in(scope: &Scope) -> Select<complaints::Entity> {
    let find = complaints::Entity::find();
    match scope.region() {
        Some(r) => find.filter(complaints::Column::RegionCode.eq(r)),
        None => find,
    }
}

fn row(
    c: &complaints::Model,
    now: DateTime<Utc>,
    numbers: &HashMap<i32, String>,
    suppliers: &HashMap<i32, String>,
    regions: &HashMap<String, String>,
    names: &HashMap<i32, String>,
) -> ComplaintRow {
    let closed = c.status == DbComplaintStatus::Closed;
    ComplaintRow {
        id: c.id,
        order_number: numbers.get(&c.order_id).cloned().unwrap_or_default(),
        supplier: suppliers.get(&c.supplier_id).cloned().unwrap_or_default(),
        region: regions.get(&c.region_code).cloned().unwrap_or_else(|| c.region_code.clone()),
        filed_on: day(c.created_at),
        due_on: day(c.due_at),
        days_left: (c.due_at.date_naive() - now.date_naive()).num_days(),
        overdue: !closed && c.due_at < now,
        status: c.status.into(),
        assigned_to: c.assigned_to.and_then(|a| names.get(&a).cloned()),
    }
}

async fn lookups(
    db: &impl ConnectionTrait,
    list: &[complaints::Model],
) -> Result<(HashMap<i32, String>, HashMap<i32, String>, HashMap<i32, String>), AppError> {
    let order_ids: Vec<i32> = list.iter().map(|c| c.order_id).collect();
    let numbers = orders::Entity::find()
        .filter(orders::Column::Id.is_in(order_ids))
        .all(db)
        .await
        .or_unexpected()?
        .into_iter()
        .map(|o| (o.id, o.number))
        .collect();
    let supplier_ids: Vec<i32> = list.iter().map(|c| c.supplier_id).collect();
    let supplier_names = suppliers::Entity::find()
        .filter(suppliers::Column::Id.is_in(supplier_ids))
        .all(db)
        .await
        .or_unexpected()?
        .into_iter()
        .map(|s| (s.id, s.legal_name))
        .collect();
    let people: Vec<i32> = list.iter().filter_map(|c| c.assigned_to.or(c.closed_by)).collect();
    let names = account_names(db, people).await?;
    Ok((numbers, supplier_names, names))
}

/// Active staff who may handle a complaint of `region`: central staff and that region's.
async fn officers(db: &impl ConnectionTrait, region: &str) -> Result<Vec<accounts::Model>, AppError> {
    accounts::Entity::find()
        .filter(accounts::Column::Role.eq(DbRole::Staff))
        .filter(accounts::Column::Status.eq(DbAccountStatus::Active))
        .filter(
            Condition::any().add(accounts::Column::StaffRegion.is_null()).add(accounts::Column::StaffRegion.eq(region)),
        )
        .order_by_asc(accounts::Column::DisplayName)
        .all(db)
        .await
        .or_unexpected()
}

#[async_trait]
impl ComplaintsDesk for ComplaintsDeskService {
    async fn complaints(&self, caller: &Caller, filter: ComplaintFilter) -> Result<ComplaintList, AppError> {
        let (actor, scope) = staff_scope(caller)?;
        let db = &self.0.db;
        let now = Utc::now();
        let mut find = complaints_in(&scope);
        find = match filter.status.as_str() {
            "closed" => find.filter(complaints::Column::Status.eq(DbComplaintStatus::Closed)),
            "all" => find,
            _ => find.filter(complaints::Column::Status.ne(DbComplaintStatus::Closed)),
        };
        find = match filter.assigned.as_str() {
            "me" => find.filter(complaints::Column::AssignedTo.eq(actor.account_id)),
            "unassigned" => find.filter(complaints::Column::AssignedTo.is_null()),
            _ => find,
        };
        let q = filter.q.trim().replace(['%', '_', '\\'], "");
        if !q.is_empty() {
            let matching = Query::select()
                .column(orders::Column::Id)
                .from(orders::Entity)
                // Either case finds it: LIKE is case-sensitive on PostgreSQL.
                .and_where(
                    Expr::expr(Func::upper(Expr::col(orders::Column::Number))).like(format!("%{}%", q.to_uppercase())),
                )
                .to_owned();
            find = find.filter(complaints::Column::OrderId.in_subquery(matching));
        }
        // Overdue first (the longest overdue at the top), then the nearest deadline.
        let overdue_first: Expr = Expr::case(
            Condition::all()
                .add(complaints::Column::Status.ne(DbComplaintStatus::Closed))
                .add(complaints::Column::DueAt.lt(now)),
            0,
        )
        .finally(1)
        .into();
        let find = find
            .order_by(overdue_first, Order::Asc)
            .order_by_asc(complaints::Column::DueAt)
            .order_by_asc(complaints::Column::Id);
        let (shown, page) = one_page(db, find, filter.page).await?;
        let (numbers, supplier_names, names) = lookups(db, &shown).await?;
        let regions = region_names(db, caller.lang).await?;
        let overdue = complaints_in(&scope)
            .filter(complaints::Column::Status.ne(DbComplaintStatus::Closed))
            .filter(complaints::Column::DueAt.lt(now))
            .count(db)
            .await
            .or_unexpected()?;
        Ok(ComplaintList {
            rows: shown.iter().map(|c| row(c, now, &numbers, &supplier_names, &regions, &names)).collect(),
            page,
            overdue,
        })
    }

    async fn complaint(&self, caller: &Caller, id: i32) -> Result<ComplaintDetail, AppError> {
        let (actor, scope) = staff_scope(caller)?;
        let db = &self.0.db;
        let c = complaints_in(&scope)
            .filter(complaints::Column::Id.eq(id))
            .one(db)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotFound)?;
        let order = orders::Entity::find_by_id(c.order_id).one(db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
        let recipient =
            recipients::Entity::find_by_id(c.recipient_id).one(db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
        let item = item_types::Entity::find_by_id(order.item_type_id).one(db).await.or_unexpected()?;
        let notes = complaint_notes::Entity::find()
            .filter(complaint_notes::Column::ComplaintId.eq(c.id))
            .order_by_asc(complaint_notes::Column::Id)
            .all(db)
            .await
            .or_unexpected()?;
        let mut people: Vec<i32> = notes.iter().map(|n| n.author_id).collect();
        people.extend(c.assigned_to);
        people.extend(c.closed_by);
        let names = account_names(db, people).await?;
        let (numbers, supplier_names, _) = lookups(db, std::slice::from_ref(&c)).await?;
        let regions = region_names(db, caller.lang).await?;
        let officers = officers(db, &c.region_code).await?;
        // The name and IIN are about to be shown: record who looked, when and why.
        audit::record(
            db,
            Some(actor),
            Entry {
                action: "recipient.view",
                object_type: "recipient",
                object_id: Some(recipient.id.to_string()),
                reason: Some(format!("complaint {}", c.id)),
                details: Some(json!({ "complaint_id": c.id, "fields": ["full_name", "iin"] })),
            },
        )
        .await
        .or_unexpected()?;
        Ok(ComplaintDetail {
            row: row(&c, Utc::now(), &numbers, &supplier_names, &regions, &names),
            body: c.body.clone(),
            order_status: order.status.into(),
            item_type: item.map(|t| t.name(caller.lang).to_owned()).unwrap_or_default(),
            supplier_id: c.supplier_id,
            recipient_name: recipient.full_name.unwrap_or_default(),
            recipient_iin: recipient.iin,
            supplier_response: c.supplier_response.clone(),
            supplier_responded_at: c.supplier_responded_at.map(moment),
            assigned_id: c.assigned_to,
            officers: officers.into_iter().map(|a| (a.id.to_string(), a.display_name)).collect(),
            notes: notes
                .into_iter()
                .map(|n| app::dto::ministry::ComplaintNoteView {
                    author: names.get(&n.author_id).cloned().unwrap_or_default(),
                    at: moment(n.created_at),
                    body: n.body,
                })
                .collect(),
            outcome: c.outcome.clone(),
            closed_by: c.closed_by.and_then(|a| names.get(&a).cloned()),
            closed_at: c.closed_at.map(moment),
        })
    }

    async fn assign(&self, caller: &Caller, id: i32, officer: Option<i32>) -> Result<(), AppError> {
        let (actor, scope) = staff_scope(caller)?;
        let officer_id = officer.ok_or_else(|| AppError::field("complaint_officer", "required"))?;
        let txn = begin_write(&self.0.db).await.or_unexpected()?;
        let c = complaints_in(&scope)
            .filter(complaints::Column::Id.eq(id))
            .one(&txn)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotFound)?;
        if c.status == DbComplaintStatus::Closed {
            return Err(AppError::refused(RefusalCode::ComplaintClosed));
        }
        let eligible = officers(&txn, &c.region_code).await?;
        let Some(who) = eligible.into_iter().find(|a| a.id == officer_id) else {
            return Err(AppError::field("complaint_officer", "officer_not_eligible"));
        };
        let mut am: complaints::ActiveModel = c.clone().into();
        am.assigned_to = Set(Some(who.id));
        am.update(&txn).await.or_unexpected()?;
        audit::record(
            &txn,
            Some(actor),
            Entry {
                action: "complaint.assign",
                object_type: "complaint",
                object_id: Some(c.id.to_string()),
                reason: None,
                details: Some(json!({ "officer": who.email, "previous": c.assigned_to })),
            },
        )
        .await
        .or_unexpected()?;
        if who.id != actor.account_id {
            notify(
                &txn,
                &self.0.links,
                who.id,
                NoticeKind::ComplaintAssigned,
                Some(c.order_id),
                json!({ "complaint_id": c.id }),
            )
            .await
            .or_unexpected()?;
        }
        txn.commit().await.or_unexpected()
    }

    async fn add_note(&self, caller: &Caller, id: i32, body: &str) -> Result<(), AppError> {
        let (actor, scope) = staff_scope(caller)?;
        let body = text(body, TEXT_MAX).map_err(|code| AppError::field("complaint_note", code))?;
        let db = &self.0.db;
        let c = complaints_in(&scope)
            .filter(complaints::Column::Id.eq(id))
            .one(db)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotFound)?;
        complaint_notes::ActiveModel {
            complaint_id: Set(c.id),
            author_id: Set(actor.account_id),
            body: Set(body),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(db)
        .await
        .or_unexpected()?;
        Ok(())
    }

    async fn close(&self, caller: &Caller, id: i32, outcome: &str) -> Result<(), AppError> {
        let (actor, scope) = staff_scope(caller)?;
        let mut errors = FieldErrors::new();
        let outcome = errors.check("complaint_outcome", text(outcome, TEXT_MAX));
        errors.finish()?;
        let Some(outcome) = outcome else { return Err(AppError::refused(RefusalCode::BadRequest)) };
        let txn = begin_write(&self.0.db).await.or_unexpected()?;
        let c = complaints_in(&scope)
            .filter(complaints::Column::Id.eq(id))
            .one(&txn)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotFound)?;
        let now = Utc::now();
        let res = complaints::Entity::update_many()
            .col_expr(complaints::Column::Status, Expr::value(DbComplaintStatus::Closed))
            .col_expr(complaints::Column::Outcome, Expr::value(Some(outcome.clone())))
            .col_expr(complaints::Column::ClosedBy, Expr::value(Some(actor.account_id)))
            .col_expr(complaints::Column::ClosedAt, Expr::value(Some(now)))
            .filter(complaints::Column::Id.eq(c.id))
            .filter(complaints::Column::Status.ne(DbComplaintStatus::Closed))
            .exec(&txn)
            .await
            .or_unexpected()?;
        if res.rows_affected != 1 {
            return Err(AppError::refused(RefusalCode::ComplaintClosed));
        }
        let was: ComplaintStatus = c.status.into();
        audit::record(
            &txn,
            Some(actor),
            Entry {
                action: "complaint.close",
                object_type: "complaint",
                object_id: Some(c.id.to_string()),
                reason: Some(outcome.clone()),
                details: Some(json!({ "order_id": c.order_id, "supplier_id": c.supplier_id, "was": was.code(), "overdue": c.due_at < now })),
            },
        )
        .await
        .or_unexpected()?;
        let number = orders::Entity::find_by_id(c.order_id)
            .one(&txn)
            .await
            .or_unexpected()?
            .map(|o| o.number)
            .unwrap_or_default();
        let params = json!({ "number": number, "complaint_id": c.id, "outcome": outcome });
        let mut told = recipient_side_accounts(&txn, c.recipient_id).await.or_unexpected()?;
        told.extend(supplier_account(&txn, c.supplier_id).await.or_unexpected()?);
        for account in told {
            notify(&txn, &self.0.links, account, NoticeKind::ComplaintClosed, Some(c.order_id), params.clone())
                .await
                .or_unexpected()?;
        }
        txn.commit().await.or_unexpected()
    }
}
