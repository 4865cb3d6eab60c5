//! What makes an offering valid, shared by the form and the CSV upload: texts in Kazakh and
//! Russian, a price, the item type's parameters as its schema says, regions the supplier
//! serves, a lead time and a capacity that fits the category. And how a valid offering is
//! written, reporting whether anything actually changed (so a re-upload changes nothing).
use crate::entities::enums::DbOfferingStatus;
use crate::entities::{ceilings, item_types, offering_regions, offerings};
use crate::services::text;
use app::domain::{CategoryKind, Money, ParamKind, ParamSchema};
use app::dto::supplier::OfferingForm;
use app::error::FieldErrors;
use chrono::{NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap};

/// An offering that passed every check.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidOffering {
    /// The supplier's article code.
    pub sku: Option<String>,
    /// Title, Kazakh.
    pub title_kk: String,
    /// Title, Russian.
    pub title_ru: String,
    /// Title, English.
    pub title_en: Option<String>,
    /// Description, Kazakh.
    pub description_kk: String,
    /// Description, Russian.
    pub description_ru: String,
    /// Description, English.
    pub description_en: Option<String>,
    /// Price per unit.
    pub price: Money,
    /// Days to deliver or start.
    pub lead_time_days: i32,
    /// Stock or hours per week; none for a sanatorium (it has dated places).
    pub capacity: Option<i32>,
    /// Regions, sorted.
    pub regions: Vec<String>,
    /// Parameter values.
    pub params: Value,
}

/// What writing an offering did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A new offering.
    Created,
    /// An existing one changed.
    Updated,
    /// Identical to what was there.
    Unchanged,
}

/// The guaranteed sum of each item type on `day` (the latest one in force).
pub async fn ceilings_on(
    db: &impl ConnectionTrait,
    item_type_ids: Vec<i32>,
    day: NaiveDate,
) -> Result<HashMap<i32, Money>, DbErr> {
    let rows = ceilings::Entity::find()
        .filter(ceilings::Column::ItemTypeId.is_in(item_type_ids))
        .filter(ceilings::Column::ValidFrom.lte(day))
        .all(db)
        .await?;
    let mut best: HashMap<i32, (NaiveDate, Money)> = HashMap::new();
    for c in rows {
        let e = best.entry(c.item_type_id).or_insert((c.valid_from, Money::from_tiyn(c.amount_tiyn)));
        if c.valid_from >= e.0 {
            *e = (c.valid_from, Money::from_tiyn(c.amount_tiyn));
        }
    }
    Ok(best.into_iter().map(|(k, (_, m))| (k, m)).collect())
}

fn int(raw: &str) -> Result<i64, &'static str> {
    let t = raw.trim();
    if t.is_empty() {
        return Err("required");
    }
    t.parse::<i64>().map_err(|_| "not_a_number")
}

fn int_in(raw: &str, min: i64, max: i64, out_of_range: &'static str) -> Result<i32, &'static str> {
    let v = int(raw)?;
    if v < min || v > max {
        return Err(out_of_range);
    }
    i32::try_from(v).map_err(|_| out_of_range)
}

fn optional(raw: &str, max: usize) -> Result<Option<String>, &'static str> {
    match text(raw, max) {
        Ok(t) => Ok(Some(t)),
        Err("required") => Ok(None),
        Err(e) => Err(e),
    }
}

/// A supplier's article code: letters, digits, `-`, `_`, `.`, `/`, at most 64.
pub fn sku(raw: &str) -> Result<Option<String>, &'static str> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.chars().count() > 64 {
        return Err("too_long");
    }
    if !t.chars().all(|c| c.is_alphanumeric() || "-_./".contains(c)) {
        return Err("invalid_sku");
    }
    Ok(Some(t.to_owned()))
}

