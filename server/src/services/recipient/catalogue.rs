//! The catalogue search: published offerings of approved suppliers, filtered, sorted, counted
//! and paged by the database (see [`super::catalogue_sql`]); only the page's offerings are
//! read. A query is checked first: what cannot be understood is a field error, never a
//! failure of the server.
use super::catalogue_sql::{self, ParamFilter, Search, Sort, WordMatch};
use super::{offering_title, resolve};
use crate::entities::{categories, item_types, offering_regions, offerings, suppliers};
use crate::services::{ceilings::ceilings_on, Ctx, OrUnexpected};
use app::domain::{Lang, Money, ParamKind, ParamSchema};
use app::dto::recipient::{CatalogueQuery, CatalogueView, ItemTypeOption, OfferingCard, OfferingView, ParamField};
use app::error::{AppError, FieldErrors};
use app::ports::{Caller, Catalogue};
use async_trait::async_trait;
use chrono::{NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryOrder, TransactionTrait};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Results per page.
pub const PAGE_SIZE: usize = 20;

/// The catalogue.
pub struct CatalogueService(pub Ctx);

/// The parameters an item type's schema defines, labelled in `lang`.
pub fn param_fields(schema: &Value, lang: Lang) -> Vec<ParamField> {
    ParamSchema::from_stored(schema)
        .params
        .into_iter()
        .map(|p| {
            let (options, min, max) = match p.kind {
                ParamKind::Int { min, max } => (Vec::new(), min, max),
                ParamKind::Choice { options } => (
                    options
                        .into_iter()
                        .map(|o| {
                            let label = o.label.get(lang).to_owned();
                            (o.value, label)
                        })
                        .collect(),
                    0,
                    0,
                ),
            };
            ParamField { label: p.label.get(lang).to_owned(), key: p.key, options, min, max }
        })
        .collect()
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
    let cats: HashMap<i32, String> =
        categories::Entity::find().all(db).await.or_unexpected()?.into_iter().map(|c| (c.id, c.code)).collect();
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
                title: offering_title(o, lang),
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

/// The longest search text, in characters.
pub const MAX_SEARCH_TEXT: usize = 200;

/// The longest value of any other filter, in characters.
const MAX_FIELD: usize = 64;

/// The most parameter filters a query may carry.
const MAX_PARAMS: usize = 32;

/// The page size as the database takes it.
const PAGE_ROWS: u64 = PAGE_SIZE as u64;

/// Word similarity (0–1) a title needs for a word typed with a mistake (`pg_trgm`).
const SIMILARITY: &str = "0.5";

/// Checks the parts of a query that are not tied to an item type; each problem is recorded.
fn check_fields(query: &CatalogueQuery, errors: &mut FieldErrors) {
    if query.q.chars().count() > MAX_SEARCH_TEXT {
        errors.add("q", "too_long");
    }
    for (field, value) in [
        ("category", &query.category),
        ("item_type", &query.item_type),
        ("region", &query.region),
        ("sort", &query.sort),
        ("price_min", &query.price_min),
        ("price_max", &query.price_max),
        ("min_rating", &query.min_rating),
        ("max_lead", &query.max_lead),
    ] {
        if value.chars().count() > MAX_FIELD {
            errors.add(field, "too_long");
        }
    }
    if query.params.len() > MAX_PARAMS
        || query.params.iter().any(|(k, v)| k.chars().count() > MAX_FIELD || v.chars().count() > MAX_FIELD)
    {
        errors.add("params", "too_long");
    }
}

/// An optional amount in tenge, as tiyn.
fn amount(field: &str, raw: &str, errors: &mut FieldErrors) -> Option<i64> {
    if raw.trim().is_empty() || raw.chars().count() > MAX_FIELD {
        return None;
    }
    errors.check(field, Money::parse(raw)).map(|m| m.tiyn())
}

/// An optional whole number.
fn whole(field: &str, raw: &str, errors: &mut FieldErrors) -> Option<i64> {
    if raw.trim().is_empty() || raw.chars().count() > MAX_FIELD {
        return None;
    }
    errors.check(field, raw.trim().parse::<i64>().map_err(|_| "not_a_number"))
}

/// The filters on the chosen item type's parameters: a choice by its key, a number by
/// `<key>_min` and `<key>_max`. Keys the type does not define are ignored.
fn param_filters(fields: &[ParamField], given: &[(String, String)], errors: &mut FieldErrors) -> Vec<ParamFilter> {
    let wanted: HashMap<&str, &str> = given.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let mut out = Vec::new();
    for f in fields {
        if f.options.is_empty() {
            let bound = |suffix: &str, errors: &mut FieldErrors| {
                let key = format!("{}_{suffix}", f.key);
                wanted.get(key.as_str()).and_then(|raw| whole(&format!("p_{key}"), raw, errors))
            };
            let (min, max) = (bound("min", errors), bound("max", errors));
            if min.is_some() || max.is_some() {
                out.push(ParamFilter::Between { key: f.key.clone(), min, max });
            }
        } else if let Some(v) = wanted.get(f.key.as_str()).filter(|v| !v.is_empty()) {
            out.push(ParamFilter::Is { key: f.key.clone(), value: (*v).to_owned() });
        }
    }
    out
}

/// Runs a search's count and the offerings of one page (clamped to the last page).
async fn run(
    db: &impl ConnectionTrait,
    search: &Search,
    page: u32,
) -> Result<(u64, u32, Vec<offerings::Model>), AppError> {
    let backend = db.get_database_backend();
    let total: i64 = db
        .query_one_raw(search.count(backend))
        .await
        .or_unexpected()?
        .map(|row| row.try_get::<i64>("", "n"))
        .transpose()
        .or_unexpected()?
        .unwrap_or(0);
    let total = u64::try_from(total).unwrap_or(0);
    let pages = u32::try_from(total.div_ceil(PAGE_ROWS).max(1)).unwrap_or(u32::MAX);
    let page = page.clamp(1, pages);
    let rows = if total == 0 {
        Vec::new()
    } else {
        offerings::Entity::find()
            .from_raw_sql(search.page(backend, PAGE_ROWS, u64::from(page - 1) * PAGE_ROWS))
            .all(db)
            .await
            .or_unexpected()?
    };
    Ok((total, page, rows))
}

/// When no offering has the words, PostgreSQL with `pg_trgm` looks for titles with similar
/// words (a letter wrong, missing or swapped, к typed for қ). The threshold is set for this
/// transaction only, so it holds behind a transaction-pooling proxy too.
async fn run_similar(
    db: &sea_orm::DatabaseConnection,
    search: &Search,
    page: u32,
) -> Result<Option<(u64, u32, Vec<offerings::Model>)>, AppError> {
    if db.get_database_backend() != DatabaseBackend::Postgres || search.words.is_empty() {
        return Ok(None);
    }
    let txn = db.begin().await.or_unexpected()?;
    let has_trgm = txn
        .query_one_raw(sea_orm::Statement::from_string(
            DatabaseBackend::Postgres,
            "SELECT 1 AS y FROM pg_extension WHERE extname = 'pg_trgm'",
        ))
        .await
        .or_unexpected()?
        .is_some();
    if !has_trgm {
        return Ok(None);
    }
    txn.execute_unprepared(&format!("SET LOCAL pg_trgm.word_similarity_threshold = {SIMILARITY}"))
        .await
        .or_unexpected()?;
    let similar = Search { word_match: WordMatch::Similar, ..search.clone() };
    let found = run(&txn, &similar, page).await?;
    txn.commit().await.or_unexpected()?;
    Ok((found.0 > 0).then_some(found))
}

/// The search a query asks for, on `today`, with the chosen item type's parameters.
struct Planned {
    search: Search,
    fields: Vec<ParamField>,
}

fn plan(
    query: &mut CatalogueQuery,
    types: &[item_types::Model],
    cats: &HashMap<i32, String>,
    region: Option<String>,
    lang: Lang,
    today: NaiveDate,
) -> Result<Planned, AppError> {
    let mut errors = FieldErrors::new();
    check_fields(query, &mut errors);
    let chosen = types.iter().find(|t| t.code == query.item_type);
    if let Some(t) = chosen {
        query.category = cats.get(&t.category_id).cloned().unwrap_or_default();
    }
    let item_types = match chosen {
        Some(t) => Some(vec![t.id]),
        None if !query.category.is_empty() => {
            Some(types.iter().filter(|t| cats.get(&t.category_id) == Some(&query.category)).map(|t| t.id).collect())
        }
        None => None,
    };
    let price_min = amount("price_min", &query.price_min, &mut errors);
    let price_max = amount("price_max", &query.price_max, &mut errors);
    let min_rating =
        whole("min_rating", &query.min_rating, &mut errors).map(|r| i32::try_from(r.clamp(1, 5)).unwrap_or(1) * 100);
    let max_lead = match whole("max_lead", &query.max_lead, &mut errors) {
        Some(d) if d < 1 => {
            errors.add("max_lead", "out_of_range");
            None
        }
        d => d.map(|d| i32::try_from(d).unwrap_or(i32::MAX)),
    };
    let fields = chosen.map(|t| param_fields(&t.param_schema, lang)).unwrap_or_default();
    let params =
        if query.params.len() > MAX_PARAMS { Vec::new() } else { param_filters(&fields, &query.params, &mut errors) };
    errors.finish()?;
    let words = catalogue_sql::words(&query.q);
    let sort = match Sort::parse(&query.sort) {
        Some(Sort::Relevance) | None if !words.is_empty() => Sort::Relevance,
        Some(Sort::Relevance) | None => Sort::PriceAsc,
        Some(s) => s,
    };
    query.sort = sort.code().to_owned();
    Ok(Planned {
        search: Search {
            item_types,
            region,
            price_min,
            price_max,
            no_copay_on: query.no_copay.then_some(today),
            min_rating_x100: min_rating,
            max_lead_days: max_lead,
            params,
            words,
            word_match: WordMatch::Exact,
            sort,
        },
        fields,
    })
}

/// A query made ready to run: the search itself, and what the page shows around it.
pub struct Prepared {
    /// The search the database runs.
    pub search: Search,
    /// The query with its defaults filled in (region, sort, category of the item type).
    pub query: CatalogueQuery,
    /// The chosen item type's parameters.
    pub fields: Vec<ParamField>,
    /// The recipient's own region.
    pub my_region: Option<String>,
    /// Active item types.
    pub item_types: Vec<item_types::Model>,
    /// Category codes by id.
    pub categories: HashMap<i32, String>,
}

/// Checks a query and turns it into the search the service runs (the EXPLAIN test plans
/// exactly this). Anyone may browse; a recipient sees their own region by default.
pub async fn prepare(
    db: &impl ConnectionTrait,
    caller: &Caller,
    mut query: CatalogueQuery,
) -> Result<Prepared, AppError> {
    let my_region = match &caller.actor {
        Some(_) => resolve(db, caller, query.for_recipient).await.ok().and_then(|a| a.recipient.region_code),
        None => None,
    };
    let item_types =
        item_types::Entity::find().filter(item_types::Column::Active.eq(true)).all(db).await.or_unexpected()?;
    let categories: HashMap<i32, String> =
        categories::Entity::find().all(db).await.or_unexpected()?.into_iter().map(|c| (c.id, c.code)).collect();
    let region = match query.region.as_str() {
        "" => my_region.clone(),
        "all" => None,
        r => Some(r.to_owned()),
    };
    let Planned { search, fields } =
        plan(&mut query, &item_types, &categories, region.clone(), caller.lang, Utc::now().date_naive())?;
    if query.region.is_empty() {
        query.region = region.unwrap_or_else(|| "all".into());
    }
    Ok(Prepared { search, query, fields, my_region, item_types, categories })
}

#[async_trait]
impl Catalogue for CatalogueService {
    async fn search(&self, caller: &Caller, query: CatalogueQuery) -> Result<CatalogueView, AppError> {
        let db = &self.0.db;
        let lang = caller.lang;
        let Prepared { search, mut query, fields, my_region, item_types, categories } =
            prepare(db, caller, query).await?;
        let (mut total, mut page, mut rows) = run(db, &search, query.page).await?;
        let mut similar = false;
        if total == 0 {
            if let Some(found) = run_similar(db, &search, query.page).await? {
                (total, page, rows) = found;
                similar = true;
            }
        }
        query.page = page;
        let results = cards(&self.0, lang, &rows, my_region.as_deref()).await?;
        let kinds_of_help = categories::Entity::find()
            .filter(categories::Column::Active.eq(true))
            .order_by_asc(categories::Column::Sort)
            .all(db)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|c| (c.name(lang).to_owned(), c.code))
            .map(|(name, code)| (code, name))
            .collect();
        Ok(CatalogueView {
            categories: kinds_of_help,
            item_types: item_types
                .iter()
                .map(|t| ItemTypeOption {
                    code: t.code.clone(),
                    name: t.name(lang).to_owned(),
                    category: categories.get(&t.category_id).cloned().unwrap_or_default(),
                })
                .collect(),
            params: fields,
            my_region,
            results,
            total: u32::try_from(total).unwrap_or(u32::MAX),
            pages: u32::try_from(total.div_ceil(PAGE_ROWS).max(1)).unwrap_or(u32::MAX),
            similar,
            errors: Vec::new(),
            query,
        })
    }

    async fn offering(&self, caller: &Caller, id: i32) -> Result<OfferingView, AppError> {
        super::offering::offering_view(&self.0, caller, id).await
    }
}
