//! The supplier's offerings: list, the form (new or existing, with an unsaved draft kept on
//! the server), publishing and withdrawing, and a sanatorium's dated places.
use super::offering_rules::{self, ceilings_on, form_of};
use super::{category_of, localized, own_supplier, require_active, require_approved};
use crate::db::begin_write;
use crate::entities::enums::{DbOfferingStatus, DbOrderStatus};
use crate::entities::{categories, drafts, item_types, offering_regions, offering_slots, offerings, orders, regions};
use crate::services::paging::one_page;
use crate::services::{Ctx, OrUnexpected};
use app::domain::{
    CategoryKind, Code, DraftKey, OfferingAction, OfferingStatus, ParamKind, ParamSchema, RefusalCode, ReportKey,
    SupplierStatus,
};
use app::dto::supplier::{
    ImportReport, ItemTypeChoice, Named, OfferingEditView, OfferingForm, OfferingRow, OfferingsView, ParamField,
    SlotRow,
};
use app::error::{AppError, FieldErrors};
use app::ports::{Caller, Download, SupplierOfferings};
use async_trait::async_trait;
use chrono::{Duration, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use std::collections::HashMap;

/// Offerings of suppliers.
pub struct OfferingService(pub Ctx);

const DRAFT_KIND: &str = "offering_form";

/// The item types of the supplier's categories, with category code and name.
pub async fn allowed_types(
    db: &impl ConnectionTrait,
    supplier_id: i32,
    lang: app::domain::Lang,
) -> Result<Vec<(item_types::Model, categories::Model)>, AppError> {
    let codes = super::profile::category_codes(db, supplier_id).await?;
    let cats = categories::Entity::find()
        .filter(categories::Column::Code.is_in(codes))
        .order_by_asc(categories::Column::Sort)
        .all(db)
        .await
        .or_unexpected()?;
    let types = item_types::Entity::find()
        .filter(item_types::Column::CategoryId.is_in(cats.iter().map(|c| c.id)))
        .filter(item_types::Column::Active.eq(true))
        .all(db)
        .await
        .or_unexpected()?;
    let mut out: Vec<(item_types::Model, categories::Model)> = types
        .into_iter()
        .filter_map(|t| cats.iter().find(|c| c.id == t.category_id).cloned().map(|c| (t, c)))
        .collect();
    out.sort_by(|a, b| (a.1.sort, a.0.name(lang)).cmp(&(b.1.sort, b.0.name(lang))));
    Ok(out)
}

fn choice(
    t: &item_types::Model,
    c: &categories::Model,
    lang: app::domain::Lang,
    ceilings: &HashMap<i32, app::domain::Money>,
) -> ItemTypeChoice {
    ItemTypeChoice {
        code: t.code.clone(),
        name: t.name(lang).to_owned(),
        category: c.code.clone(),
        category_name: c.name(lang).to_owned(),
        kind: c.kind.into(),
        unit: t.unit.into(),
        ceiling: ceilings.get(&t.id).copied().unwrap_or_default(),
    }
}

fn param_fields(schema: &serde_json::Value, lang: app::domain::Lang) -> Vec<ParamField> {
    ParamSchema::from_stored(schema)
        .params
        .into_iter()
        .map(|p| {
            let (min, max, options) = match p.kind {
                ParamKind::Int { min, max } => (Some(min), Some(max), Vec::new()),
                ParamKind::Choice { options } => (
                    None,
                    None,
                    options.into_iter().map(|o| Named { name: o.label.get(lang).to_owned(), code: o.value }).collect(),
                ),
            };
            ParamField { label: p.label.get(lang).to_owned(), key: p.key, min, max, options }
        })
        .collect()
}

async fn served_regions(
    db: &impl ConnectionTrait,
    supplier_id: i32,
    lang: app::domain::Lang,
) -> Result<Vec<Named>, AppError> {
    let codes = super::profile::region_codes(db, supplier_id).await?;
    Ok(regions::Entity::find()
        .filter(regions::Column::Code.is_in(codes))
        .order_by_asc(regions::Column::Sort)
        .all(db)
        .await
        .or_unexpected()?
        .into_iter()
        .map(|r| Named { name: r.name(lang).to_owned(), code: r.code })
        .collect())
}

async fn load_draft(db: &impl ConnectionTrait, account_id: i32, key: &str) -> Result<Option<OfferingForm>, AppError> {
    Ok(drafts::Entity::find()
        .filter(drafts::Column::AccountId.eq(account_id))
        .filter(drafts::Column::Kind.eq(DRAFT_KIND))
        .filter(drafts::Column::DraftKey.eq(key))
        .one(db)
        .await
        .or_unexpected()?
        .and_then(|d| serde_json::from_value(d.data).ok()))
}

async fn keep_draft(
    db: &impl ConnectionTrait,
    account_id: i32,
    key: &str,
    form: &OfferingForm,
) -> Result<(), AppError> {
    let data = serde_json::to_value(form).or_unexpected()?;
    let existing = drafts::Entity::find()
        .filter(drafts::Column::AccountId.eq(account_id))
        .filter(drafts::Column::Kind.eq(DRAFT_KIND))
        .filter(drafts::Column::DraftKey.eq(key))
        .one(db)
        .await
        .or_unexpected()?;
    match existing {
        Some(d) => {
            let mut am: drafts::ActiveModel = d.into();
            am.data = Set(data);
            am.updated_at = Set(Utc::now());
            am.update(db).await.or_unexpected()?;
        }
        None => {
            drafts::ActiveModel {
                account_id: Set(account_id),
                kind: Set(DRAFT_KIND.into()),
                draft_key: Set(key.into()),
                data: Set(data),
                updated_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(db)
            .await
            .or_unexpected()?;
        }
    }
    Ok(())
}

async fn drop_draft(db: &impl ConnectionTrait, account_id: i32, key: &str) -> Result<(), AppError> {
    drafts::Entity::delete_many()
        .filter(drafts::Column::AccountId.eq(account_id))
        .filter(drafts::Column::Kind.eq(DRAFT_KIND))
        .filter(drafts::Column::DraftKey.eq(key))
        .exec(db)
        .await
        .or_unexpected()?;
    Ok(())
}

/// Orders of an offering that are not finished yet.
pub const OPEN: [DbOrderStatus; 4] =
    [DbOrderStatus::Placed, DbOrderStatus::Accepted, DbOrderStatus::Scheduled, DbOrderStatus::InDelivery];

impl OfferingService {
    /// One of the supplier's offerings, found with the supplier's id.
    async fn own(&self, db: &impl ConnectionTrait, supplier_id: i32, id: i32) -> Result<offerings::Model, AppError> {
        offerings::Entity::find_by_id(id)
            .filter(offerings::Column::SupplierId.eq(supplier_id))
            .one(db)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotFound)
    }

    async fn blockers(
        &self,
        db: &impl ConnectionTrait,
        s: &crate::entities::suppliers::Model,
        o: &offerings::Model,
        kind: CategoryKind,
    ) -> Result<Vec<String>, AppError> {
        let mut out = Vec::new();
        if s.status != crate::entities::enums::DbSupplierStatus::Approved {
            out.push("supplier_not_approved".to_owned());
        }
        if o.status == DbOfferingStatus::Blocked {
            out.push("offering_blocked".to_owned());
        }
        let regions = offering_regions::Entity::find()
            .filter(offering_regions::Column::OfferingId.eq(o.id))
            .count(db)
            .await
            .or_unexpected()?;
        if regions == 0 {
            out.push("no_regions".to_owned());
        }
        if kind == CategoryKind::Course {
            let today = Utc::now().date_naive();
            let free = offering_slots::Entity::find()
                .filter(offering_slots::Column::OfferingId.eq(o.id))
                .filter(offering_slots::Column::StartsOn.gt(today))
                .filter(Expr::col(offering_slots::Column::Taken).lt(Expr::col(offering_slots::Column::Places)))
                .count(db)
                .await
                .or_unexpected()?;
            if free == 0 {
                out.push("no_course_dates".to_owned());
            }
        } else if o.capacity.is_none() {
            out.push("no_capacity".to_owned());
        }
        Ok(out)
    }

    async fn edit_view(
        &self,
        caller: &Caller,
        s: &crate::entities::suppliers::Model,
        account_id: i32,
        it: &item_types::Model,
        cat: &categories::Model,
        existing: Option<&offerings::Model>,
    ) -> Result<OfferingEditView, AppError> {
        let db = &self.0.db;
        let lang = caller.lang;
        let today = Utc::now().date_naive();
        let ceilings = ceilings_on(db, vec![it.id], today).await.or_unexpected()?;
        let item_type = choice(it, cat, lang, &ceilings);
        let regions = served_regions(db, s.id, lang).await?;
        let key = existing.map(|o| o.id.to_string()).unwrap_or_else(|| format!("new-{}", it.code));
        let draft = load_draft(db, account_id, &key).await?;
        let saved = match existing {
            Some(o) => {
                let codes = offering_regions::Entity::find()
                    .filter(offering_regions::Column::OfferingId.eq(o.id))
                    .all(db)
                    .await
                    .or_unexpected()?
                    .into_iter()
                    .map(|r| r.region_code)
                    .collect();
                form_of(o, &it.code, codes)
            }
            None => OfferingForm {
                item_type: it.code.clone(),
                regions: regions.iter().map(|r| r.code.clone()).collect(),
                ..Default::default()
            },
        };
        let (slots, blockers, open_orders) = match existing {
            Some(o) => {
                let slots = offering_slots::Entity::find()
                    .filter(offering_slots::Column::OfferingId.eq(o.id))
                    .filter(offering_slots::Column::StartsOn.gte(today - Duration::days(14)))
                    .order_by_asc(offering_slots::Column::StartsOn)
                    .all(db)
                    .await
                    .or_unexpected()?
                    .into_iter()
                    .map(|x| SlotRow {
                        starts_on: x.starts_on.to_string(),
                        ends_on: (x.starts_on + Duration::days(13)).to_string(),
                        places: x.places,
                        taken: x.taken,
                    })
                    .collect();
                let open = orders::Entity::find()
                    .filter(orders::Column::OfferingId.eq(o.id))
                    .filter(orders::Column::Status.is_in(OPEN))
                    .count(db)
                    .await
                    .or_unexpected()?;
                (slots, self.blockers(db, s, o, cat.kind.into()).await?, u32::try_from(open).unwrap_or(u32::MAX))
            }
            None => (Vec::new(), Vec::new(), 0),
        };
        let status = existing.map(|o| OfferingStatus::from(o.status));
        let copay =
            existing.map(|o| app::domain::Money::from_tiyn(o.price_tiyn) - item_type.ceiling).filter(|c| c.tiyn() > 0);
        Ok(OfferingEditView {
            id: existing.map(|o| o.id),
            params: param_fields(&it.param_schema, lang),
            item_type,
            regions,
            from_draft: draft.is_some(),
            form: draft.unwrap_or(saved),
            can_publish: existing.is_some()
                && blockers.is_empty()
                && matches!(status, Some(OfferingStatus::Draft | OfferingStatus::Withdrawn)),
            can_withdraw: status == Some(OfferingStatus::Published) && require_active(s).is_ok(),
            publish_blockers: if status == Some(OfferingStatus::Published) { Vec::new() } else { blockers },
            status,
            status_reason: existing.and_then(|o| o.status_reason.clone()),
            copay_at_price: copay,
            slots,
            open_orders,
        })
    }
}

#[async_trait]
impl SupplierOfferings for OfferingService {
    async fn list(
        &self,
        caller: &Caller,
        status: Option<OfferingStatus>,
        page: u32,
    ) -> Result<OfferingsView, AppError> {
        let db = &self.0.db;
        let (_, s) = own_supplier(db, caller).await?;
        require_active(&s)?;
        let lang = caller.lang;
        let by_status: Vec<(DbOfferingStatus, i64)> = offerings::Entity::find()
            .select_only()
            .column(offerings::Column::Status)
            .column_as(Expr::col(offerings::Column::Id).count(), "n")
            .filter(offerings::Column::SupplierId.eq(s.id))
            .group_by(offerings::Column::Status)
            .into_tuple()
            .all(db)
            .await
            .or_unexpected()?;
        let counts = OfferingStatus::ALL
            .iter()
            .map(|st| {
                (
                    *st,
                    by_status
                        .iter()
                        .find(|(db_status, _)| OfferingStatus::from(*db_status) == *st)
                        .map_or(0, |(_, n)| u32::try_from(*n).unwrap_or(u32::MAX)),
                )
            })
            .collect();
        let mut find = offerings::Entity::find()
            .filter(offerings::Column::SupplierId.eq(s.id))
            .order_by_desc(offerings::Column::Id);
        if let Some(wanted) = status {
            find = find.filter(offerings::Column::Status.eq(DbOfferingStatus::from(wanted)));
        }
        let (rows, page) = one_page(db, find, page).await?;
        let type_ids: Vec<i32> = rows.iter().map(|o| o.item_type_id).collect();
        let ceilings = ceilings_on(db, type_ids.clone(), Utc::now().date_naive()).await.or_unexpected()?;
        let types: HashMap<i32, item_types::Model> = item_types::Entity::find()
            .filter(item_types::Column::Id.is_in(type_ids))
            .all(db)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|t| (t.id, t))
            .collect();
        let cats: HashMap<i32, categories::Model> =
            categories::Entity::find().all(db).await.or_unexpected()?.into_iter().map(|c| (c.id, c)).collect();
        Ok(OfferingsView {
            supplier_status: SupplierStatus::from(s.status),
            counts,
            offerings: rows
                .into_iter()
                .map(|o| {
                    let t = types.get(&o.item_type_id);
                    let cat = t.and_then(|t| cats.get(&t.category_id));
                    OfferingRow {
                        id: o.id,
                        title: localized(lang, &o.title_kk, &o.title_ru, o.title_en.as_deref()),
                        sku: o.sku.clone(),
                        item_type: t.map(|t| t.name(lang).to_owned()).unwrap_or_default(),
                        price: app::domain::Money::from_tiyn(o.price_tiyn),
                        ceiling: ceilings.get(&o.item_type_id).copied().unwrap_or_default(),
                        status: o.status.into(),
                        capacity: o.capacity,
                        unit: t.map(|t| t.unit.into()).unwrap_or(app::domain::Unit::Piece),
                        category: cat.map(|c| c.code.clone()).unwrap_or_default(),
                        kind: cat.map_or(CategoryKind::Goods, |c| c.kind.into()),
                    }
                })
                .collect(),
            page,
        })
    }

    async fn item_types(&self, caller: &Caller) -> Result<Vec<ItemTypeChoice>, AppError> {
        let db = &self.0.db;
        let (_, s) = own_supplier(db, caller).await?;
        require_active(&s)?;
        let types = allowed_types(db, s.id, caller.lang).await?;
        let ceilings = ceilings_on(db, types.iter().map(|(t, _)| t.id).collect(), Utc::now().date_naive())
            .await
            .or_unexpected()?;
        Ok(types.iter().map(|(t, c)| choice(t, c, caller.lang, &ceilings)).collect())
    }

    async fn new_form(&self, caller: &Caller, item_type: Option<Code>) -> Result<OfferingEditView, AppError> {
        let db = &self.0.db;
        let (actor, s) = own_supplier(db, caller).await?;
        require_active(&s)?;
        let types = allowed_types(db, s.id, caller.lang).await?;
        let (it, cat) = types
            .into_iter()
            .find(|(t, _)| item_type.as_ref().is_some_and(|c| t.code == c.as_str()))
            .ok_or_else(|| AppError::refused(RefusalCode::CategoryNotChosen))?;
        self.edit_view(caller, &s, actor.account_id, &it, &cat, None).await
    }

    async fn get(&self, caller: &Caller, id: i32) -> Result<OfferingEditView, AppError> {
        let db = &self.0.db;
        let (actor, s) = own_supplier(db, caller).await?;
        require_active(&s)?;
        let o = self.own(db, s.id, id).await?;
        let it =
            item_types::Entity::find_by_id(o.item_type_id).one(db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
        let cat =
            categories::Entity::find_by_id(it.category_id).one(db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
        self.edit_view(caller, &s, actor.account_id, &it, &cat, Some(&o)).await
    }

    async fn save(&self, caller: &Caller, id: Option<i32>, form: OfferingForm) -> Result<i32, AppError> {
        let db = &self.0.db;
        let (actor, s) = own_supplier(db, caller).await?;
        require_active(&s)?;
        let existing = match id {
            None => None,
            Some(id) => Some(self.own(db, s.id, id).await?),
        };
        let types = allowed_types(db, s.id, caller.lang).await?;
        let (it, cat) = match &existing {
            Some(o) => category_of(db, o.item_type_id).await?,
            None => types
                .into_iter()
                .find(|(t, _)| t.code == form.item_type.trim())
                .ok_or_else(|| AppError::refused(RefusalCode::CategoryNotChosen))?,
        };
        let key = existing.as_ref().map(|o| o.id.to_string()).unwrap_or_else(|| format!("new-{}", it.code));
        let served = super::profile::region_codes(db, s.id).await?;
        let mut errors = FieldErrors::new();
        let valid = offering_rules::validate(&form, cat.kind.into(), &it.param_schema, &served, false, &mut errors);
        if let Some(sku) = valid.as_ref().and_then(|v| v.sku.clone()) {
            let mut q = offerings::Entity::find()
                .filter(offerings::Column::SupplierId.eq(s.id))
                .filter(offerings::Column::Sku.eq(sku));
            if let Some(o) = &existing {
                q = q.filter(offerings::Column::Id.ne(o.id));
            }
            if q.one(db).await.or_unexpected()?.is_some() {
                errors.add("sku", "sku_taken");
            }
        }
        if let Err(e) = errors.finish() {
            // Kept on the server: the form comes back exactly as typed, even after a reload.
            keep_draft(db, actor.account_id, &key, &form).await?;
            return Err(e);
        }
        let valid = valid.ok_or_else(|| AppError::refused(RefusalCode::BadRequest))?;
        let txn = begin_write(db).await.or_unexpected()?;
        let (saved, _) = offering_rules::write(&txn, s.id, &it, existing.as_ref(), &valid, DbOfferingStatus::Draft)
            .await
            .map_err(|e| match e.sql_err() {
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => AppError::field("sku", "sku_taken"),
                _ => crate::services::unexpected(e),
            })?;
        drop_draft(&txn, actor.account_id, &key).await?;
        txn.commit().await.or_unexpected()?;
        Ok(saved)
    }

    async fn discard_draft(&self, caller: &Caller, key: Option<DraftKey>) -> Result<(), AppError> {
        let db = &self.0.db;
        let (actor, _) = own_supplier(db, caller).await?;
        let key = key.ok_or(AppError::NotFound)?;
        drop_draft(db, actor.account_id, &key.to_string()).await
    }

    async fn set_status(&self, caller: &Caller, id: i32, action: Option<OfferingAction>) -> Result<(), AppError> {
        let db = &self.0.db;
        let (_, s) = own_supplier(db, caller).await?;
        require_active(&s)?;
        let o = self.own(db, s.id, id).await?;
        let now = Utc::now();
        let (to, from): (DbOfferingStatus, Vec<DbOfferingStatus>) = match action {
            Some(OfferingAction::Publish) => {
                require_approved(&s)?;
                let (_, cat) = category_of(db, o.item_type_id).await?;
                if let Some(first) = self.blockers(db, &s, &o, cat.kind.into()).await?.first() {
                    return Err(AppError::refused(
                        RefusalCode::from_code(first).unwrap_or(RefusalCode::CannotPublishNow),
                    ));
                }
                (DbOfferingStatus::Published, vec![DbOfferingStatus::Draft, DbOfferingStatus::Withdrawn])
            }
            Some(OfferingAction::Withdraw) => (DbOfferingStatus::Withdrawn, vec![DbOfferingStatus::Published]),
            _ => return Err(AppError::refused(RefusalCode::BadRequest)),
        };
        let mut update = offerings::Entity::update_many()
            .col_expr(offerings::Column::Status, Expr::value(to))
            .col_expr(offerings::Column::UpdatedAt, Expr::value(now))
            .filter(offerings::Column::Id.eq(o.id))
            .filter(offerings::Column::SupplierId.eq(s.id))
            .filter(offerings::Column::Status.is_in(from));
        if to == DbOfferingStatus::Published {
            update = update.col_expr(offerings::Column::PublishedAt, Expr::value(now));
        }
        if update.exec(db).await.or_unexpected()?.rows_affected != 1 {
            return Err(AppError::refused(if to == DbOfferingStatus::Published {
                RefusalCode::CannotPublishNow
            } else {
                RefusalCode::NotPublished
            }));
        }
        Ok(())
    }

    async fn set_slot(&self, caller: &Caller, id: i32, starts_on: &str, places: &str) -> Result<(), AppError> {
        let db = &self.0.db;
        let (_, s) = own_supplier(db, caller).await?;
        require_active(&s)?;
        let o = self.own(db, s.id, id).await?;
        let it =
            item_types::Entity::find_by_id(o.item_type_id).one(db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
        let cat =
            categories::Entity::find_by_id(it.category_id).one(db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
        if CategoryKind::from(cat.kind) != CategoryKind::Course {
            return Err(AppError::refused(RefusalCode::NotASanatorium));
        }
        let today = Utc::now().date_naive();
        let mut errors = FieldErrors::new();
        let date = errors.check(
            "starts_on",
            match starts_on.trim() {
                "" => Err("required"),
                d => NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| "not_a_date").and_then(|d| {
                    if d > today {
                        Ok(d)
                    } else {
                        Err("date_in_past")
                    }
                }),
            },
        );
        let places = errors.check(
            "places",
            match places.trim() {
                "" => Err("required"),
                p => p.parse::<i32>().map_err(|_| "not_a_number").and_then(|p| {
                    if (0..=1000).contains(&p) {
                        Ok(p)
                    } else {
                        Err("places_out_of_range")
                    }
                }),
            },
        );
        errors.finish()?;
        let (Some(date), Some(places)) = (date, places) else { return Err(AppError::refused(RefusalCode::BadRequest)) };
        let txn = begin_write(db).await.or_unexpected()?;
        let existing = offering_slots::Entity::find()
            .filter(offering_slots::Column::OfferingId.eq(o.id))
            .filter(offering_slots::Column::StartsOn.eq(date))
            .one(&txn)
            .await
            .or_unexpected()?;
        match existing {
            Some(slot) => {
                let res = offering_slots::Entity::update_many()
                    .col_expr(offering_slots::Column::Places, Expr::value(places))
                    .filter(offering_slots::Column::Id.eq(slot.id))
                    .filter(offering_slots::Column::Taken.lte(places))
                    .exec(&txn)
                    .await
                    .or_unexpected()?;
                if res.rows_affected != 1 {
                    return Err(AppError::field("places", "below_taken"));
                }
            }
            None => {
                offering_slots::ActiveModel {
                    offering_id: Set(o.id),
                    starts_on: Set(date),
                    places: Set(places),
                    taken: Set(0),
                    ..Default::default()
                }
                .insert(&txn)
                .await
                .or_unexpected()?;
            }
        }
        txn.commit().await.or_unexpected()
    }

    async fn import_csv(&self, caller: &Caller, file_name: &str, bytes: Vec<u8>) -> Result<String, AppError> {
        super::import::import(&self.0, caller, file_name, &bytes).await
    }

    async fn import_report(&self, caller: &Caller, key: Option<ReportKey>) -> Result<ImportReport, AppError> {
        super::import::report(&self.0, caller, key).await
    }

    async fn template(&self, caller: &Caller) -> Result<Download, AppError> {
        super::import::template(&self.0, caller).await
    }
}