/// Checks parameter values against an item type's schema; every parameter is required.
/// Errors are reported on `param_<key>`; unknown keys on `params` when `strict`.
pub fn params(
    schema: &Value,
    given: &BTreeMap<String, String>,
    strict: bool,
    errors: &mut FieldErrors,
) -> Option<Value> {
    let mut out = Map::new();
    let mut ok = true;
    let list = ParamSchema::from_stored(schema).params;
    for p in &list {
        let key = p.key.as_str();
        let field = format!("param_{key}");
        let raw = given.get(key).map(|s| s.trim()).unwrap_or_default();
        match &p.kind {
            ParamKind::Int { min, max } => match int(raw) {
                Ok(v) if (*min..=*max).contains(&v) => {
                    out.insert(key.into(), json!(v));
                }
                Ok(_) => {
                    errors.add(&field, "out_of_range");
                    ok = false;
                }
                Err(code) => {
                    errors.add(&field, code);
                    ok = false;
                }
            },
            ParamKind::Choice { options } => {
                let options: Vec<&str> = options.iter().map(|o| o.value.as_str()).collect();
                if raw.is_empty() {
                    errors.add(&field, "required");
                    ok = false;
                } else if !options.contains(&raw) {
                    errors.add(&field, "not_an_option");
                    ok = false;
                } else {
                    out.insert(key.into(), json!(raw));
                }
            }
        }
    }
    if strict {
        let known: Vec<&str> = list.iter().map(|p| p.key.as_str()).collect();
        if given.keys().any(|k| !known.contains(&k.as_str())) {
            errors.add("params", "unknown_param");
            ok = false;
        }
    }
    ok.then_some(Value::Object(out))
}

/// Checks a whole offering form for an item type of `category`, against the regions the
/// supplier serves. Every problem is recorded in `errors`.
pub fn validate(
    form: &OfferingForm,
    kind: CategoryKind,
    schema: &Value,
    served: &[String],
    strict: bool,
    errors: &mut FieldErrors,
) -> Option<ValidOffering> {
    let sku = errors.check("sku", sku(&form.sku));
    let title_kk = errors.check("title_kk", text(&form.title_kk, 200));
    let title_ru = errors.check("title_ru", text(&form.title_ru, 200));
    let title_en = errors.check("title_en", optional(&form.title_en, 200));
    let description_kk = errors.check("description_kk", text(&form.description_kk, 4000));
    let description_ru = errors.check("description_ru", text(&form.description_ru, 4000));
    let description_en = errors.check("description_en", optional(&form.description_en, 4000));
    let price = errors.check(
        "price",
        Money::parse(&form.price).and_then(|m| if m.tiyn() > 0 { Ok(m) } else { Err("must_be_positive") }),
    );
    let lead = errors.check("lead_time_days", int_in(&form.lead_time_days, 1, 365, "lead_time_out_of_range"));
    let capacity = match kind {
        CategoryKind::Course => Some(None),
        CategoryKind::Hours | CategoryKind::Sessions => {
            errors.check("capacity", int_in(&form.capacity, 1, 5000, "capacity_out_of_range")).map(Some)
        }
        CategoryKind::Goods => {
            errors.check("capacity", int_in(&form.capacity, 0, 1_000_000, "capacity_out_of_range")).map(Some)
        }
    };
    let mut regions: Vec<String> = form.regions.iter().map(|r| r.trim().to_owned()).filter(|r| !r.is_empty()).collect();
    regions.sort();
    regions.dedup();
    if regions.is_empty() {
        errors.add("regions", "choose_at_least_one");
    } else if regions.iter().any(|r| !served.contains(r)) {
        errors.add("regions", "region_not_yours");
    }
    let params = params(schema, &form.params, strict, errors);
    Some(ValidOffering {
        sku: sku?,
        title_kk: title_kk?,
        title_ru: title_ru?,
        title_en: title_en?,
        description_kk: description_kk?,
        description_ru: description_ru?,
        description_en: description_en?,
        price: price?,
        lead_time_days: lead?,
        capacity: capacity?,
        regions,
        params: params?,
    })
}

