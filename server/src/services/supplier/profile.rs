//! The organisation's profile, its completeness and sending it for approval.
use super::requirements::{self, Completeness};
use super::{day, own_supplier, require_active};
use crate::db::begin_write;
use crate::entities::enums::{DbSupplierKind, DbSupplierStatus};
use crate::entities::{
    audit_log, categories, offering_regions, offerings, regions, supplier_categories, supplier_documents,
    supplier_regions, suppliers,
};
use crate::services::audit::{self, Entry};
use crate::services::{text, Ctx, OrUnexpected};
use app::domain::{DocumentKind, Email, RefusalCode, SupplierStatus, TaxId};
use app::dto::supplier::{DecisionView, Named, ProfileView};
use app::error::{AppError, FieldErrors};
use app::ports::{Caller, ProfileForm, SupplierProfile};
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};

/// Profile and approval.
pub struct ProfileService(pub Ctx);

/// Region codes a supplier serves: those the ministry has reviewed (with `approved`), or
/// those an approved supplier asked to add and that wait for review (with `!approved`).
pub async fn region_codes_where(
    db: &impl ConnectionTrait,
    supplier_id: i32,
    approved: bool,
) -> Result<Vec<String>, AppError> {
    supplier_regions::Entity::find()
        .select_only()
        .column(supplier_regions::Column::RegionCode)
        .filter(supplier_regions::Column::SupplierId.eq(supplier_id))
        .filter(supplier_regions::Column::Approved.eq(approved))
        .order_by_asc(supplier_regions::Column::RegionCode)
        .into_tuple()
        .all(db)
        .await
        .or_unexpected()
}

/// Categories of a supplier in catalogue order, reviewed (`approved`) or waiting for review
/// (`!approved`).
async fn categories_where(
    db: &impl ConnectionTrait,
    supplier_id: i32,
    approved: bool,
) -> Result<Vec<categories::Model>, AppError> {
    let ids: Vec<i32> = supplier_categories::Entity::find()
        .select_only()
        .column(supplier_categories::Column::CategoryId)
        .filter(supplier_categories::Column::SupplierId.eq(supplier_id))
        .filter(supplier_categories::Column::Approved.eq(approved))
        .into_tuple()
        .all(db)
        .await
        .or_unexpected()?;
    categories::Entity::find()
        .filter(categories::Column::Id.is_in(ids))
        .order_by_asc(categories::Column::Sort)
        .all(db)
        .await
        .or_unexpected()
}

/// Category codes of a supplier, reviewed (`approved`) or waiting for review (`!approved`).
pub async fn category_codes_where(
    db: &impl ConnectionTrait,
    supplier_id: i32,
    approved: bool,
) -> Result<Vec<String>, AppError> {
    Ok(categories_where(db, supplier_id, approved).await?.into_iter().map(|c| c.code).collect())
}

/// Kinds of the categories a supplier may offer now (reviewed by the ministry).
pub async fn category_kinds(
    db: &impl ConnectionTrait,
    supplier_id: i32,
) -> Result<Vec<app::domain::CategoryKind>, AppError> {
    Ok(categories_where(db, supplier_id, true).await?.into_iter().map(|c| c.kind.into()).collect())
}

/// Region codes a supplier may serve now (reviewed by the ministry).
pub async fn region_codes(db: &impl ConnectionTrait, supplier_id: i32) -> Result<Vec<String>, AppError> {
    region_codes_where(db, supplier_id, true).await
}

/// Category codes a supplier may offer now (reviewed by the ministry).
pub async fn category_codes(db: &impl ConnectionTrait, supplier_id: i32) -> Result<Vec<String>, AppError> {
    category_codes_where(db, supplier_id, true).await
}

/// Kinds of the documents a supplier has uploaded.
pub async fn uploaded_kinds(db: &impl ConnectionTrait, supplier_id: i32) -> Result<Vec<DocumentKind>, AppError> {
    Ok(supplier_documents::Entity::find()
        .filter(supplier_documents::Column::SupplierId.eq(supplier_id))
        .all(db)
        .await
        .or_unexpected()?
        .into_iter()
        .map(|d| d.kind.into())
        .collect())
}

