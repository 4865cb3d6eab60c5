//! The ministry's decisions on a supplier, in one place for every use case that takes them
//! (the staff pages, the CLI, tests): approve, reject, suspend, remove, reinstate.
//!
//! Hiding is automatic: the catalogue shows an offering only while its supplier is approved
//! ([`crate::services::catalogue_rules::visible_offering_condition`]), so suspending hides every
//! offering at once without touching them, and reinstating shows them again. Suspending or
//! removing also ends the supplier's sessions, so it signs in again and sees its new status.
use crate::auth::session;
use crate::entities::enums::{DbOfferingStatus, DbSupplierStatus};
use crate::entities::{offerings, suppliers};
use crate::services::audit::{self, Entry};
use crate::services::notices::notify;
use app::domain::NoticeKind;
use app::domain::SupplierDecision;
use app::domain::SupplierStatus;
use app::ports::Actor;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use serde_json::json;

/// Why a decision was not taken.
#[derive(Debug)]
pub enum StatusError {
    /// No such supplier.
    NotFound,
    /// Not a move the rules allow from the current status (e.g. approving a removed supplier).
    NotAllowed,
    /// Rejecting, suspending and removing need a written reason.
    ReasonRequired,
    /// The application lacks what the supplier is told it needs (these translation keys).
    Incomplete(Vec<String>),
    /// The database failed.
    Db(DbErr),
}

impl From<DbErr> for StatusError {
    fn from(e: DbErr) -> Self {
        Self::Db(e)
    }
}

/// Records a decision on a supplier inside the caller's transaction: the status, reason,
/// who and when; the audit entry; a notification to the supplier; and, when suspended or
/// removed, the end of all its sessions. Returns the supplier as it now is.
pub async fn set_status(
    txn: &impl ConnectionTrait,
    links: &str,
    supplier_id: i32,
    new_status: SupplierStatus,
    reason: Option<String>,
    decided_by: Option<&Actor>,
) -> Result<suppliers::Model, StatusError> {
    let current = suppliers::Entity::find_by_id(supplier_id).one(txn).await?.ok_or(StatusError::NotFound)?;
    let from: SupplierStatus = current.status.into();
    // The one table of supplier moves: the decisions the staff form offers.
    let Some(decision) = SupplierDecision::between(from, new_status) else {
        return Err(StatusError::NotAllowed);
    };
    // Approval checks the same list the supplier sees on its profile page: nothing is
    // approved that the supplier itself is still told to complete.
    if from == SupplierStatus::Pending && new_status == SupplierStatus::Approved {
        let missing = crate::services::supplier::profile::missing_for(txn, &current)
            .await
            .map_err(|e| StatusError::Db(DbErr::Custom(e.code().to_owned())))?;
        if !missing.is_empty() {
            return Err(StatusError::Incomplete(missing));
        }
    }
    let reason = reason.map(|r| r.trim().to_owned()).filter(|r| !r.is_empty());
    if !matches!(new_status, SupplierStatus::Approved) && reason.is_none() {
        return Err(StatusError::ReasonRequired);
    }
    let now = Utc::now();
    let to = DbSupplierStatus::from(new_status);
    let mut update = suppliers::Entity::update_many()
        .col_expr(suppliers::Column::Status, Expr::value(to))
        .col_expr(suppliers::Column::StatusReason, Expr::value(reason.clone()))
        .col_expr(suppliers::Column::DecidedBy, Expr::value(decided_by.map(|a| a.account_id)))
        .col_expr(suppliers::Column::DecidedAt, Expr::value(now))
        .col_expr(suppliers::Column::UpdatedAt, Expr::value(now))
        .filter(suppliers::Column::Id.eq(supplier_id))
        .filter(suppliers::Column::Status.eq(current.status));
    if new_status == SupplierStatus::Approved {
        update = update.col_expr(suppliers::Column::ApprovedAt, Expr::value(now));
    }
    if update.exec(txn).await?.rows_affected != 1 {
        // Someone else decided in the meantime.
        return Err(StatusError::NotAllowed);
    }
    let verb = decision.code();
    audit::record(
        txn,
        decided_by,
        Entry {
            action: &format!("supplier.{verb}"),
            object_type: "supplier",
            object_id: Some(supplier_id.to_string()),
            reason: reason.clone(),
            details: Some(json!({ "from": from.code(), "to": new_status.code(), "name": current.legal_name })),
        },
    )
    .await?;
    notify(
        txn,
        links,
        current.account_id,
        NoticeKind::SupplierStatus,
        None,
        json!({ "status": new_status.code(), "reason": reason }),
    )
    .await?;
    // Sessions end when the supplier loses access; a rejected applicant keeps its profile
    // to complete and resubmit.
    if matches!(new_status, SupplierStatus::Suspended | SupplierStatus::Removed) {
        session::revoke_all(txn, current.account_id).await?;
    }
    // A suspension only hides offerings (the catalogue rule) and reinstating shows them again;
    // a removal is final, so its offerings are withdrawn.
    if new_status == SupplierStatus::Removed {
        offerings::Entity::update_many()
            .col_expr(offerings::Column::Status, Expr::value(DbOfferingStatus::Withdrawn))
            .col_expr(offerings::Column::StatusReason, Expr::value(reason.clone()))
            .col_expr(offerings::Column::UpdatedAt, Expr::value(now))
            .filter(offerings::Column::SupplierId.eq(supplier_id))
            .filter(offerings::Column::Status.eq(DbOfferingStatus::Published))
            .exec(txn)
            .await?;
    }
    suppliers::Entity::find_by_id(supplier_id).one(txn).await?.ok_or(StatusError::NotFound)
}
