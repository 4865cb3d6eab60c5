//! The portal's open data, read by the public API (`/api/v1`): reference lists, the catalogue
//! paged by keyset cursors, offerings, approved suppliers with their scorecards, and provision
//! statistics with small counts suppressed. Nothing here is personal: no person, account or
//! order appears, and a statistic about fewer than five people is never published.
use super::recipient::catalogue::{cards, prepare};
use super::recipient::catalogue_sql::Keyset;
use super::{Ctx, OrUnexpected};
use crate::entities::enums::DbSupplierStatus;
use crate::entities::{
    categories, ceilings, item_types, offerings, regions, supplier_categories, supplier_regions, supplier_scores,
    suppliers,
};
use crate::services::ministry::provision::Period;
use crate::services::ministry::provision_summary::figures;
use app::domain::Lang;
use app::dto::recipient::CatalogueQuery;
use app::error::AppError;
use app::ports::Caller;
use chrono::{Datelike, NaiveDate, Utc};
use sea_orm::{
    ActiveEnum, ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder, QuerySelect,
    Statement,
};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// A statistic about fewer people than this is not published.
pub const SUPPRESS_UNDER: u64 = 5;
/// How many months back the statistics reach.
pub const MONTHS_BACK: u32 = 36;
/// The most rows one page of a list holds.
pub const MAX_LIMIT: u64 = 100;

/// A text in the portal's three languages.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Names {
    /// Kazakh.
    pub kk: String,
    /// Russian.
    pub ru: String,
    /// English.
    pub en: String,
}

/// A kind of help (a category).
#[derive(Debug, Serialize, ToSchema)]
pub struct Category {
    /// Stable code.
    pub code: String,
    /// What is provided: `goods`, `hours`, `sessions` or `course`.
    pub kind: String,
    /// Unit counted: `piece`, `hour` or `course`.
    pub unit: String,
    /// Name.
    pub name: Names,
}

/// A region of Kazakhstan.
#[derive(Debug, Serialize, ToSchema)]
pub struct Region {
    /// Stable code.
    pub code: String,
    /// Name.
    pub name: Names,
}

/// A guaranteed sum and the day it took effect.
#[derive(Debug, Serialize, ToSchema)]
pub struct GuaranteedSum {
    /// First day in force (YYYY-MM-DD).
    pub valid_from: String,
    /// The sum the state pays per unit, in tiyn (1/100 tenge).
    pub amount_tiyn: i64,
}

/// A type of item or service that can be provided.
#[derive(Debug, Serialize, ToSchema)]
pub struct ItemType {
    /// Stable code.
    pub code: String,
    /// Its category's code.
    pub category: String,
    /// Unit counted.
    pub unit: String,
    /// Months after which a replacement is due, if it is replaced.
    pub replacement_months: Option<i32>,
    /// Name.
    pub name: Names,
    /// The guaranteed sum in force today, in tiyn.
    pub guaranteed_sum_tiyn: Option<i64>,
    /// Every guaranteed sum, newest first (future ones included).
    pub history: Vec<GuaranteedSum>,
}

/// An offering as the catalogue lists it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Offering {
    /// Id.
    pub id: i32,
    /// Title in the language asked for (Russian when there is none in English).
    pub title: String,
    /// Item type code.
    pub item_type: String,
    /// Category code.
    pub category: String,
    /// Supplier id.
    pub supplier_id: i32,
    /// Supplier's legal name.
    pub supplier: String,
    /// Price per unit in tiyn.
    pub price_tiyn: i64,
    /// Guaranteed sum per unit today in tiyn.
    pub guaranteed_sum_tiyn: i64,
    /// What a person pays per unit above the guaranteed sum, in tiyn.
    pub copay_tiyn: i64,
    /// Average rating ×100 (0 without reviews).
    pub rating_x100: i32,
    /// Number of reviews.
    pub reviews: i32,
    /// Days from acceptance to delivery.
    pub lead_time_days: i32,
}

