//! Regions and catalogue categories.
use super::{Ctx, OrUnexpected};
use crate::entities::{categories, item_types, regions};
use app::domain::Lang;
use app::dto::{CategoryView, RegionView};
use app::error::AppError;
use app::ports::Reference;
use async_trait::async_trait;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Statement};
use std::collections::HashMap;

/// Reference data, read-only.
pub struct ReferenceService(pub Ctx);

#[async_trait]
impl Reference for ReferenceService {
    async fn regions(&self, lang: Lang) -> Result<Vec<RegionView>, AppError> {
        let rows = regions::Entity::find().order_by_asc(regions::Column::Sort).all(&self.0.db).await.or_unexpected()?;
        Ok(rows.into_iter().map(|r| RegionView { name: r.name(lang).to_owned(), code: r.code }).collect())
    }

    async fn categories(&self, lang: Lang) -> Result<Vec<CategoryView>, AppError> {
        let db = &self.0.db;
        let cats = categories::Entity::find()
            .filter(categories::Column::Active.eq(true))
            .order_by_asc(categories::Column::Sort)
            .all(db)
            .await
            .or_unexpected()?;
        let types =
            item_types::Entity::find().filter(item_types::Column::Active.eq(true)).all(db).await.or_unexpected()?;
        // What the catalogue shows, counted per item type by the database from the index on
        // (listed, item_type_id): a few dozen rows, however many offerings there are.
        let listed = db
            .query_all_raw(Statement::from_string(
                db.get_database_backend(),
                "SELECT item_type_id, COUNT(*) AS n FROM offerings WHERE listed = TRUE GROUP BY item_type_id",
            ))
            .await
            .or_unexpected()?;
        let mut per_category: HashMap<i32, i64> = HashMap::new();
        for row in listed {
            let (Ok(item_type), Ok(n)) = (row.try_get::<i32>("", "item_type_id"), row.try_get::<i64>("", "n")) else {
                continue;
            };
            if let Some(t) = types.iter().find(|t| t.id == item_type) {
                *per_category.entry(t.category_id).or_default() += n;
            }
        }
        Ok(cats
            .into_iter()
            .map(|c| CategoryView {
                name: c.name(lang).to_owned(),
                item_types: u32::try_from(types.iter().filter(|t| t.category_id == c.id).count()).unwrap_or(0),
                offerings: u32::try_from(per_category.get(&c.id).copied().unwrap_or(0)).unwrap_or(u32::MAX),
                code: c.code,
            })
            .collect())
    }
}
