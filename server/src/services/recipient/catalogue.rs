//! The catalogue search: published offerings of approved suppliers, filtered in SQL where the
//! databases agree (type, region, price, rating, lead time, words) and in Rust for the
//! item-type parameters (stored as JSON) and the per-type ceiling.
use super::{resolve, title};
use crate::entities::{categories, item_types, offering_regions, offerings, suppliers};
use crate::services::catalogue_rules::visible_offering_condition;
use crate::services::{ceilings::ceilings_on, Ctx, OrUnexpected};
use app::domain::{Lang, Money};
use app::dto::recipient::{CatalogueQuery, CatalogueView, ItemTypeOption, OfferingCard, OfferingView, ParamField};
use app::error::AppError;
use app::ports::{Caller, Catalogue};
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QuerySelect};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Results per page.
pub const PAGE_SIZE: usize = 20;

/// The catalogue.
pub struct CatalogueService(pub Ctx);

/// The parameters an item type's schema defines, labelled in `lang`.
pub fn param_fields(schema: &Value, lang: Lang) -> Vec<ParamField> {
    let label = |v: &Value| v[lang.code()].as_str().or_else(|| v["ru"].as_str()).unwrap_or_default().to_owned();
    schema["params"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| ParamField {
            key: p["key"].as_str().unwrap_or_default().to_owned(),
            label: label(&p["label"]),
            options: p["options"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|o| (o["value"].as_str().unwrap_or_default().to_owned(), label(&o["label"])))
                .collect(),
            min: p["min"].as_i64().unwrap_or(0),
            max: p["max"].as_i64().unwrap_or(0),
        })
        .collect()
}

/// Whether an offering's parameters satisfy the chosen filters.
fn params_match(fields: &[ParamField], params: &Value, wanted: &HashMap<String, String>) -> bool {
    fields.iter().all(|f| {
        let value = &params[&f.key];
        if f.options.is_empty() {
            let n = value.as_i64();
            let bound = |suffix: &str| wanted.get(&format!("{}_{suffix}", f.key)).and_then(|v| v.trim().parse::<i64>().ok());
            let min_ok = bound("min").is_none_or(|m| n.is_some_and(|n| n >= m));
            let max_ok = bound("max").is_none_or(|m| n.is_some_and(|n| n <= m));
            min_ok && max_ok
        } else {
            match wanted.get(&f.key).filter(|v| !v.is_empty()) {
                Some(v) => value.as_str() == Some(v.as_str()),
                None => true,
            }
        }
    })
}

/// Builds result cards for offerings, with names, ceilings and the region check.
pub async fn cards(
    ctx: &Ctx,
    lang: Lang,
    list: &[offerings::Model],
    my_region: Option<&str>,
) -> Result<Vec<OfferingCard>, AppError> {
    let db = &ctx.db;
    let today = Utc::now().date_naive();
    let ceilings = ceilings_on(db, today).await.or_unexpected()?;
    let supplier_ids: Vec<i32> = list.iter().map(|o| o.supplier_id).collect();
    let names: HashMap<i32, String> = suppliers::Entity::find()
        .filter(suppliers::Column::Id.is_in(supplier_ids))
        .all(db)
        .await
        .or_unexpected()?
        .into_iter()
        .map(|s| (s.id, s.legal_name))
        .collect();
    let types: HashMap<i32, item_types::Model> =
        item_types::Entity::find().all(db).await.or_unexpected()?.into_iter().map(|t| (t.id, t)).collect();
    let cats: HashMap<i32, String> = categories::Entity::find().all(db).await.or_unexpected()?.into_iter().map(|c| (c.id, c.code)).collect();
    let served: HashSet<i32> = match my_region {
        Some(r) => offering_regions::Entity::find()
            .filter(offering_regions::Column::RegionCode.eq(r))
            .filter(offering_regions::Column::OfferingId.is_in(list.iter().map(|o| o.id)))
            .all(db)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|r| r.offering_id)
            .collect(),
        None => HashSet::new(),
    };
    Ok(list
        .iter()
        .map(|o| {
            let t = types.get(&o.item_type_id);
            let price = Money::from_tiyn(o.price_tiyn);
            let ceiling = ceilings.get(&o.item_type_id).copied().unwrap_or(Money::ZERO);
            OfferingCard {
                id: o.id,
                title: title(o, lang),
                item_type: t.map(|t| t.name(lang).to_owned()).unwrap_or_default(),
                category: t.and_then(|t| cats.get(&t.category_id).cloned()).unwrap_or_default(),
                unit: t.map(|t| t.unit.into()).unwrap_or(app::domain::Unit::Piece),
                supplier: names.get(&o.supplier_id).cloned().unwrap_or_default(),
                price,
                ceiling,
                copay: if price > ceiling { price - ceiling } else { Money::ZERO },
                rating_x100: o.rating_avg_x100,
                reviews: o.review_count,
                lead_time_days: o.lead_time_days,
                serves_my_region: my_region.map(|_| served.contains(&o.id)),
            }
        })
        .collect())
}