/// What a supplier still lacks before the ministry can decide (nothing once approved).
pub async fn missing_for(db: &impl ConnectionTrait, s: &suppliers::Model) -> Result<Vec<String>, AppError> {
    if !matches!(s.status, DbSupplierStatus::Draft | DbSupplierStatus::Pending | DbSupplierStatus::Rejected) {
        return Ok(Vec::new());
    }
    let (regions, cats, kinds) =
        (region_codes(db, s.id).await?, category_kinds(db, s.id).await?, uploaded_kinds(db, s.id).await?);
    Ok(requirements::missing(&Completeness {
        address: s.address.as_deref(),
        contact_person: s.contact_person.as_deref(),
        phone: s.phone.as_deref(),
        email: s.email.as_deref(),
        regions: regions.len(),
        categories: &cats,
        uploaded: &kinds,
    }))
}

fn phone(raw: &str) -> Result<String, &'static str> {
    let t = raw.trim();
    if t.is_empty() {
        return Err("required");
    }
    let digits = t.chars().filter(char::is_ascii_digit).count();
    let allowed = t.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
    if !allowed || !(10..=15).contains(&digits) {
        Err("invalid_phone")
    } else {
        Ok(t.to_owned())
    }
}

fn locked(s: &suppliers::Model) -> bool {
    matches!(s.status, DbSupplierStatus::Approved | DbSupplierStatus::Suspended | DbSupplierStatus::Removed)
}

