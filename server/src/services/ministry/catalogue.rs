//! Categories, item types and guaranteed sums. Central staff change them; regional staff read
//! them. Ceilings are only ever added (from today or later): the history stays as it was, and
//! every change is in the audit log.
use super::catalogue_input::{amount, code, months, parse_schema, unit};
use super::{central, parse_date, staff_scope, Scope};
use crate::db::begin_write;
use crate::entities::enums::DbUnit;
use crate::entities::{categories, ceilings, item_types};
use crate::services::audit::{self, Entry};
use crate::services::present::account_emails;
use crate::services::{text, Ctx, OrUnexpected};
use app::domain::{CategoryKind, Money, RefusalCode};
use app::dto::ministry::*;
use app::error::{AppError, FieldErrors};
use app::ports::{Caller, CatalogueAdmin};
use async_trait::async_trait;
use chrono::{NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set, SqlErr};
use serde_json::json;
use std::collections::HashMap;

/// Categories, item types and ceilings.
pub struct CatalogueAdminService(pub Ctx);

/// Today's ceiling and the next announced one, from an item type's history.
fn in_force(history: &[&ceilings::Model], today: NaiveDate) -> (Option<Money>, Option<(String, Money)>) {
    let now = history
        .iter()
        .filter(|c| c.valid_from <= today)
        .max_by_key(|c| c.valid_from)
        .map(|c| Money::from_tiyn(c.amount_tiyn));
    let next = history
        .iter()
        .filter(|c| c.valid_from > today)
        .min_by_key(|c| c.valid_from)
        .map(|c| (c.valid_from.to_string(), Money::from_tiyn(c.amount_tiyn)));
    (now, next)
}

async fn insert_ceiling(
    db: &impl sea_orm::ConnectionTrait,
    actor: &app::ports::Actor,
    it: &item_types::Model,
    amount: Money,
    from: NaiveDate,
    date_field: &str,
) -> Result<(), AppError> {
    let previous = crate::services::ceilings::ceiling_on(db, it.id, from).await.or_unexpected()?;
    ceilings::ActiveModel {
        item_type_id: Set(it.id),
        amount_tiyn: Set(amount.tiyn()),
        valid_from: Set(from),
        created_by: Set(Some(actor.account_id)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| match e.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => AppError::field(date_field, "ceiling_date_taken"),
        _ => crate::services::unexpected(e),
    })?;
    audit::record(
        db,
        Some(actor),
        Entry {
            action: "ceiling.add",
            object_type: "item_type",
            object_id: Some(it.id.to_string()),
            reason: None,
            details: Some(json!({
                "item_type": it.code,
                "amount": amount.to_input(),
                "valid_from": from.to_string(),
                "previous": previous.map(|m| m.to_input()),
            })),
        },
    )
    .await
    .or_unexpected()
}

#[async_trait]
impl CatalogueAdmin for CatalogueAdminService {
    async fn catalogue(&self, caller: &Caller) -> Result<CatalogueOverview, AppError> {
        let (_, scope) = staff_scope(caller)?;
        let db = &self.0.db;
        let lang = caller.lang;
        let cats = categories::Entity::find().order_by_asc(categories::Column::Sort).all(db).await.or_unexpected()?;
        let types = item_types::Entity::find().order_by_asc(item_types::Column::Id).all(db).await.or_unexpected()?;
        let all_ceilings = ceilings::Entity::find().all(db).await.or_unexpected()?;
        let mut by_type: HashMap<i32, Vec<&ceilings::Model>> = HashMap::new();
        for c in &all_ceilings {
            by_type.entry(c.item_type_id).or_default().push(c);
        }
        let today = Utc::now().date_naive();
        let categories = cats
            .into_iter()
            .map(|c| CategoryAdminRow {
                item_types: types
                    .iter()
                    .filter(|t| t.category_id == c.id)
                    .map(|t| {
                        let (ceiling, next_ceiling) =
                            in_force(by_type.get(&t.id).map(Vec::as_slice).unwrap_or(&[]), today);
                        ItemTypeRow {
                            id: t.id,
                            code: t.code.clone(),
                            name: t.name(lang).to_owned(),
                            unit: t.unit.into(),
                            replacement_months: t.replacement_months,
                            active: t.active,
                            ceiling,
                            next_ceiling,
                        }
                    })
                    .collect(),
                id: c.id,
                name: c.name(lang).to_owned(),
                unit: c.unit.into(),
                kind: c.kind.into(),
                active: c.active,
                code: c.code,
            })
            .collect();
        Ok(CatalogueOverview { can_edit: scope == Scope::Central, categories })
    }

