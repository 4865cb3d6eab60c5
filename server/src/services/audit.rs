//! The audit log: written by every staff decision and import, read by staff only. It is
//! append-only: this module has no update or delete, and database triggers refuse both
//! (migration `m20261124_000101_protect_audit_log`).
use super::scope::Scope;
use super::{Ctx, OrUnexpected};
use crate::entities::{accounts, audit_log, complaints, offerings, recipients, supplier_documents, suppliers};
use app::dto::{AuditEntryView, AuditFilter};
use app::error::AppError;
use app::ports::{Actor, Audit, Caller};
use async_trait::async_trait;
use chrono::{Duration, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, IntoTableRef, Query, SelectStatement, TableRef};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;

/// Entries shown at a time.
const PAGE: u64 = 100;

/// What an entry is about.
pub struct Entry<'a> {
    /// Action code, e.g. `supplier.approve`.
    pub action: &'a str,
    /// Object type, e.g. `supplier`.
    pub object_type: &'a str,
    /// Object id.
    pub object_id: Option<String>,
    /// The reason given, if any.
    pub reason: Option<String>,
    /// Anything else worth keeping.
    pub details: Option<serde_json::Value>,
}

/// Appends an entry; use the transaction of the change it records.
pub async fn record(db: &impl ConnectionTrait, actor: Option<&Actor>, entry: Entry<'_>) -> Result<(), sea_orm::DbErr> {
    audit_log::ActiveModel {
        actor_account_id: Set(actor.map(|a| a.account_id)),
        actor_role: Set(actor.map(|a| a.role.code()).unwrap_or("system").into()),
        action: Set(entry.action.into()),
        object_type: Set(entry.object_type.into()),
        object_id: Set(entry.object_id),
        reason: Set(entry.reason),
        details: Set(entry.details),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Rows as the page shows them, with the actors' e-mails.
async fn views(db: &impl ConnectionTrait, rows: Vec<audit_log::Model>) -> Result<Vec<AuditEntryView>, AppError> {
    let ids: Vec<i32> = rows.iter().filter_map(|r| r.actor_account_id).collect();
    let emails: HashMap<i32, String> = accounts::Entity::find()
        .filter(accounts::Column::Id.is_in(ids))
        .all(db)
        .await
        .or_unexpected()?
        .into_iter()
        .map(|a| (a.id, a.email))
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| AuditEntryView {
            id: r.id,
            at: super::present::moment(r.created_at),
            actor: r.actor_account_id.and_then(|id| emails.get(&id).cloned()).unwrap_or_else(|| "system".into()),
            action: r.action,
            object: format!("{} {}", r.object_type, r.object_id.unwrap_or_default()).trim().to_owned(),
            reason: r.reason,
        })
        .collect())
}

/// Every entry about one object, newest first (e.g. a supplier's decisions).
pub async fn entries_about(
    db: &impl ConnectionTrait,
    object_type: &str,
    object_id: &str,
) -> Result<Vec<AuditEntryView>, AppError> {
    let rows = audit_log::Entity::find()
        .filter(audit_log::Column::ObjectType.eq(object_type))
        .filter(audit_log::Column::ObjectId.eq(object_id))
        .order_by_desc(audit_log::Column::Id)
        .limit(PAGE)
        .all(db)
        .await
        .or_unexpected()?;
    views(db, rows).await
}

