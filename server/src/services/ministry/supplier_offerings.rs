//! Offerings as staff see them: rows with the guaranteed sum in force today, and parameters
//! described in the reader's language.
use crate::entities::{item_types, offerings};
use crate::services::OrUnexpected;
use app::domain::{Lang, Money, ParamKind, ParamSchema};
use app::dto::ministry::StaffOfferingRow;
use app::error::AppError;
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;

/// Today's guaranteed sum for each item type.
async fn ceilings_today(db: &impl ConnectionTrait, item_type_ids: Vec<i32>) -> Result<HashMap<i32, Money>, AppError> {
    let today = Utc::now().date_naive();
    let mut out = HashMap::new();
    for id in item_type_ids {
        if let Some(m) = crate::services::ceilings::ceiling_on(db, id, today).await.or_unexpected()? {
            out.insert(id, m);
        }
    }
    Ok(out)
}

fn offering_title(o: &offerings::Model, lang: Lang) -> String {
    match lang {
        Lang::Kk => o.title_kk.clone(),
        Lang::Ru => o.title_ru.clone(),
        Lang::En => o.title_en.clone().unwrap_or_else(|| o.title_ru.clone()),
    }
}

/// Offerings as rows of a staff table.
pub async fn offering_rows(
    db: &impl ConnectionTrait,
    list: Vec<offerings::Model>,
    lang: Lang,
) -> Result<Vec<StaffOfferingRow>, AppError> {
    let mut type_ids: Vec<i32> = list.iter().map(|o| o.item_type_id).collect();
    type_ids.sort_unstable();
    type_ids.dedup();
    let types: HashMap<i32, String> = item_types::Entity::find()
        .filter(item_types::Column::Id.is_in(type_ids.clone()))
        .all(db)
        .await
        .or_unexpected()?
        .into_iter()
        .map(|t| (t.id, t.name(lang).to_owned()))
        .collect();
    let ceilings = ceilings_today(db, type_ids).await?;
    Ok(list
        .into_iter()
        .map(|o| StaffOfferingRow {
            id: o.id,
            title: offering_title(&o, lang),
            item_type: types.get(&o.item_type_id).cloned().unwrap_or_default(),
            price: Money::from_tiyn(o.price_tiyn),
            ceiling: ceilings.get(&o.item_type_id).copied(),
            status: o.status.into(),
            status_reason: o.status_reason,
        })
        .collect())
}

/// An offering's parameters as `(label, value)` in `lang`, by its item type's schema.
pub fn describe_params(schema: &serde_json::Value, values: &serde_json::Value, lang: Lang) -> Vec<(String, String)> {
    ParamSchema::from_stored(schema)
        .params
        .iter()
        .filter_map(|p| {
            let v = values.get(&p.key)?;
            let shown = match (&p.kind, v) {
                (ParamKind::Choice { options }, serde_json::Value::String(s)) => options
                    .iter()
                    .find(|o| o.value == *s)
                    .map(|o| o.label.get(lang).to_owned())
                    .unwrap_or_else(|| s.clone()),
                (_, serde_json::Value::String(s)) => s.clone(),
                (_, other) => other.to_string(),
            };
            Some((p.label.get(lang).to_owned(), shown))
        })
        .collect()
}