/// The form showing a saved offering.
pub fn form_of(o: &offerings::Model, item_type: &str, regions: Vec<String>) -> OfferingForm {
    let params = o
        .params
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| (k.clone(), v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string())))
        .collect();
    OfferingForm {
        item_type: item_type.into(),
        sku: o.sku.clone().unwrap_or_default(),
        title_kk: o.title_kk.clone(),
        title_ru: o.title_ru.clone(),
        title_en: o.title_en.clone().unwrap_or_default(),
        description_kk: o.description_kk.clone(),
        description_ru: o.description_ru.clone(),
        description_en: o.description_en.clone().unwrap_or_default(),
        price: Money::from_tiyn(o.price_tiyn).to_input(),
        lead_time_days: o.lead_time_days.to_string(),
        capacity: o.capacity.map(|c| c.to_string()).unwrap_or_default(),
        regions,
        params,
    }
}

fn same(o: &offerings::Model, v: &ValidOffering, regions: &[String]) -> bool {
    o.sku == v.sku
        && o.title_kk == v.title_kk
        && o.title_ru == v.title_ru
        && o.title_en == v.title_en
        && o.description_kk == v.description_kk
        && o.description_ru == v.description_ru
        && o.description_en == v.description_en
        && o.price_tiyn == v.price.tiyn()
        && o.lead_time_days == v.lead_time_days
        && o.capacity == v.capacity
        && o.params == v.params
        && regions == v.regions.as_slice()
}