#[async_trait]
impl Catalogue for CatalogueService {
    async fn search(&self, caller: &Caller, mut query: CatalogueQuery) -> Result<CatalogueView, AppError> {
        let db = &self.0.db;
        let lang = caller.lang;
        // Anyone may browse; a recipient sees their own region by default.
        let my_region = match &caller.actor {
            Some(_) => resolve(db, caller, query.for_recipient).await.ok().and_then(|a| a.recipient.region_code),
            None => None,
        };
        let all_types = item_types::Entity::find().filter(item_types::Column::Active.eq(true)).all(db).await.or_unexpected()?;
        let cats: HashMap<i32, String> = categories::Entity::find().all(db).await.or_unexpected()?.into_iter().map(|c| (c.id, c.code)).collect();
        let chosen_type = all_types.iter().find(|t| t.code == query.item_type);
        if let Some(t) = chosen_type {
            query.category = cats.get(&t.category_id).cloned().unwrap_or_default();
        }
        let mut cond = visible_offering_condition();
        if let Some(t) = chosen_type {
            cond = cond.add(offerings::Column::ItemTypeId.eq(t.id));
        } else if !query.category.is_empty() {
            let ids: Vec<i32> = all_types.iter().filter(|t| cats.get(&t.category_id) == Some(&query.category)).map(|t| t.id).collect();
            cond = cond.add(offerings::Column::ItemTypeId.is_in(ids));
        }
        let region = match query.region.as_str() {
            "" => my_region.clone(),
            "all" => None,
            r => Some(r.to_owned()),
        };
        if query.region.is_empty() {
            query.region = region.clone().unwrap_or_else(|| "all".into());
        }
        if let Some(r) = &region {
            cond = cond.add(
                offerings::Column::Id.in_subquery(
                    Query::select()
                        .column(offering_regions::Column::OfferingId)
                        .from(offering_regions::Entity)
                        .and_where(offering_regions::Column::RegionCode.eq(r.clone()))
                        .to_owned(),
                ),
            );
        }
        if let Ok(m) = Money::parse(&query.price_min) {
            cond = cond.add(offerings::Column::PriceTiyn.gte(m.tiyn()));
        }
        if let Ok(m) = Money::parse(&query.price_max) {
            cond = cond.add(offerings::Column::PriceTiyn.lte(m.tiyn()));
        }
        if let Ok(r) = query.min_rating.trim().parse::<i32>() {
            cond = cond.add(offerings::Column::RatingAvgX100.gte(r.clamp(1, 5) * 100));
        }
        if let Ok(d) = query.max_lead.trim().parse::<i32>() {
            cond = cond.add(offerings::Column::LeadTimeDays.lte(d));
        }
        let search_col = match lang {
            Lang::Kk => offerings::Column::SearchKk,
            Lang::Ru => offerings::Column::SearchRu,
            Lang::En => offerings::Column::SearchEn,
        };
        for word in query.q.to_lowercase().split_whitespace().take(8) {
            let word: String = word.chars().filter(|c| *c != '%' && *c != '_').collect();
            if !word.is_empty() {
                cond = cond.add(Condition::any().add(search_col.contains(&word)).add(offerings::Column::SearchRu.contains(&word)));
            }
        }
        let mut found = offerings::Entity::find().filter(cond).limit(5000).all(db).await.or_unexpected()?;
        let today = Utc::now().date_naive();
        let ceilings = ceilings_on(db, today).await.or_unexpected()?;
        if query.no_copay {
            found.retain(|o| ceilings.get(&o.item_type_id).is_some_and(|c| o.price_tiyn <= c.tiyn()));
        }
        let fields = chosen_type.map(|t| param_fields(&t.param_schema, lang)).unwrap_or_default();
        let wanted: HashMap<String, String> = query.params.iter().cloned().collect();
        if !fields.is_empty() {
            found.retain(|o| params_match(&fields, &o.params, &wanted));
        }
        match query.sort.as_str() {
            "price_desc" => found.sort_by_key(|o| (std::cmp::Reverse(o.price_tiyn), o.id)),
            "rating" => found.sort_by_key(|o| (std::cmp::Reverse(o.rating_avg_x100), std::cmp::Reverse(o.review_count), o.id)),
            "lead_time" => found.sort_by_key(|o| (o.lead_time_days, o.price_tiyn, o.id)),
            _ => {
                query.sort = "price_asc".into();
                found.sort_by_key(|o| (o.price_tiyn, o.id));
            }
        }
        let total = found.len();
        let pages = total.div_ceil(PAGE_SIZE).max(1);
        let page = usize::try_from(query.page).unwrap_or(1).clamp(1, pages);
        query.page = u32::try_from(page).unwrap_or(1);
        let slice: Vec<offerings::Model> = found.into_iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE).collect();
        let results = cards(&self.0, lang, &slice, my_region.as_deref()).await?;
        Ok(CatalogueView {
            item_types: all_types
                .iter()
                .map(|t| ItemTypeOption { code: t.code.clone(), name: t.name(lang).to_owned(), category: cats.get(&t.category_id).cloned().unwrap_or_default() })
                .collect(),
            params: fields,
            my_region,
            results,
            total: u32::try_from(total).unwrap_or(u32::MAX),
            pages: u32::try_from(pages).unwrap_or(1),
            query,
        })
    }

    async fn offering(&self, caller: &Caller, id: i32) -> Result<OfferingView, AppError> {
        super::offering::offering_view(&self.0, caller, id).await
    }
}
