//! What every order change shares, whoever makes it (recipient, supplier, staff): the allowed
//! moves between statuses, the history entry, the dates it sets, the notification to the
//! people concerned, and giving back an entitlement's quantity.
use crate::entities::enums::DbOrderStatus;
use crate::entities::{entitlements, offering_slots, order_events, orders, recipients, representatives, suppliers};
use crate::services::notices::notify;
use app::domain::NoticeKind;
use app::ports::Actor;
use chrono::{DateTime, Datelike, Duration, Utc, Weekday};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Set};
use serde_json::json;

/// `days` working days (Monday to Friday) after `from`.
pub fn working_days_after(from: DateTime<Utc>, days: i64) -> DateTime<Utc> {
    let mut t = from;
    let mut left = days;
    while left > 0 {
        t += Duration::days(1);
        if !matches!(t.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    t
}

/// Whether an order may go from `from` to `to`.
pub fn allowed(from: DbOrderStatus, to: DbOrderStatus) -> bool {
    use DbOrderStatus::*;
    matches!(
        (from, to),
        (Placed, Accepted | Rejected | Cancelled)
            | (Accepted, Scheduled | InDelivery | Delivered | Rendered | Rejected)
            | (Scheduled, InDelivery | Delivered | Rendered)
            | (InDelivery, Delivered)
            | (Delivered | Rendered, Confirmed | Returned)
    )
}

/// Why a transition did not happen.
#[derive(Debug)]
pub enum TransitionError {
    /// The order is not (or no longer) in a state that allows this move.
    NotAllowed,
    /// The database failed.
    Db(DbErr),
}

impl From<DbErr> for TransitionError {
    fn from(e: DbErr) -> Self {
        Self::Db(e)
    }
}

/// Moves an order to `to`, only if it is still in the status it was read in (so two people
/// acting at once cannot both succeed), records the history entry and notifies the recipient
/// side and the supplier. Run it inside the transaction of the whole change.
pub async fn transition(
    db: &impl ConnectionTrait,
    order: &orders::Model,
    to: DbOrderStatus,
    actor: Option<&Actor>,
    note: Option<String>,
    deliver_working_days: i64,
    links: &str,
) -> Result<orders::Model, TransitionError> {
    if !allowed(order.status, to) {
        return Err(TransitionError::NotAllowed);
    }
    let now = Utc::now();
    let mut update = orders::Entity::update_many()
        .col_expr(orders::Column::Status, Expr::value(to))
        .col_expr(orders::Column::UpdatedAt, Expr::value(now))
        .filter(orders::Column::Id.eq(order.id))
        .filter(orders::Column::Status.eq(order.status));
    match to {
        DbOrderStatus::Accepted => {
            update = update
                .col_expr(orders::Column::AcceptedAt, Expr::value(now))
                .col_expr(orders::Column::DeliverBy, Expr::value(working_days_after(now, deliver_working_days)));
        }
        DbOrderStatus::Delivered | DbOrderStatus::Rendered => {
            update = update.col_expr(orders::Column::DeliveredAt, Expr::value(now));
        }
        DbOrderStatus::Confirmed => {
            update = update.col_expr(orders::Column::ConfirmedAt, Expr::value(now));
        }
        _ => {}
    }
    let res = update.exec(db).await?;
    if res.rows_affected != 1 {
        return Err(TransitionError::NotAllowed);
    }
    order_events::ActiveModel {
        order_id: Set(order.id),
        status: Set(to),
        actor_account_id: Set(actor.map(|a| a.account_id)),
        note: Set(note.clone()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let params = json!({ "number": order.number, "status": app::domain::OrderStatus::from(to).code(), "note": note });
    for account in recipient_side_accounts(db, order.recipient_id).await? {
        if actor.map(|a| a.account_id) != Some(account) {
            notify(db, links, account, NoticeKind::OrderStatus, Some(order.id), params.clone()).await?;
        }
    }
    if let Some(supplier_account) = supplier_account(db, order.supplier_id).await? {
        if actor.map(|a| a.account_id) != Some(supplier_account) {
            notify(db, links, supplier_account, NoticeKind::OrderStatus, Some(order.id), params).await?;
        }
    }
    orders::Entity::find_by_id(order.id).one(db).await?.ok_or(TransitionError::NotAllowed)
}

/// The recipient's own account and their representatives' accounts.
pub async fn recipient_side_accounts(db: &impl ConnectionTrait, recipient_id: i32) -> Result<Vec<i32>, DbErr> {
    let mut out: Vec<i32> =
        recipients::Entity::find_by_id(recipient_id).one(db).await?.and_then(|r| r.account_id).into_iter().collect();
    let reps: Vec<i32> = representatives::Entity::find()
        .select_only()
        .column(representatives::Column::AccountId)
        .filter(representatives::Column::RecipientId.eq(recipient_id))
        .into_tuple()
        .all(db)
        .await?;
    out.extend(reps);
    Ok(out)
}

/// The account of a supplier.
pub async fn supplier_account(db: &impl ConnectionTrait, supplier_id: i32) -> Result<Option<i32>, DbErr> {
    Ok(suppliers::Entity::find_by_id(supplier_id).one(db).await?.map(|s| s.account_id))
}

/// Gives an order's quantity back to its entitlement (cancelled or rejected orders).
pub async fn restore_entitlement(db: &impl ConnectionTrait, order: &orders::Model) -> Result<(), DbErr> {
    entitlements::Entity::update_many()
        .col_expr(
            entitlements::Column::QuantityRemaining,
            Expr::col(entitlements::Column::QuantityRemaining).add(order.quantity),
        )
        .col_expr(entitlements::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(entitlements::Column::Id.eq(order.entitlement_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Gives back the sanatorium place an order reserved (cancelled or rejected orders).
pub async fn release_place(db: &impl ConnectionTrait, order: &orders::Model) -> Result<(), DbErr> {
    let Some(arrival) = order.details.0.arrival() else {
        return Ok(());
    };
    offering_slots::Entity::update_many()
        .col_expr(offering_slots::Column::Taken, Expr::col(offering_slots::Column::Taken).sub(1))
        .filter(offering_slots::Column::OfferingId.eq(order.offering_id))
        .filter(offering_slots::Column::StartsOn.eq(arrival))
        .filter(offering_slots::Column::Taken.gt(0))
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn working_days_skip_weekends() {
        // Friday 2026-11-20 + 3 working days = Wednesday 2026-11-25.
        let fri = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
        assert_eq!(working_days_after(fri, 3), Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap());
        assert_eq!(working_days_after(fri, 0), fri);
    }

    #[test]
    fn only_forward_moves_are_allowed() {
        use DbOrderStatus::*;
        assert!(allowed(Placed, Cancelled));
        assert!(!allowed(Accepted, Cancelled), "cancelling is only before acceptance");
        assert!(allowed(Delivered, Confirmed));
        assert!(!allowed(Confirmed, Placed));
        assert!(!allowed(Rejected, Accepted));
    }
}