/// One offering with its description, parameters and regions.
#[derive(Debug, Serialize, ToSchema)]
pub struct OfferingDetail {
    /// What the catalogue lists.
    #[serde(flatten)]
    pub offering: Offering,
    /// Description.
    pub description: String,
    /// Parameters in the language asked for.
    pub params: Vec<Param>,
    /// Regions served (names).
    pub regions: Vec<String>,
}

/// A parameter of an offering.
#[derive(Debug, Serialize, ToSchema)]
pub struct Param {
    /// Its name.
    pub name: String,
    /// Its value.
    pub value: String,
}

/// A page of a list and where the next one starts.
#[derive(Debug, Serialize, ToSchema)]
pub struct CataloguePage {
    /// Offerings matching, in all pages.
    pub total: u64,
    /// This page.
    pub items: Vec<Offering>,
    /// Pass as `cursor` for the next page; absent on the last.
    pub next_cursor: Option<String>,
}

/// An approved supplier's public card and scorecard.
#[derive(Debug, Serialize, ToSchema)]
pub struct Supplier {
    /// Id.
    pub id: i32,
    /// Legal name.
    pub legal_name: String,
    /// Region codes it serves (approved by the ministry).
    pub regions: Vec<String>,
    /// Category codes it provides (approved by the ministry).
    pub categories: Vec<String>,
    /// Orders delivered (returns excluded).
    pub delivered: i64,
    /// Of those, delivered by the deadline.
    pub delivered_on_time: i64,
    /// Complaints ever filed about it.
    pub complaints: i64,
    /// Average rating ×100 over its listed offerings' reviews (absent without reviews).
    pub rating_x100: Option<i64>,
    /// Reviews of its listed offerings.
    pub reviews: i64,
}

/// A page of suppliers.
#[derive(Debug, Serialize, ToSchema)]
pub struct SupplierPage {
    /// This page, by id.
    pub items: Vec<Supplier>,
    /// Pass as `cursor` for the next page; absent on the last.
    pub next_cursor: Option<String>,
}

/// Provision in one region, for one category, in one month. Counts about fewer than five
/// people are withheld (`null`, with `suppressed`), and so is what would reveal them.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProvisionCell {
    /// Month (YYYY-MM).
    pub month: String,
    /// Region code.
    pub region: String,
    /// Category code.
    pub category: String,
    /// Whether figures were withheld to protect people.
    pub suppressed: bool,
    /// People with an entitlement valid in the month.
    pub people_entitled: Option<u64>,
    /// Of them, people who received at least one item or service by the month's end.
    pub people_provided: Option<u64>,
    /// `people_provided / people_entitled`, in percent with one decimal.
    pub provision_rate_percent: Option<f64>,
    /// Median days from entitlement to first delivery.
    pub median_days_to_delivery: Option<f64>,
}

/// The statistics of a month.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProvisionStatistics {
    /// Month (YYYY-MM).
    pub month: String,
    /// The suppression rule, in words.
    pub rule: String,
    /// One row per region and category with anyone entitled.
    pub cells: Vec<ProvisionCell>,
}

/// The suppression rule as published.
pub const RULE: &str = "A cell about fewer than 5 people entitled is withheld whole. Within a published cell, \
people provided under 5 (but not 0) is withheld with the rate it would reveal. Totals over regions or \
categories are not published, so a withheld cell cannot be recovered by subtraction.";

fn names(kk: &str, ru: &str, en: &str) -> Names {
    Names { kk: kk.to_owned(), ru: ru.to_owned(), en: en.to_owned() }
}

/// Active categories in catalogue order.
pub async fn categories(db: &impl ConnectionTrait) -> Result<Vec<Category>, AppError> {
    let rows = categories::Entity::find()
        .filter(categories::Column::Active.eq(true))
        .order_by_asc(categories::Column::Sort)
        .all(db)
        .await
        .or_unexpected()?;
    Ok(rows
        .into_iter()
        .map(|c| Category {
            kind: c.kind.to_value(),
            unit: c.unit.to_value(),
            name: names(&c.name_kk, &c.name_ru, &c.name_en),
            code: c.code,
        })
        .collect())
}

