//! Regions and catalogue categories.
use super::{Ctx, OrUnexpected};
use crate::entities::enums::{DbOfferingStatus, DbSupplierStatus};
use crate::entities::{categories, item_types, offerings, regions, suppliers};
use app::domain::Lang;
use app::dto::{CategoryView, RegionView};
use app::error::AppError;
use app::ports::Reference;
use async_trait::async_trait;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
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
        let types = item_types::Entity::find().filter(item_types::Column::Active.eq(true)).all(db).await.or_unexpected()?;
        let approved: Vec<i32> = suppliers::Entity::find()
            .select_only()
            .column(suppliers::Column::Id)
            .filter(suppliers::Column::Status.eq(DbSupplierStatus::Approved))
            .into_tuple()
            .all(db)
            .await
            .or_unexpected()?;
        let published: Vec<i32> = offerings::Entity::find()
            .select_only()
            .column(offerings::Column::ItemTypeId)
            .filter(offerings::Column::Status.eq(DbOfferingStatus::Published))
            .filter(offerings::Column::SupplierId.is_in(approved))
            .into_tuple()
            .all(db)
            .await
            .or_unexpected()?;
        let category_of: HashMap<i32, i32> = types.iter().map(|t| (t.id, t.category_id)).collect();
        Ok(cats
            .into_iter()
            .map(|c| CategoryView {
                name: c.name(lang).to_owned(),
                item_types: u32::try_from(types.iter().filter(|t| t.category_id == c.id).count()).unwrap_or(0),
                offerings: u32::try_from(published.iter().filter(|it| category_of.get(it) == Some(&c.id)).count()).unwrap_or(0),
                code: c.code,
            })
            .collect())
    }
}
