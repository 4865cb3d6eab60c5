//! An offering's page: description, parameters, the supplier's scorecard and verified reviews.
use super::catalogue::{cards, param_fields};
use super::{day, offering_description, resolve};
use crate::entities::{item_types, offering_regions, offerings, reviews, supplier_scores, suppliers};
use crate::services::catalogue_rules::visible_offering_condition;
use crate::services::{Ctx, OrUnexpected};
use app::domain::Role;
use app::dto::recipient::{OfferingView, ReviewView, SupplierCard};
use app::error::AppError;
use app::ports::Caller;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select};

/// A supplier's delivery record, as the offering page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Scorecard {
    /// Orders delivered or rendered (returned ones left out).
    pub delivered: u64,
    /// Of those, delivered by their deadline (or without one).
    pub on_time: u64,
    /// Complaints about the supplier.
    pub complaints: u64,
}

/// A supplier's record from its maintained scorecard counters: one row by key, whatever the
/// number of orders (see `supplier_scores`).
pub async fn scorecard(db: &impl ConnectionTrait, supplier_id: i32) -> Result<Scorecard, AppError> {
    let row = scorecard_query(supplier_id).one(db).await.or_unexpected()?;
    Ok(row.map_or_else(Scorecard::default, |r| Scorecard {
        delivered: u64::try_from(r.delivered).unwrap_or(0),
        on_time: u64::try_from(r.on_time).unwrap_or(0),
        complaints: u64::try_from(r.complaints).unwrap_or(0),
    }))
}

/// The scorecard counters of a supplier.
pub fn scorecard_query(supplier_id: i32) -> Select<supplier_scores::Entity> {
    supplier_scores::Entity::find_by_id(supplier_id)
}

/// The newest reviews of an offering, as its page shows them.
pub fn reviews_query(offering_id: i32) -> Select<reviews::Entity> {
    reviews::Entity::find()
        .filter(reviews::Column::OfferingId.eq(offering_id))
        .order_by_desc(reviews::Column::CreatedAt)
        .limit(30)
}

/// An offering the catalogue shows, by id.
pub fn visible_offering_query(id: i32) -> Select<offerings::Entity> {
    offerings::Entity::find_by_id(id).filter(visible_offering_condition())
}

/// A supplier's public card: name, approval, regions and the [`scorecard`].
pub async fn supplier_card(
    db: &impl ConnectionTrait,
    s: &suppliers::Model,
    lang: app::domain::Lang,
) -> Result<SupplierCard, AppError> {
    let score = scorecard(db, s.id).await?;
    let codes: Vec<String> = crate::entities::supplier_regions::Entity::find()
        .filter(crate::entities::supplier_regions::Column::SupplierId.eq(s.id))
        .all(db)
        .await
        .or_unexpected()?
        .into_iter()
        .map(|r| r.region_code)
        .collect();
    Ok(SupplierCard {
        name: s.legal_name.clone(),
        approved_on: s.approved_at.map(day),
        regions: crate::services::present::names_of_regions(db, &codes, lang).await?,
        delivered: u32::try_from(score.delivered).unwrap_or(u32::MAX),
        on_time_percent: (score.delivered > 0)
            .then(|| u32::try_from(score.on_time * 100 / score.delivered).unwrap_or(0)),
        complaints: u32::try_from(score.complaints).unwrap_or(u32::MAX),
    })
}

/// The offering page; only what the catalogue shows can be opened.
pub async fn offering_view(ctx: &Ctx, caller: &Caller, id: i32) -> Result<OfferingView, AppError> {
    let db = &ctx.db;
    let lang = caller.lang;
    let o = visible_offering_query(id).one(db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
    let can_order = caller.actor.as_ref().is_some_and(|a| a.role.orders_for_recipients());
    let my_region =
        if can_order { resolve(db, caller, None).await.ok().and_then(|a| a.recipient.region_code) } else { None };
    let card = cards(ctx, lang, std::slice::from_ref(&o), my_region.as_deref())
        .await?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)?;
    let t = item_types::Entity::find_by_id(o.item_type_id).one(db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
    let params = param_fields(&t.param_schema, lang)
        .into_iter()
        .filter_map(|f| {
            let v = &o.params[&f.key];
            let shown = if f.options.is_empty() {
                v.as_i64().map(|n| n.to_string())
            } else {
                v.as_str().map(|s| {
                    f.options.iter().find(|(k, _)| k == s).map(|(_, l)| l.clone()).unwrap_or_else(|| s.to_owned())
                })
            };
            shown.map(|s| (f.label, s))
        })
        .collect();
    let codes: Vec<String> = offering_regions::Entity::find()
        .select_only()
        .column(offering_regions::Column::RegionCode)
        .filter(offering_regions::Column::OfferingId.eq(o.id))
        .into_tuple()
        .all(db)
        .await
        .or_unexpected()?;
    let supplier =
        suppliers::Entity::find_by_id(o.supplier_id).one(db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
    let reviews = reviews_query(o.id)
        .all(db)
        .await
        .or_unexpected()?
        .into_iter()
        .map(|r| ReviewView { rating: r.rating, body: r.body, on: day(r.created_at), reply: r.reply })
        .collect();
    Ok(OfferingView {
        card,
        description: offering_description(&o, lang),
        params,
        regions: crate::services::present::names_of_regions(db, &codes, lang).await?,
        supplier: supplier_card(db, &supplier, lang).await?,
        reviews,
        can_order: can_order && caller.actor.as_ref().is_some_and(|a| a.role != Role::Supplier),
    })
}