/// Regions in their order.
pub async fn regions(db: &impl ConnectionTrait) -> Result<Vec<Region>, AppError> {
    let rows = regions::Entity::find().order_by_asc(regions::Column::Sort).all(db).await.or_unexpected()?;
    Ok(rows.into_iter().map(|r| Region { name: names(&r.name_kk, &r.name_ru, &r.name_en), code: r.code }).collect())
}

/// Active item types with their guaranteed sums, today's and every one before and after.
pub async fn item_types(db: &impl ConnectionTrait) -> Result<Vec<ItemType>, AppError> {
    let today = Utc::now().date_naive();
    let cats: HashMap<i32, String> =
        categories::Entity::find().all(db).await.or_unexpected()?.into_iter().map(|c| (c.id, c.code)).collect();
    let mut history: HashMap<i32, Vec<ceilings::Model>> = HashMap::new();
    for c in ceilings::Entity::find()
        .order_by_desc(ceilings::Column::ValidFrom)
        .order_by_desc(ceilings::Column::Id)
        .all(db)
        .await
        .or_unexpected()?
    {
        history.entry(c.item_type_id).or_default().push(c);
    }
    let types = item_types::Entity::find()
        .filter(item_types::Column::Active.eq(true))
        .order_by_asc(item_types::Column::Code)
        .all(db)
        .await
        .or_unexpected()?;
    Ok(types
        .into_iter()
        .map(|t| {
            let sums = history.remove(&t.id).unwrap_or_default();
            ItemType {
                category: cats.get(&t.category_id).cloned().unwrap_or_default(),
                unit: t.unit.to_value(),
                replacement_months: t.replacement_months,
                name: names(&t.name_kk, &t.name_ru, &t.name_en),
                guaranteed_sum_tiyn: sums.iter().find(|c| c.valid_from <= today).map(|c| c.amount_tiyn),
                history: sums
                    .iter()
                    .map(|c| GuaranteedSum { valid_from: c.valid_from.to_string(), amount_tiyn: c.amount_tiyn })
                    .collect(),
                code: t.code,
            }
        })
        .collect())
}

fn offering_of(card: app::dto::recipient::OfferingCard, supplier_id: i32, item_type: String) -> Offering {
    Offering {
        id: card.id,
        title: card.title,
        item_type,
        category: card.category,
        supplier_id,
        supplier: card.supplier,
        price_tiyn: card.price.tiyn(),
        guaranteed_sum_tiyn: card.ceiling.tiyn(),
        copay_tiyn: card.copay.tiyn(),
        rating_x100: card.rating_x100,
        reviews: card.reviews,
        lead_time_days: card.lead_time_days,
    }
}

/// A visitor reading in `lang`: the public API never acts for anyone.
pub fn visitor(caller: &Caller, lang: Lang) -> Caller {
    Caller { actor: None, pending: None, lang, ..caller.clone() }
}