    async fn item_type(&self, caller: &Caller, id: i32) -> Result<ItemTypeDetail, AppError> {
        let (_, scope) = staff_scope(caller)?;
        let db = &self.0.db;
        let it = item_types::Entity::find_by_id(id).one(db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
        let cat =
            categories::Entity::find_by_id(it.category_id).one(db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
        let history = crate::services::ceilings::history(db, id).await.or_unexpected()?;
        let emails = account_emails(db, history.iter().filter_map(|c| c.created_by)).await?;
        let today = Utc::now().date_naive();
        let current = history.iter().filter(|c| c.valid_from <= today).map(|c| c.valid_from).max();
        Ok(ItemTypeDetail {
            id: it.id,
            category: cat.code.clone(),
            category_name: cat.name(caller.lang).to_owned(),
            unit: it.unit.into(),
            replacement_months: it.replacement_months,
            param_schema: serde_json::to_string_pretty(&it.param_schema).unwrap_or_default(),
            active: it.active,
            ceilings: history
                .iter()
                .map(|c| CeilingRow {
                    amount: Money::from_tiyn(c.amount_tiyn),
                    valid_from: c.valid_from.to_string(),
                    in_force: Some(c.valid_from) == current,
                    future: c.valid_from > today,
                    entered_by: c.created_by.and_then(|a| emails.get(&a).cloned()),
                })
                .collect(),
            can_edit: scope == Scope::Central,
            code: it.code,
            name_kk: it.name_kk,
            name_ru: it.name_ru,
            name_en: it.name_en,
        })
    }

    async fn save_item_type(&self, caller: &Caller, id: Option<i32>, form: ItemTypeForm) -> Result<i32, AppError> {
        let actor = central(caller)?;
        let db = &self.0.db;
        let mut errors = FieldErrors::new();
        let name_kk = errors.check("name_kk", text(&form.name_kk, 200));
        let name_ru = errors.check("name_ru", text(&form.name_ru, 200));
        let name_en = errors.check("name_en", text(&form.name_en, 200));
        let replacement = errors.check("replacement_months", months(&form.replacement_months));
        let schema = errors.check("param_schema", parse_schema(&form.param_schema));
        let active = errors.check(
            "active",
            match form.active.as_str() {
                "yes" => Ok(true),
                "no" => Ok(false),
                _ => Err("required"),
            },
        );
        let now = Utc::now();
        let txn = begin_write(db).await.or_unexpected()?;
        let Some(id) = id else {
            let category = errors.check("category", text(&form.category, 32));
            let code = errors.check("code", code(&form.code));
            let unit = errors.check("unit", unit(&form.unit));
            let ceiling = errors.check("ceiling", amount(&form.ceiling));
            let from = errors.check("ceiling_from", parse_date(&form.ceiling_from));
            let cat = match &category {
                Some(c) => {
                    categories::Entity::find().filter(categories::Column::Code.eq(c)).one(&txn).await.or_unexpected()?
                }
                None => None,
            };
            if category.is_some() && cat.is_none() {
                errors.add("category", "required");
            }
            if let Some(c) = &code {
                if item_types::Entity::find()
                    .filter(item_types::Column::Code.eq(c))
                    .one(&txn)
                    .await
                    .or_unexpected()?
                    .is_some()
                {
                    errors.add("code", "code_taken");
                }
            }
            errors.finish()?;
            let (
                Some(cat),
                Some(code),
                Some(unit),
                Some(ceiling),
                Some(from),
                Some(kk),
                Some(ru),
                Some(en),
                Some(replacement),
                Some(schema),
                Some(active),
            ) = (cat, code, unit, ceiling, from, name_kk, name_ru, name_en, replacement, schema, active)
            else {
                return Err(AppError::refused(RefusalCode::BadRequest));
            };
            let it = item_types::ActiveModel {
                category_id: Set(cat.id),
                code: Set(code.clone()),
                name_kk: Set(kk),
                name_ru: Set(ru.clone()),
                name_en: Set(en),
                unit: Set(DbUnit::from(unit)),
                replacement_months: Set(replacement),
                param_schema: Set(schema),
                active: Set(active),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await
            .map_err(|e| match e.sql_err() {
                Some(SqlErr::UniqueConstraintViolation(_)) => AppError::field("code", "code_taken"),
                _ => crate::services::unexpected(e),
            })?;
            audit::record(
                &txn,
                Some(actor),
                Entry {
                    action: "item_type.create",
                    object_type: "item_type",
                    object_id: Some(it.id.to_string()),
                    reason: None,
                    details: Some(json!({ "code": code, "category": cat.code, "name": ru, "unit": unit.code() })),
                },
            )
            .await
            .or_unexpected()?;
            insert_ceiling(&txn, actor, &it, ceiling, from, "ceiling_from").await?;
            txn.commit().await.or_unexpected()?;
            return Ok(it.id);
        };
        errors.finish()?;
        let (Some(kk), Some(ru), Some(en), Some(replacement), Some(schema), Some(active)) =
            (name_kk, name_ru, name_en, replacement, schema, active)
        else {
            return Err(AppError::refused(RefusalCode::BadRequest));
        };
        let it = item_types::Entity::find_by_id(id).one(&txn).await.or_unexpected()?.ok_or(AppError::NotFound)?;
        let changed: Vec<&str> = [
            ("name_kk", it.name_kk != kk),
            ("name_ru", it.name_ru != ru),
            ("name_en", it.name_en != en),
            ("replacement_months", it.replacement_months != replacement),
            ("param_schema", it.param_schema != schema),
            ("active", it.active != active),
        ]
        .into_iter()
        .filter_map(|(k, c)| c.then_some(k))
        .collect();
        if changed.is_empty() {
            return Ok(id);
        }
        let code = it.code.clone();
        let mut am: item_types::ActiveModel = it.into();
        am.name_kk = Set(kk);
        am.name_ru = Set(ru);
        am.name_en = Set(en);
        am.replacement_months = Set(replacement);
        am.param_schema = Set(schema);
        am.active = Set(active);
        am.updated_at = Set(now);
        am.update(&txn).await.or_unexpected()?;
        audit::record(
            &txn,
            Some(actor),
            Entry {
                action: "item_type.update",
                object_type: "item_type",
                object_id: Some(id.to_string()),
                reason: None,
                details: Some(json!({ "code": code, "changed": changed })),
            },
        )
        .await
        .or_unexpected()?;
        txn.commit().await.or_unexpected()?;
        Ok(id)
    }

    async fn add_ceiling(
        &self,
        caller: &Caller,
        item_type_id: i32,
        amount_raw: &str,
        valid_from: &str,
    ) -> Result<(), AppError> {
        let actor = central(caller)?;
        let mut errors = FieldErrors::new();
        let money = errors.check("ceiling_amount", amount(amount_raw));
        let from = errors.check("ceiling_valid_from", parse_date(valid_from));
        if from.is_some_and(|d| d < Utc::now().date_naive()) {
            // Orders already placed keep their snapshot, but the record of what applied on a
            // past day must not change.
            errors.add("ceiling_valid_from", "ceiling_in_past");
        }
        errors.finish()?;
        let (Some(money), Some(from)) = (money, from) else { return Err(AppError::refused(RefusalCode::BadRequest)) };
        let txn = begin_write(&self.0.db).await.or_unexpected()?;
        let it =
            item_types::Entity::find_by_id(item_type_id).one(&txn).await.or_unexpected()?.ok_or(AppError::NotFound)?;
        insert_ceiling(&txn, actor, &it, money, from, "ceiling_valid_from").await?;
        txn.commit().await.or_unexpected()
    }

    async fn add_category(&self, caller: &Caller, form: CategoryForm) -> Result<i32, AppError> {
        let actor = central(caller)?;
        let mut errors = FieldErrors::new();
        let code = errors.check("cat_code", code(&form.code));
        let kk = errors.check("cat_name_kk", text(&form.name_kk, 200));
        let ru = errors.check("cat_name_ru", text(&form.name_ru, 200));
        let en = errors.check("cat_name_en", text(&form.name_en, 200));
        let unit = errors.check("cat_unit", unit(&form.unit));
        let kind = errors.check("cat_kind", CategoryKind::from_code(form.kind.trim()).ok_or("required"));
        let txn = begin_write(&self.0.db).await.or_unexpected()?;
        if let Some(c) = &code {
            if categories::Entity::find()
                .filter(categories::Column::Code.eq(c))
                .one(&txn)
                .await
                .or_unexpected()?
                .is_some()
            {
                errors.add("cat_code", "code_taken");
            }
        }
        errors.finish()?;
        let (Some(code), Some(kk), Some(ru), Some(en), Some(unit), Some(kind)) = (code, kk, ru, en, unit, kind) else {
            return Err(AppError::refused(RefusalCode::BadRequest));
        };
        let sort =
            categories::Entity::find().all(&txn).await.or_unexpected()?.iter().map(|c| c.sort).max().unwrap_or(0) + 1;
        let cat = categories::ActiveModel {
            code: Set(code.clone()),
            name_kk: Set(kk),
            name_ru: Set(ru.clone()),
            name_en: Set(en),
            unit: Set(DbUnit::from(unit)),
            kind: Set(kind.into()),
            sort: Set(sort),
            active: Set(true),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .or_unexpected()?;
        audit::record(
            &txn,
            Some(actor),
            Entry {
                action: "category.create",
                object_type: "category",
                object_id: Some(cat.id.to_string()),
                reason: None,
                details: Some(json!({ "code": code, "name": ru, "unit": unit.code(), "kind": kind.code() })),
            },
        )
        .await
        .or_unexpected()?;
        txn.commit().await.or_unexpected()?;
        Ok(cat.id)
    }
}