/// Writes a valid offering: a new draft, or changes to `existing` (its status untouched).
/// Prices of orders already placed never change: orders keep their own snapshot.
pub async fn write(
    db: &impl ConnectionTrait,
    supplier_id: i32,
    item_type: &item_types::Model,
    existing: Option<&offerings::Model>,
    v: &ValidOffering,
    status_for_new: DbOfferingStatus,
) -> Result<(i32, Outcome), DbErr> {
    let now = Utc::now();
    let search = |title: &str, desc: &str| format!("{title} {desc}").to_lowercase();
    let search_en =
        search(v.title_en.as_deref().unwrap_or(&v.title_ru), v.description_en.as_deref().unwrap_or(&v.description_ru));
    let (id, outcome) = match existing {
        Some(o) => {
            let mut regions: Vec<String> = offering_regions::Entity::find()
                .filter(offering_regions::Column::OfferingId.eq(o.id))
                .all(db)
                .await?
                .into_iter()
                .map(|r| r.region_code)
                .collect();
            regions.sort();
            if same(o, v, &regions) {
                return Ok((o.id, Outcome::Unchanged));
            }
            let mut am: offerings::ActiveModel = o.clone().into();
            am.sku = Set(v.sku.clone());
            am.title_kk = Set(v.title_kk.clone());
            am.title_ru = Set(v.title_ru.clone());
            am.title_en = Set(v.title_en.clone());
            am.description_kk = Set(v.description_kk.clone());
            am.description_ru = Set(v.description_ru.clone());
            am.description_en = Set(v.description_en.clone());
            am.search_kk = Set(search(&v.title_kk, &v.description_kk));
            am.search_ru = Set(search(&v.title_ru, &v.description_ru));
            am.search_en = Set(search_en);
            am.price_tiyn = Set(v.price.tiyn());
            am.lead_time_days = Set(v.lead_time_days);
            am.capacity = Set(v.capacity);
            am.params = Set(v.params.clone());
            am.updated_at = Set(now);
            am.update(db).await?;
            (o.id, Outcome::Updated)
        }
        None => {
            let o = offerings::ActiveModel {
                supplier_id: Set(supplier_id),
                item_type_id: Set(item_type.id),
                sku: Set(v.sku.clone()),
                title_kk: Set(v.title_kk.clone()),
                title_ru: Set(v.title_ru.clone()),
                title_en: Set(v.title_en.clone()),
                description_kk: Set(v.description_kk.clone()),
                description_ru: Set(v.description_ru.clone()),
                description_en: Set(v.description_en.clone()),
                search_kk: Set(search(&v.title_kk, &v.description_kk)),
                search_ru: Set(search(&v.title_ru, &v.description_ru)),
                search_en: Set(search_en),
                price_tiyn: Set(v.price.tiyn()),
                params: Set(v.params.clone()),
                lead_time_days: Set(v.lead_time_days),
                capacity: Set(v.capacity),
                status: Set(status_for_new),
                status_reason: Set(None),
                rating_avg_x100: Set(0),
                review_count: Set(0),
                published_at: Set((status_for_new == DbOfferingStatus::Published).then_some(now)),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?;
            (o.id, Outcome::Created)
        }
    };
    offering_regions::Entity::delete_many().filter(offering_regions::Column::OfferingId.eq(id)).exec(db).await?;
    for r in &v.regions {
        offering_regions::ActiveModel { offering_id: Set(id), region_code: Set(r.clone()) }.insert(db).await?;
    }
    Ok((id, outcome))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema() -> Value {
        json!({ "params": [
            { "key": "seat_width_cm", "kind": "int", "min": 30, "max": 60 },
            { "key": "frame", "kind": "choice", "options": [{ "value": "steel" }, { "value": "aluminium" }] },
        ]})
    }

    fn good() -> OfferingForm {
        OfferingForm {
            item_type: "wheelchair_manual".into(),
            sku: "WC-1".into(),
            title_kk: "Арба".into(),
            title_ru: "Коляска".into(),
            description_kk: "Сипаттама".into(),
            description_ru: "Описание".into(),
            price: "185 000".into(),
            lead_time_days: "10".into(),
            capacity: "5".into(),
            regions: vec!["ALA".into()],
            params: [("seat_width_cm".to_owned(), "45".to_owned()), ("frame".to_owned(), "steel".to_owned())].into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_form_is_valid() {
        let mut errors = FieldErrors::new();
        let v = validate(&good(), CategoryKind::Goods, &schema(), &["ALA".into()], true, &mut errors);
        assert!(errors.finish().is_ok());
        let v = v.map(|v| (v.price, v.capacity, v.params));
        assert_eq!(v, Some((Money::from_tenge(185_000), Some(5), json!({ "seat_width_cm": 45, "frame": "steel" }))));
    }

    #[test]
    fn parameters_are_checked_against_the_schema() {
        let mut form = good();
        form.params = [
            ("seat_width_cm".to_owned(), "90".to_owned()),
            ("frame".to_owned(), "wood".to_owned()),
            ("colour".to_owned(), "red".to_owned()),
        ]
        .into();
        let mut errors = FieldErrors::new();
        assert!(validate(&form, CategoryKind::Goods, &schema(), &["ALA".into()], true, &mut errors).is_none());
        let e = errors.finish().err().unwrap_or(app::error::AppError::NotFound);
        assert_eq!(e.field_code("param_seat_width_cm"), Some("out_of_range"));
        assert_eq!(e.field_code("param_frame"), Some("not_an_option"));
        assert_eq!(e.field_code("params"), Some("unknown_param"));
    }

    #[test]
    fn regions_must_be_served_and_services_need_weekly_hours() {
        let mut form = good();
        form.regions = vec!["AST".into()];
        form.capacity = String::new();
        let mut errors = FieldErrors::new();
        assert!(validate(&form, CategoryKind::Hours, &json!({ "params": [] }), &["ALA".into()], false, &mut errors)
            .is_none());
        let e = errors.finish().err().unwrap_or(app::error::AppError::NotFound);
        assert_eq!(e.field_code("regions"), Some("region_not_yours"));
        assert_eq!(e.field_code("capacity"), Some("required"));
    }
}