/// One page of the catalogue: the page's filters, in keyset order from `cursor`.
pub async fn catalogue(
    ctx: &Ctx,
    caller: &Caller,
    mut query: CatalogueQuery,
    cursor: Option<&str>,
    limit: u64,
) -> Result<CataloguePage, AppError> {
    let db = &ctx.db;
    let after = match cursor.filter(|c| !c.is_empty()) {
        Some(c) => Some(Keyset::decode(c).ok_or_else(|| AppError::field("cursor", "cursor_invalid"))?),
        None => None,
    };
    if query.sort.is_empty() || query.sort == "relevance" {
        query.sort = "price_asc".into();
    }
    if query.region.is_empty() {
        query.region = "all".into();
    }
    let prepared = prepare(db, caller, query).await?;
    let backend = db.get_database_backend();
    let total: i64 = db
        .query_one_raw(prepared.search.count(backend))
        .await
        .or_unexpected()?
        .map(|row| row.try_get::<i64>("", "n"))
        .transpose()
        .or_unexpected()?
        .unwrap_or(0);
    let limit = limit.clamp(1, MAX_LIMIT);
    let mut rows = offerings::Entity::find()
        .from_raw_sql(prepared.search.page_after(backend, limit + 1, after.as_ref()))
        .all(db)
        .await
        .or_unexpected()?;
    let more = rows.len() as u64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let next_cursor = if more { rows.last().map(|o| Keyset::after(o).encode()) } else { None };
    let codes: HashMap<i32, String> = prepared.item_types.iter().map(|t| (t.id, t.code.clone())).collect();
    let owners: Vec<(i32, String)> =
        rows.iter().map(|o| (o.supplier_id, codes.get(&o.item_type_id).cloned().unwrap_or_default())).collect();
    let items = cards(ctx, caller.lang, &rows, None)
        .await?
        .into_iter()
        .zip(owners)
        .map(|(card, (supplier, code))| offering_of(card, supplier, code))
        .collect();
    Ok(CataloguePage { total: u64::try_from(total).unwrap_or(0), items, next_cursor })
}

/// One listed offering.
pub async fn offering(ctx: &Ctx, caller: &Caller, id: i32) -> Result<OfferingDetail, AppError> {
    let view = super::recipient::offering::offering_view(ctx, caller, id).await?;
    let row = offerings::Entity::find_by_id(id).one(&ctx.db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
    let code = item_types::Entity::find_by_id(row.item_type_id)
        .one(&ctx.db)
        .await
        .or_unexpected()?
        .map(|t| t.code)
        .unwrap_or_default();
    Ok(OfferingDetail {
        offering: offering_of(view.card, row.supplier_id, code),
        description: view.description,
        params: view.params.into_iter().map(|(name, value)| Param { name, value }).collect(),
        regions: view.regions,
    })
}

#[derive(FromQueryResult)]
struct Rating {
    supplier_id: i32,
    weighted: Option<i64>,
    reviews: Option<i64>,
}

/// Approved suppliers by id, after `after`.
pub async fn suppliers(db: &impl ConnectionTrait, after: i32, limit: u64) -> Result<SupplierPage, AppError> {
    let limit = limit.clamp(1, MAX_LIMIT);
    let mut rows = suppliers::Entity::find()
        .filter(suppliers::Column::Status.eq(DbSupplierStatus::Approved))
        .filter(suppliers::Column::Id.gt(after))
        .order_by_asc(suppliers::Column::Id)
        .limit(limit + 1)
        .all(db)
        .await
        .or_unexpected()?;
    let more = rows.len() as u64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let ids: Vec<i32> = rows.iter().map(|s| s.id).collect();
    let cats: HashMap<i32, String> =
        categories::Entity::find().all(db).await.or_unexpected()?.into_iter().map(|c| (c.id, c.code)).collect();
    let mut regions: HashMap<i32, Vec<String>> = HashMap::new();
    for r in supplier_regions::Entity::find()
        .filter(supplier_regions::Column::SupplierId.is_in(ids.clone()))
        .filter(supplier_regions::Column::Approved.eq(true))
        .order_by_asc(supplier_regions::Column::RegionCode)
        .all(db)
        .await
        .or_unexpected()?
    {
        regions.entry(r.supplier_id).or_default().push(r.region_code);
    }
    let mut categories: HashMap<i32, Vec<String>> = HashMap::new();
    for c in supplier_categories::Entity::find()
        .filter(supplier_categories::Column::SupplierId.is_in(ids.clone()))
        .filter(supplier_categories::Column::Approved.eq(true))
        .all(db)
        .await
        .or_unexpected()?
    {
        categories.entry(c.supplier_id).or_default().push(cats.get(&c.category_id).cloned().unwrap_or_default());
    }
    let scores: HashMap<i32, supplier_scores::Model> = supplier_scores::Entity::find()
        .filter(supplier_scores::Column::SupplierId.is_in(ids.clone()))
        .all(db)
        .await
        .or_unexpected()?
        .into_iter()
        .map(|s| (s.supplier_id, s))
        .collect();
    let ratings: HashMap<i32, Rating> = if ids.is_empty() {
        HashMap::new()
    } else {
        let backend = db.get_database_backend();
        let list = ids.iter().map(i32::to_string).collect::<Vec<_>>().join(", ");
        let sql = format!(
            "SELECT supplier_id, CAST(SUM(CAST(rating_avg_x100 AS BIGINT) * review_count) AS BIGINT) AS weighted, CAST(SUM(review_count) AS BIGINT) AS reviews \
             FROM offerings WHERE listed = TRUE AND supplier_id IN ({list}) GROUP BY supplier_id"
        );
        Rating::find_by_statement(Statement::from_string(backend, sql))
            .all(db)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|r| (r.supplier_id, r))
            .collect()
    };
    let next_cursor = if more { rows.last().map(|s| s.id.to_string()) } else { None };
    let items = rows
        .into_iter()
        .map(|s| {
            let score = scores.get(&s.id);
            let rating = ratings.get(&s.id);
            let reviews = rating.and_then(|r| r.reviews).unwrap_or(0);
            let mut cats = categories.remove(&s.id).unwrap_or_default();
            cats.sort();
            Supplier {
                id: s.id,
                legal_name: s.legal_name,
                regions: regions.remove(&s.id).unwrap_or_default(),
                categories: cats,
                delivered: score.map_or(0, |x| x.delivered),
                delivered_on_time: score.map_or(0, |x| x.on_time),
                complaints: score.map_or(0, |x| x.complaints),
                rating_x100: (reviews > 0).then(|| rating.and_then(|r| r.weighted).unwrap_or(0) / reviews),
                reviews,
            }
        })
        .collect();
    Ok(SupplierPage { items, next_cursor })
}

