//! The audit log: written by every staff decision and import, read by staff only.
use super::{Ctx, OrUnexpected};
use crate::entities::{accounts, audit_log};
use app::domain::Role;
use app::dto::AuditEntryView;
use app::error::AppError;
use app::ports::{Actor, Audit, Caller};
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use std::collections::HashMap;

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

/// Reads the audit log.
pub struct AuditService(pub Ctx);

#[async_trait]
impl Audit for AuditService {
    async fn search(&self, caller: &Caller, query: &str) -> Result<Vec<AuditEntryView>, AppError> {
        caller.require(&[Role::Staff, Role::Admin])?;
        let db = &self.0.db;
        let mut find = audit_log::Entity::find().order_by_desc(audit_log::Column::Id).limit(200);
        let q = query.trim().to_lowercase();
        if !q.is_empty() {
            let pattern = format!("%{}%", q.replace('%', "").replace('_', ""));
            let like = |c: audit_log::Column| Expr::expr(Func::lower(Expr::col(c))).like(pattern.clone());
            find = find.filter(
                Condition::any()
                    .add(like(audit_log::Column::Action))
                    .add(like(audit_log::Column::ObjectType))
                    .add(like(audit_log::Column::ObjectId))
                    .add(like(audit_log::Column::Reason)),
            );
        }
        let rows = find.all(db).await.or_unexpected()?;
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
                at: r.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
                actor: r.actor_account_id.and_then(|id| emails.get(&id).cloned()).unwrap_or_else(|| "system".into()),
                action: r.action,
                object: format!("{} {}", r.object_type, r.object_id.unwrap_or_default()).trim().to_owned(),
                reason: r.reason,
            })
            .collect())
    }
}
