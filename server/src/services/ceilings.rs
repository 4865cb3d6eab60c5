//! Guaranteed sums (ceilings) by date. A ceiling applies from its `valid_from` until the next
//! one starts; the history is never rewritten, so an order placed on a given day always uses
//! the sum in force that day, whatever the ministry decides later.
use crate::entities::ceilings;
use app::domain::Money;
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

/// The guaranteed sum of `item_type_id` in force on `date`: the ceiling with the latest
/// `valid_from` on or before that day. `None` when no ceiling had started yet.
pub async fn ceiling_on(db: &impl ConnectionTrait, item_type_id: i32, date: NaiveDate) -> Result<Option<Money>, DbErr> {
    Ok(ceilings::Entity::find()
        .filter(ceilings::Column::ItemTypeId.eq(item_type_id))
        .filter(ceilings::Column::ValidFrom.lte(date))
        .order_by_desc(ceilings::Column::ValidFrom)
        .one(db)
        .await?
        .map(|c| Money::from_tiyn(c.amount_tiyn)))
}

/// Every ceiling of an item type, newest first.
pub async fn history(db: &impl ConnectionTrait, item_type_id: i32) -> Result<Vec<ceilings::Model>, DbErr> {
    ceilings::Entity::find()
        .filter(ceilings::Column::ItemTypeId.eq(item_type_id))
        .order_by_desc(ceilings::Column::ValidFrom)
        .all(db)
        .await
}

/// The ceiling of every item type on `date` (one query, for lists such as the catalogue).
pub async fn ceilings_on(
    db: &impl ConnectionTrait,
    date: NaiveDate,
) -> Result<std::collections::HashMap<i32, Money>, DbErr> {
    let mut best: std::collections::HashMap<i32, (NaiveDate, Money)> = std::collections::HashMap::new();
    for c in ceilings::Entity::find().filter(ceilings::Column::ValidFrom.lte(date)).all(db).await? {
        let entry = best.entry(c.item_type_id).or_insert((c.valid_from, Money::from_tiyn(c.amount_tiyn)));
        if c.valid_from >= entry.0 {
            *entry = (c.valid_from, Money::from_tiyn(c.amount_tiyn));
        }
    }
    Ok(best.into_iter().map(|(k, (_, m))| (k, m)).collect())
}