/// The month a `YYYY-MM` names; empty for the last whole month.
pub fn month(text: &str, today: NaiveDate) -> Result<Period, AppError> {
    let first = if text.trim().is_empty() {
        let this = today.with_day(1).unwrap_or(today);
        (this - chrono::Duration::days(1)).with_day(1).unwrap_or(this)
    } else {
        NaiveDate::parse_from_str(&format!("{}-01", text.trim()), "%Y-%m-%d")
            .map_err(|_| AppError::field("month", "month_invalid"))?
    };
    if first > today {
        return Err(AppError::field("month", "month_in_future"));
    }
    // Each month asked for is computed once and then kept up to date by the summary job while
    // it is read: the open data reaches back three years, so nobody can make it keep hundreds.
    let oldest =
        today.with_day(1).and_then(|d| d.checked_sub_months(chrono::Months::new(MONTHS_BACK))).unwrap_or(today);
    if first < oldest {
        return Err(AppError::field("month", "month_too_old"));
    }
    let next =
        first.checked_add_months(chrono::Months::new(1)).ok_or_else(|| AppError::field("month", "month_invalid"))?;
    Ok(Period { from: first, to: next - chrono::Duration::days(1) })
}

/// One cell as published: withheld whole under five people, the provided count (and the
/// rate) withheld under five.
pub fn cell(
    month: &str,
    region: &str,
    category: &str,
    entitled: u64,
    provided: u64,
    median_days_x2: Option<i64>,
) -> ProvisionCell {
    let base = ProvisionCell {
        month: month.to_owned(),
        region: region.to_owned(),
        category: category.to_owned(),
        suppressed: true,
        people_entitled: None,
        people_provided: None,
        provision_rate_percent: None,
        median_days_to_delivery: None,
    };
    if entitled < SUPPRESS_UNDER {
        return base;
    }
    let small = provided > 0 && provided < SUPPRESS_UNDER;
    ProvisionCell {
        suppressed: small,
        people_entitled: Some(entitled),
        people_provided: (!small).then_some(provided),
        provision_rate_percent: (!small).then(|| ((provided * 1000 + entitled / 2) / entitled) as f64 / 10.0),
        median_days_to_delivery: if provided >= SUPPRESS_UNDER { median_days_x2.map(|m| m as f64 / 2.0) } else { None },
        ..base
    }
}

