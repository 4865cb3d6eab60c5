//! Guaranteed sums: the one in force on a date is the latest that applies from that date or
//! earlier, so history is kept and an order uses the ceiling of the day it was placed.
use crate::entities::ceilings;
use app::domain::Money;
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// The ceiling of an item type on `date`.
pub async fn ceiling_on(db: &impl ConnectionTrait, item_type_id: i32, date: NaiveDate) -> Result<Option<Money>, DbErr> {
    Ok(ceilings::Entity::find()
        .filter(ceilings::Column::ItemTypeId.eq(item_type_id))
        .filter(ceilings::Column::ValidFrom.lte(date))
        .order_by_desc(ceilings::Column::ValidFrom)
        .one(db)
        .await?
        .map(|c| Money::from_tiyn(c.amount_tiyn)))
}

/// The ceiling of every item type on `date`.
pub async fn ceilings_on(db: &impl ConnectionTrait, date: NaiveDate) -> Result<HashMap<i32, Money>, DbErr> {
    let mut best: HashMap<i32, (NaiveDate, Money)> = HashMap::new();
    for c in ceilings::Entity::find().filter(ceilings::Column::ValidFrom.lte(date)).all(db).await? {
        let entry = best.entry(c.item_type_id).or_insert((c.valid_from, Money::from_tiyn(c.amount_tiyn)));
        if c.valid_from >= entry.0 {
            *entry = (c.valid_from, Money::from_tiyn(c.amount_tiyn));
        }
    }
    Ok(best.into_iter().map(|(k, (_, m))| (k, m)).collect())
}