/// Entries a regional officer may read: those about suppliers registered in, recipients
/// living in, and complaints raised in their region, and the national ones (ceilings, item
/// types, imports, staff accounts), which are about no one's region.
fn in_region(region: &str) -> Condition {
    let about = |kind: &str, ids: SelectStatement| {
        Condition::all().add(audit_log::Column::ObjectType.eq(kind)).add(audit_log::Column::ObjectId.in_subquery(ids))
    };
    let suppliers_here = Query::select()
        .column(suppliers::Column::Id)
        .from(suppliers::Entity)
        .and_where(suppliers::Column::HomeRegion.eq(region))
        .to_owned();
    let text_ids = |col: Expr, table: TableRef, filter: Condition| {
        Query::select().expr(col.cast_as(Alias::new("TEXT"))).from(table).cond_where(filter).to_owned()
    };
    let supplier_ids = text_ids(
        Expr::col(suppliers::Column::Id),
        suppliers::Entity.into_table_ref(),
        Condition::all().add(suppliers::Column::HomeRegion.eq(region)),
    );
    let offering_ids = text_ids(
        Expr::col(offerings::Column::Id),
        offerings::Entity.into_table_ref(),
        Condition::all().add(offerings::Column::SupplierId.in_subquery(suppliers_here.clone())),
    );
    let document_ids = text_ids(
        Expr::col(supplier_documents::Column::Id),
        supplier_documents::Entity.into_table_ref(),
        Condition::all().add(supplier_documents::Column::SupplierId.in_subquery(suppliers_here)),
    );
    let recipient_ids = text_ids(
        Expr::col(recipients::Column::Id),
        recipients::Entity.into_table_ref(),
        Condition::all().add(recipients::Column::RegionCode.eq(region)),
    );
    let complaint_ids = text_ids(
        Expr::col(complaints::Column::Id),
        complaints::Entity.into_table_ref(),
        Condition::all().add(complaints::Column::RegionCode.eq(region)),
    );
    // Entries about accounts are national when staff or admins wrote them (staff accounts,
    // their second factor); a recipient's or a supplier's own (a password changed, signing
    // out everywhere) are about that person alone and stay out of every regional view.
    let staff_about_accounts = Condition::all()
        .add(audit_log::Column::ObjectType.eq("account"))
        .add(audit_log::Column::ActorRole.is_in(["staff", "admin", "system"]));
    Condition::any()
        .add(audit_log::Column::ObjectType.is_not_in([
            "supplier",
            "offering",
            "supplier_document",
            "recipient",
            "complaint",
            "account",
        ]))
        .add(staff_about_accounts)
        .add(about("supplier", supplier_ids))
        .add(about("offering", offering_ids))
        .add(about("supplier_document", document_ids))
        .add(about("recipient", recipient_ids))
        .add(about("complaint", complaint_ids))
}

/// `%text%` for LIKE, lower-cased, without the caller's own wildcards.
pub fn contains_pattern(text: &str) -> String {
    format!("%{}%", text.trim().to_lowercase().replace(['%', '_', '\\'], ""))
}

/// Reads the audit log.
pub struct AuditService(pub Ctx);

#[async_trait]
impl Audit for AuditService {
    async fn search(&self, caller: &Caller, filter: AuditFilter) -> Result<Vec<AuditEntryView>, AppError> {
        let (_, scope) = super::scope::staff_scope(caller)?;
        let db = &self.0.db;
        let mut find = audit_log::Entity::find().order_by_desc(audit_log::Column::Id).limit(PAGE);
        if let Scope::Region(region) = scope {
            find = find.filter(in_region(&region));
        }
        let like = |c: audit_log::Column, pattern: &str| Expr::expr(Func::lower(Expr::col(c))).like(pattern.to_owned());
        if !filter.q.trim().is_empty() {
            let pattern = contains_pattern(&filter.q);
            find = find.filter(
                Condition::any()
                    .add(like(audit_log::Column::Action, &pattern))
                    .add(like(audit_log::Column::ObjectType, &pattern))
                    .add(like(audit_log::Column::ObjectId, &pattern))
                    .add(like(audit_log::Column::Reason, &pattern)),
            );
        }
        let action = filter.action.trim().to_lowercase();
        if !action.is_empty() {
            // `supplier.` means every supplier decision; a full code means that one action.
            if action.ends_with('.') {
                find = find.filter(audit_log::Column::Action.starts_with(action.replace(['%', '_', '\\'], "")));
            } else {
                find = find.filter(audit_log::Column::Action.eq(action));
            }
        }
        if !filter.actor.trim().is_empty() {
            let actor = filter.actor.trim().to_lowercase();
            let ids: Vec<i32> = accounts::Entity::find()
                .select_only()
                .column(accounts::Column::Id)
                .filter(accounts::Column::Email.like(contains_pattern(&actor)))
                .into_tuple()
                .all(db)
                .await
                .or_unexpected()?;
            find = if actor == "system" {
                find.filter(audit_log::Column::ActorAccountId.is_null())
            } else {
                find.filter(audit_log::Column::ActorAccountId.is_in(ids))
            };
        }
        if let Ok(from) = super::parse_date(&filter.from) {
            find = find.filter(audit_log::Column::CreatedAt.gte(from.and_time(chrono::NaiveTime::MIN).and_utc()));
        }
        if let Ok(to) = super::parse_date(&filter.to) {
            let end = (to + Duration::days(1)).and_time(chrono::NaiveTime::MIN).and_utc();
            find = find.filter(audit_log::Column::CreatedAt.lt(end));
        }
        if let Some(before) = filter.before {
            find = find.filter(audit_log::Column::Id.lt(before));
        }
        let rows = find.all(db).await.or_unexpected()?;
        views(db, rows).await
    }
}