/// Provision by region and category in a month, small counts withheld.
pub async fn provision(ctx: &Ctx, month_text: &str) -> Result<ProvisionStatistics, AppError> {
    let period = month(month_text, Utc::now().date_naive())?;
    let label = period.from.format("%Y-%m").to_string();
    let (groups, _) = figures(&ctx.db, &ctx.read_db, period, Utc::now()).await.or_unexpected()?;
    let cats: HashMap<i32, String> =
        categories::Entity::find().all(&ctx.db).await.or_unexpected()?.into_iter().map(|c| (c.id, c.code)).collect();
    let mut cells: Vec<ProvisionCell> = groups
        .iter()
        .filter(|((region, category), _)| !region.is_empty() && region != "-" && *category != 0)
        .filter_map(|((region, category), c)| {
            cats.get(category)
                .map(|code| cell(&label, region, code, c.people_entitled, c.people_provided, c.median_days_x2))
        })
        .collect();
    cells.sort_by(|a, b| (&a.region, &a.category).cmp(&(&b.region, &b.category)));
    Ok(ProvisionStatistics { month: label, rule: RULE.to_owned(), cells })
}

/// The statistics as CSV (numbers and codes only, so no cell can be read as a formula).
pub fn provision_csv(stats: &ProvisionStatistics) -> String {
    let mut out = String::from("month,region,category,suppressed,people_entitled,people_provided,provision_rate_percent,median_days_to_delivery\n");
    let opt = |v: Option<String>| v.unwrap_or_default();
    for c in &stats.cells {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{}\n",
            c.month,
            c.region,
            c.category,
            c.suppressed,
            opt(c.people_entitled.map(|v| v.to_string())),
            opt(c.people_provided.map(|v| v.to_string())),
            opt(c.provision_rate_percent.map(|v| format!("{v:.1}"))),
            opt(c.median_days_to_delivery.map(|v| format!("{v:.1}"))),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fewer_than_five_people_are_never_published() {
        let c = cell("2026-11", "ALA", "hearing_aids", 4, 4, Some(20));
        assert!(
            c.suppressed
                && c.people_entitled.is_none()
                && c.people_provided.is_none()
                && c.provision_rate_percent.is_none()
        );
        let c = cell("2026-11", "ALA", "hearing_aids", 40, 3, Some(20));
        assert!(c.suppressed);
        assert_eq!((c.people_entitled, c.people_provided, c.provision_rate_percent), (Some(40), None, None));
        let c = cell("2026-11", "ALA", "hearing_aids", 40, 0, None);
        assert_eq!((c.people_provided, c.provision_rate_percent, c.suppressed), (Some(0), Some(0.0), false));
        let c = cell("2026-11", "ALA", "hearing_aids", 8, 5, Some(21));
        assert_eq!(
            (c.people_provided, c.provision_rate_percent, c.median_days_to_delivery),
            (Some(5), Some(62.5), Some(10.5))
        );
    }

    #[test]
    fn a_month_is_read_or_defaults_to_the_last_whole_one() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let p = month("", today).unwrap();
        assert_eq!((p.from.to_string(), p.to.to_string()), ("2026-11-01".to_owned(), "2026-11-30".to_owned()));
        let p = month("2026-02", today).unwrap();
        assert_eq!(p.to.to_string(), "2026-02-28");
        assert!(month("2027-01", today).is_err());
        assert!(month("26-1", today).is_err());
        assert!(month("2023-12", today).is_ok() && month("2023-11", today).is_err(), "three years back at most");
        assert!(month("2026-13", today).is_err());
    }
}