#[async_trait]
impl SupplierProfile for ProfileService {
    async fn profile(&self, caller: &Caller) -> Result<ProfileView, AppError> {
        let db = &self.0.db;
        let (_, s) = own_supplier(db, caller).await?;
        let lang = caller.lang;
        let all_regions = regions::Entity::find().order_by_asc(regions::Column::Sort).all(db).await.or_unexpected()?;
        let all_categories = categories::Entity::find()
            .filter(categories::Column::Active.eq(true))
            .order_by_asc(categories::Column::Sort)
            .all(db)
            .await
            .or_unexpected()?;
        let cats = category_codes(db, s.id).await?;
        let decisions = audit_log::Entity::find()
            .filter(audit_log::Column::ObjectType.eq("supplier"))
            .filter(audit_log::Column::ObjectId.eq(s.id.to_string()))
            .filter(audit_log::Column::Action.starts_with("supplier."))
            .order_by_desc(audit_log::Column::Id)
            .limit(50)
            .all(db)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|a| DecisionView {
                on: day(a.created_at),
                action: a.action.trim_start_matches("supplier.").to_owned(),
                reason: a.reason,
            })
            .collect();
        let missing = missing_for(db, &s).await?;
        let pending_regions = region_codes_where(db, s.id, false).await?;
        let pending_categories = category_codes_where(db, s.id, false).await?;
        let status: SupplierStatus = s.status.into();
        let awaits = matches!(status, SupplierStatus::Draft | SupplierStatus::Rejected);
        Ok(ProfileView {
            status,
            reason: s.status_reason.clone().filter(|_| {
                matches!(status, SupplierStatus::Rejected | SupplierStatus::Suspended | SupplierStatus::Removed)
            }),
            submitted_on: s.submitted_at.map(day),
            decided_on: s.decided_at.map(day),
            kind: s.kind.into(),
            identity_locked: locked(&s),
            can_edit: require_active(&s).is_ok(),
            can_submit: awaits && missing.is_empty(),
            awaits_submission: awaits,
            missing,
            required_documents: requirements::documents_needed(&category_kinds(db, s.id).await?),
            bin: s.bin,
            legal_name: s.legal_name,
            address: s.address.unwrap_or_default(),
            contact_person: s.contact_person.unwrap_or_default(),
            phone: s.phone.unwrap_or_default(),
            email: s.email.unwrap_or_default(),
            regions: [region_codes(db, s.id).await?, pending_regions.clone()].concat(),
            categories: [cats, pending_categories.clone()].concat(),
            pending_regions,
            pending_categories,
            all_regions: all_regions
                .iter()
                .map(|r| Named { code: r.code.clone(), name: r.name(lang).to_owned() })
                .collect(),
            all_categories: all_categories
                .iter()
                .map(|c| Named { code: c.code.clone(), name: c.name(lang).to_owned() })
                .collect(),
            decisions,
        })
    }

    async fn save(&self, caller: &Caller, form: ProfileForm) -> Result<(), AppError> {
        let db = &self.0.db;
        let (actor, s) = own_supplier(db, caller).await?;
        require_active(&s)?;
        let mut errors = FieldErrors::new();
        let identity = if locked(&s) {
            None
        } else {
            let tax =
                errors.check("bin", if form.bin.trim().is_empty() { Err("required") } else { TaxId::parse(&form.bin) });
            let name = errors.check("legal_name", text(&form.legal_name, 200));
            if let Some(t) = &tax {
                let taken = suppliers::Entity::find()
                    .filter(suppliers::Column::Bin.eq(t.as_str()))
                    .filter(suppliers::Column::Id.ne(s.id))
                    .one(db)
                    .await
                    .or_unexpected()?;
                if taken.is_some() {
                    errors.add("bin", "bin_taken");
                }
            }
            tax.zip(name)
        };
        let address = errors.check("address", text(&form.address, 300));
        let contact = errors.check("contact_person", text(&form.contact_person, 200));
        let phone = errors.check("phone", phone(&form.phone));
        let email = errors.check("email", Email::parse(&form.email));
        let known_regions: Vec<String> =
            regions::Entity::find().all(db).await.or_unexpected()?.into_iter().map(|r| r.code).collect();
        let known_cats =
            categories::Entity::find().filter(categories::Column::Active.eq(true)).all(db).await.or_unexpected()?;
        let mut chosen_regions: Vec<String> =
            form.regions.iter().map(|r| r.trim().to_owned()).filter(|r| !r.is_empty()).collect();
        chosen_regions.sort();
        chosen_regions.dedup();
        if chosen_regions.is_empty() {
            errors.add("regions", "choose_at_least_one");
        } else if chosen_regions.iter().any(|r| !known_regions.contains(r)) {
            errors.add("regions", "unknown_region");
        }
        let mut cat_ids: Vec<i32> = Vec::new();
        for code in form.categories.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
            match known_cats.iter().find(|c| c.code == code) {
                Some(c) if !cat_ids.contains(&c.id) => cat_ids.push(c.id),
                Some(_) => {}
                None => errors.add("categories", "unknown_category"),
            }
        }
        if cat_ids.is_empty() && form.categories.is_empty() {
            errors.add("categories", "choose_at_least_one");
        }
        errors.finish()?;
        let (Some(address), Some(contact), Some(phone), Some(email)) = (address, contact, phone, email) else {
            return Err(AppError::refused(RefusalCode::BadRequest));
        };
        let now = Utc::now();
        let txn = begin_write(db).await.or_unexpected()?;
        // Read again inside the transaction: a decision may have landed since.
        let current = suppliers::Entity::find_by_id(s.id).one(&txn).await.or_unexpected()?.ok_or(AppError::NotFound)?;
        require_active(&current)?;
        let mut am: suppliers::ActiveModel = current.clone().into();
        if let Some((tax, name)) = identity.filter(|_| !locked(&current)) {
            am.kind = Set(match tax {
                TaxId::Bin(_) => DbSupplierKind::LegalEntity,
                TaxId::Iin(_) => DbSupplierKind::Entrepreneur,
            });
            am.bin = Set(tax.as_str().to_owned());
            am.legal_name = Set(name);
        }
        am.address = Set(Some(address));
        am.contact_person = Set(Some(contact));
        am.phone = Set(Some(phone));
        am.email = Set(Some(email.as_str().to_owned()));
        am.updated_at = Set(now);
        am.update(&txn).await.map_err(|e| match e.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => AppError::field("bin", "bin_taken"),
            _ => crate::services::unexpected(e),
        })?;
        // Before its first approval, what a supplier chooses is part of its application and is
        // reviewed with it. After, a region or category it adds waits for the ministry
        // (`approved = false`) and cannot be used until staff accept it; dropping one applies at once.
        let reviewed_later = locked(&current);
        let had_regions: Vec<String> = supplier_regions::Entity::find()
            .filter(supplier_regions::Column::SupplierId.eq(s.id))
            .all(&txn)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|r| r.region_code)
            .collect();
        supplier_regions::Entity::delete_many()
            .filter(supplier_regions::Column::SupplierId.eq(s.id))
            .filter(supplier_regions::Column::RegionCode.is_not_in(chosen_regions.clone()))
            .exec(&txn)
            .await
            .or_unexpected()?;
        let added_regions: Vec<String> = chosen_regions.iter().filter(|r| !had_regions.contains(r)).cloned().collect();
        for r in &added_regions {
            supplier_regions::ActiveModel {
                supplier_id: Set(s.id),
                region_code: Set(r.clone()),
                approved: Set(!reviewed_later),
            }
            .insert(&txn)
            .await
            .or_unexpected()?;
        }
        let had_cats: Vec<i32> = supplier_categories::Entity::find()
            .filter(supplier_categories::Column::SupplierId.eq(s.id))
            .all(&txn)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|c| c.category_id)
            .collect();
        supplier_categories::Entity::delete_many()
            .filter(supplier_categories::Column::SupplierId.eq(s.id))
            .filter(supplier_categories::Column::CategoryId.is_not_in(cat_ids.clone()))
            .exec(&txn)
            .await
            .or_unexpected()?;
        let added_cats: Vec<i32> = cat_ids.iter().filter(|c| !had_cats.contains(c)).copied().collect();
        for c in &added_cats {
            supplier_categories::ActiveModel {
                supplier_id: Set(s.id),
                category_id: Set(*c),
                approved: Set(!reviewed_later),
            }
            .insert(&txn)
            .await
            .or_unexpected()?;
        }
        if reviewed_later && (!added_regions.is_empty() || !added_cats.is_empty()) {
            let cat_codes: Vec<String> =
                known_cats.iter().filter(|c| added_cats.contains(&c.id)).map(|c| c.code.clone()).collect();
            audit::record(
                &txn,
                Some(&actor),
                Entry {
                    action: "supplier.scope_request",
                    object_type: "supplier",
                    object_id: Some(s.id.to_string()),
                    reason: None,
                    details: Some(serde_json::json!({ "regions": added_regions, "categories": cat_codes })),
                },
            )
            .await
            .or_unexpected()?;
        }
        // An offering serves a subset of the supplier's regions: drop the ones no longer served.
        offering_regions::Entity::delete_many()
            .filter(
                offering_regions::Column::OfferingId.in_subquery(
                    Query::select()
                        .column(offerings::Column::Id)
                        .from(offerings::Entity)
                        .and_where(Expr::col(offerings::Column::SupplierId).eq(s.id))
                        .to_owned(),
                ),
            )
            .filter(offering_regions::Column::RegionCode.is_not_in(chosen_regions))
            .exec(&txn)
            .await
            .or_unexpected()?;
        txn.commit().await.or_unexpected()
    }

    async fn submit(&self, caller: &Caller) -> Result<(), AppError> {
        let db = &self.0.db;
        let (actor, s) = own_supplier(db, caller).await?;
        require_active(&s)?;
        match s.status {
            DbSupplierStatus::Draft | DbSupplierStatus::Rejected => {}
            DbSupplierStatus::Pending => return Err(AppError::refused(RefusalCode::AlreadySubmitted)),
            _ => return Err(AppError::refused(RefusalCode::AlreadyApproved)),
        }
        if !missing_for(db, &s).await?.is_empty() {
            return Err(AppError::refused(RefusalCode::ProfileIncomplete));
        }
        let now = Utc::now();
        let txn = begin_write(db).await.or_unexpected()?;
        let res = suppliers::Entity::update_many()
            .col_expr(suppliers::Column::Status, Expr::value(DbSupplierStatus::Pending))
            .col_expr(suppliers::Column::StatusReason, Expr::value(Option::<String>::None))
            .col_expr(suppliers::Column::SubmittedAt, Expr::value(now))
            .col_expr(suppliers::Column::UpdatedAt, Expr::value(now))
            .filter(suppliers::Column::Id.eq(s.id))
            .filter(suppliers::Column::Status.eq(s.status))
            .exec(&txn)
            .await
            .or_unexpected()?;
        if res.rows_affected != 1 {
            return Err(AppError::refused(RefusalCode::SupplierChanged));
        }
        audit::record(
            &txn,
            Some(&actor),
            Entry {
                action: "supplier.submit",
                object_type: "supplier",
                object_id: Some(s.id.to_string()),
                reason: None,
                details: None,
            },
        )
        .await
        .or_unexpected()?;
        txn.commit().await.or_unexpected()
    }
}
