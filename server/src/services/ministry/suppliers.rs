//! Supplier approval: the queue, the profile staff review, and the decisions. Each decision
//! changes the supplier, ends its sessions when it loses access, hides or withdraws its
//! offerings, writes the audit entry and tells the supplier, in one transaction.
use super::supplier_offerings::{describe_params, offering_rows};
use super::{count32, day, region_choices, region_names, staff_scope, Scope};
use crate::db::begin_write;
use crate::entities::enums::{DbOfferingStatus, DbSupplierStatus};
use crate::entities::{
    categories, item_types, offerings, supplier_categories, supplier_documents, supplier_regions, suppliers,
};
use crate::services::audit::{self, contains_pattern, Entry};
use crate::services::notices::notify;
use crate::services::paging::one_page;
use crate::services::scope::{supplier_ids_in, suppliers_in};
use crate::services::supplier_status::StatusError;
use crate::services::{text, Ctx, OrUnexpected};
use app::domain::NoticeKind;
use app::domain::{Lang, OfferingAction, OfferingStatus, RefusalCode, ScopeDecision, SupplierDecision, SupplierStatus};
use app::dto::ministry::*;
use app::error::{AppError, FieldErrors};
use app::ports::{Caller, DocumentFile, StaffSuppliers};
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use serde_json::json;

/// Supplier approval and offering moderation.
pub struct StaffSupplierService(pub Ctx);

/// Longest reason kept with a decision.
const REASON_MAX: usize = 2000;

/// Offerings the scope may see.
fn offerings_in(scope: &Scope) -> Select<offerings::Entity> {
    let find = offerings::Entity::find();
    match scope.region() {
        Some(r) => find.filter(offerings::Column::SupplierId.in_subquery(supplier_ids_in(r))),
        None => find,
    }
}

/// Where staff download a supplier's document.
pub fn document_href(supplier_id: i32, document_id: i32) -> String {
    format!("/staff/suppliers/{supplier_id}/documents/{document_id}")
}

#[async_trait]
impl StaffSuppliers for StaffSupplierService {
    async fn document(&self, caller: &Caller, supplier_id: i32, document_id: i32) -> Result<DocumentFile, AppError> {
        super::documents::document(&self.0, caller, supplier_id, document_id).await
    }

    async fn queue(&self, caller: &Caller, filter: SupplierQueueFilter) -> Result<SupplierQueue, AppError> {
        let (_, scope) = staff_scope(caller)?;
        let db = &self.0.db;
        let status = filter.status.unwrap_or(SupplierStatus::Pending);
        let mut find = suppliers_in(&scope).filter(suppliers::Column::Status.eq(DbSupplierStatus::from(status)));
        if let (Scope::Central, Some(r)) = (&scope, filter.region.as_ref().filter(|r| !r.is_empty())) {
            find = find.filter(suppliers::Column::HomeRegion.eq(r.clone()));
        }
        let find = find.order_by_asc(suppliers::Column::SubmittedAt).order_by_asc(suppliers::Column::Id);
        // Part of the name in any case (the folded copy) or of the BIN, counted and paged by
        // the database.
        let q = filter.q.trim();
        let find = if q.is_empty() {
            find
        } else {
            let pattern = contains_pattern(q);
            find.filter(
                Condition::any()
                    .add(suppliers::Column::NameFolded.like(pattern.clone()))
                    .add(suppliers::Column::Bin.like(pattern)),
            )
        };
        let (rows, page) = one_page(db, find, filter.page).await?;
        let ids: Vec<i32> = rows.iter().map(|s| s.id).collect();
        let docs: Vec<i32> = supplier_documents::Entity::find()
            .select_only()
            .column(supplier_documents::Column::SupplierId)
            .filter(supplier_documents::Column::SupplierId.is_in(ids))
            .into_tuple()
            .all(db)
            .await
            .or_unexpected()?;
        let names = region_names(db, caller.lang).await?;
        let now = Utc::now();
        let own_region = scope.region().and_then(|r| names.get(r).cloned());
        Ok(SupplierQueue {
            rows: rows
                .into_iter()
                .map(|s| SupplierRow {
                    id: s.id,
                    region: s.home_region.as_ref().and_then(|r| names.get(r).cloned()).unwrap_or_default(),
                    status: s.status.into(),
                    submitted_on: s.submitted_at.map(day),
                    waiting_days: s.submitted_at.map(|t| (now - t).num_days()),
                    documents: count32(docs.iter().filter(|d| **d == s.id).count()),
                    legal_name: s.legal_name,
                    bin: s.bin,
                })
                .collect(),
            page,
            status,
            own_region,
            regions: if scope == Scope::Central { region_choices(db, caller.lang).await? } else { Vec::new() },
        })
    }

    async fn supplier(&self, caller: &Caller, id: i32, offerings_page: u32) -> Result<SupplierDetail, AppError> {
        let (_, scope) = staff_scope(caller)?;
        let db = &self.0.db;
        let s = suppliers_in(&scope)
            .filter(suppliers::Column::Id.eq(id))
            .one(db)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotFound)?;
        let names = region_names(db, caller.lang).await?;
        let regions = supplier_regions::Entity::find()
            .filter(supplier_regions::Column::SupplierId.eq(id))
            .all(db)
            .await
            .or_unexpected()?;
        let region_list = |approved: bool| -> Vec<String> {
            regions
                .iter()
                .filter(|r| r.approved == approved)
                .filter_map(|r| names.get(&r.region_code).cloned())
                .collect()
        };
        let (served, requested_regions) = (region_list(true), region_list(false));
        let chosen = supplier_categories::Entity::find()
            .filter(supplier_categories::Column::SupplierId.eq(id))
            .all(db)
            .await
            .or_unexpected()?;
        let all_cats = categories::Entity::find()
            .filter(categories::Column::Id.is_in(chosen.iter().map(|c| c.category_id)))
            .order_by_asc(categories::Column::Sort)
            .all(db)
            .await
            .or_unexpected()?;
        let cat_list = |approved: bool| -> Vec<String> {
            all_cats
                .iter()
                .filter(|c| chosen.iter().any(|x| x.category_id == c.id && x.approved == approved))
                .map(|c| c.name(caller.lang).to_owned())
                .collect()
        };
        let (cats, requested_categories) = (cat_list(true), cat_list(false));
        let documents = supplier_documents::Entity::find()
            .filter(supplier_documents::Column::SupplierId.eq(id))
            .order_by_asc(supplier_documents::Column::UploadedAt)
            .all(db)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|d| DocumentView {
                href: document_href(id, d.id),
                id: d.id,
                kind: d.kind.into(),
                file_name: d.file_name,
                size_bytes: d.size_bytes,
                uploaded_on: day(d.uploaded_at),
            })
            .collect();
        let (offers, page) = one_page(
            db,
            offerings::Entity::find().filter(offerings::Column::SupplierId.eq(id)).order_by_asc(offerings::Column::Id),
            offerings_page,
        )
        .await?;
        let history = crate::services::audit::entries_about(db, "supplier", &id.to_string()).await?;
        let status: SupplierStatus = s.status.into();
        Ok(SupplierDetail {
            id: s.id,
            legal_name: s.legal_name,
            bin: s.bin,
            kind: s.kind.into(),
            address: s.address,
            region: s.home_region.as_ref().and_then(|r| names.get(r).cloned()).unwrap_or_default(),
            regions_served: served,
            categories: cats,
            requested_regions,
            requested_categories,
            contact_person: s.contact_person,
            phone: s.phone,
            email: s.email,
            status,
            status_reason: s.status_reason,
            submitted_on: s.submitted_at.map(day),
            decisions: SupplierDecision::open_for(status),
            documents,
            offerings: offering_rows(db, offers, caller.lang).await?,
            page,
            history,
        })
    }

    async fn decide(
        &self,
        caller: &Caller,
        id: i32,
        decision: Option<SupplierDecision>,
        reason: &str,
    ) -> Result<SupplierStatus, AppError> {
        let (actor, scope) = staff_scope(caller)?;
        let mut errors = FieldErrors::new();
        let decision = errors.check("supplier_decision", decision.ok_or("required"));
        let reason = if reason.trim().is_empty() && decision == Some(SupplierDecision::Approve) {
            None
        } else {
            errors.check("decision_reason", text(reason, REASON_MAX))
        };
        errors.finish()?;
        let Some(decision) = decision else { return Err(AppError::refused(RefusalCode::BadRequest)) };
        let txn = begin_write(&self.0.db).await.or_unexpected()?;
        let s = suppliers_in(&scope)
            .filter(suppliers::Column::Id.eq(id))
            .one(&txn)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotFound)?;
        let (from, to) = decision.moves();
        let current: SupplierStatus = s.status.into();
        if !from.contains(&current) {
            return Err(AppError::refused(RefusalCode::DecisionNotOpen));
        }
        crate::services::supplier_status::set_status(&txn, &self.0.links, s.id, to, reason, Some(actor))
            .await
            .map_err(|e| match e {
                StatusError::NotFound => AppError::NotFound,
                StatusError::NotAllowed => AppError::refused(RefusalCode::DecisionNotOpen),
                StatusError::ReasonRequired => AppError::field("decision_reason", "required"),
                StatusError::Incomplete(_) => AppError::refused(RefusalCode::SupplierIncomplete),
                StatusError::Db(e) => crate::services::unexpected(e),
            })?;
        txn.commit().await.or_unexpected()?;
        Ok(to)
    }

    async fn decide_scope(
        &self,
        caller: &Caller,
        id: i32,
        decision: Option<ScopeDecision>,
        reason: &str,
    ) -> Result<(), AppError> {
        let (actor, scope) = staff_scope(caller)?;
        let accept = match decision {
            Some(ScopeDecision::Accept) => true,
            Some(ScopeDecision::Refuse) => false,
            None => return Err(AppError::field("scope_decision", "required")),
        };
        let reason = reason.trim();
        if !accept && reason.is_empty() {
            return Err(AppError::field("scope_reason", "required"));
        }
        if reason.chars().count() > REASON_MAX {
            return Err(AppError::field("scope_reason", "too_long"));
        }
        let txn = begin_write(&self.0.db).await.or_unexpected()?;
        let s = suppliers_in(&scope)
            .filter(suppliers::Column::Id.eq(id))
            .one(&txn)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotFound)?;
        let regions: Vec<String> = supplier_regions::Entity::find()
            .filter(supplier_regions::Column::SupplierId.eq(s.id))
            .filter(supplier_regions::Column::Approved.eq(false))
            .all(&txn)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|r| r.region_code)
            .collect();
        let cats: Vec<i32> = supplier_categories::Entity::find()
            .filter(supplier_categories::Column::SupplierId.eq(s.id))
            .filter(supplier_categories::Column::Approved.eq(false))
            .all(&txn)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|c| c.category_id)
            .collect();
        if regions.is_empty() && cats.is_empty() {
            return Err(AppError::refused(RefusalCode::NoScopeRequest));
        }
        if accept {
            supplier_regions::Entity::update_many()
                .col_expr(supplier_regions::Column::Approved, Expr::value(true))
                .filter(supplier_regions::Column::SupplierId.eq(s.id))
                .exec(&txn)
                .await
                .or_unexpected()?;
            supplier_categories::Entity::update_many()
                .col_expr(supplier_categories::Column::Approved, Expr::value(true))
                .filter(supplier_categories::Column::SupplierId.eq(s.id))
                .exec(&txn)
                .await
                .or_unexpected()?;
        } else {
            supplier_regions::Entity::delete_many()
                .filter(supplier_regions::Column::SupplierId.eq(s.id))
                .filter(supplier_regions::Column::Approved.eq(false))
                .exec(&txn)
                .await
                .or_unexpected()?;
            supplier_categories::Entity::delete_many()
                .filter(supplier_categories::Column::SupplierId.eq(s.id))
                .filter(supplier_categories::Column::Approved.eq(false))
                .exec(&txn)
                .await
                .or_unexpected()?;
        }
        let verb = if accept { "scope_accept" } else { "scope_refuse" };
        crate::services::audit::record(
            &txn,
            Some(actor),
            crate::services::audit::Entry {
                action: &format!("supplier.{verb}"),
                object_type: "supplier",
                object_id: Some(s.id.to_string()),
                reason: (!reason.is_empty()).then(|| reason.to_owned()),
                details: Some(serde_json::json!({ "regions": regions, "category_ids": cats })),
            },
        )
        .await
        .or_unexpected()?;
        let kind = if accept { NoticeKind::SupplierScopeAccept } else { NoticeKind::SupplierScopeRefuse };
        notify(&txn, &self.0.links, s.account_id, kind, None, serde_json::json!({ "reason": reason }))
            .await
            .or_unexpected()?;
        txn.commit().await.or_unexpected()
    }

    async fn offering(&self, caller: &Caller, id: i32) -> Result<StaffOfferingDetail, AppError> {
        let (_, scope) = staff_scope(caller)?;
        let db = &self.0.db;
        let o = offerings_in(&scope)
            .filter(offerings::Column::Id.eq(id))
            .one(db)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotFound)?;
        let lang = caller.lang;
        let supplier =
            suppliers::Entity::find_by_id(o.supplier_id).one(db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
        let it = item_types::Entity::find_by_id(o.item_type_id).one(db).await.or_unexpected()?;
        let params = it.map(|t| describe_params(&t.param_schema, &o.params, lang)).unwrap_or_default();
        let names = region_names(db, lang).await?;
        let regions: Vec<String> = crate::entities::offering_regions::Entity::find()
            .filter(crate::entities::offering_regions::Column::OfferingId.eq(o.id))
            .all(db)
            .await
            .or_unexpected()?
            .into_iter()
            .filter_map(|r| names.get(&r.region_code).cloned())
            .collect();
        let description = match lang {
            Lang::Kk => o.description_kk.clone(),
            Lang::Ru => o.description_ru.clone(),
            Lang::En => o.description_en.clone().unwrap_or_else(|| o.description_ru.clone()),
        };
        let supplier_id = o.supplier_id;
        let row = offering_rows(db, vec![o], lang).await?.into_iter().next().ok_or(AppError::NotFound)?;
        Ok(StaffOfferingDetail {
            offering: row,
            supplier_id,
            supplier: supplier.legal_name,
            description,
            params,
            regions,
        })
    }

    async fn moderate_offering(
        &self,
        caller: &Caller,
        id: i32,
        action: Option<OfferingAction>,
        reason: &str,
    ) -> Result<i32, AppError> {
        let (actor, scope) = staff_scope(caller)?;
        let mut errors = FieldErrors::new();
        let block = errors.check(
            "offering_action",
            match action {
                Some(OfferingAction::Block) => Ok(true),
                Some(OfferingAction::Unblock) => Ok(false),
                _ => Err("required"),
            },
        );
        let reason = errors.check("moderation_reason", text(reason, REASON_MAX));
        errors.finish()?;
        let (Some(block), Some(reason)) = (block, reason) else {
            return Err(AppError::refused(RefusalCode::BadRequest));
        };
        let txn = begin_write(&self.0.db).await.or_unexpected()?;
        let o = offerings_in(&scope)
            .filter(offerings::Column::Id.eq(id))
            .one(&txn)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotFound)?;
        let (allowed, to): (&[DbOfferingStatus], DbOfferingStatus) = if block {
            (
                &[DbOfferingStatus::Draft, DbOfferingStatus::Published, DbOfferingStatus::Withdrawn],
                DbOfferingStatus::Blocked,
            )
        } else {
            // Unblocked offerings go back to draft: the supplier corrects and publishes again.
            (&[DbOfferingStatus::Blocked], DbOfferingStatus::Draft)
        };
        if !allowed.contains(&o.status) {
            return Err(AppError::refused(if block {
                RefusalCode::OfferingAlreadyBlocked
            } else {
                RefusalCode::OfferingNotBlocked
            }));
        }
        let now = Utc::now();
        let res = offerings::Entity::update_many()
            .col_expr(offerings::Column::Status, Expr::value(to))
            .col_expr(offerings::Column::StatusReason, Expr::value(Some(reason.clone())))
            .col_expr(offerings::Column::UpdatedAt, Expr::value(now))
            .filter(offerings::Column::Id.eq(o.id))
            .filter(offerings::Column::Status.eq(o.status))
            .exec(&txn)
            .await
            .or_unexpected()?;
        if res.rows_affected != 1 {
            return Err(AppError::refused(RefusalCode::OfferingStatusChanged));
        }
        let code = if block { "block" } else { "unblock" };
        let from: OfferingStatus = o.status.into();
        audit::record(
            &txn,
            Some(actor),
            Entry {
                action: &format!("offering.{code}"),
                object_type: "offering",
                object_id: Some(o.id.to_string()),
                reason: Some(reason.clone()),
                details: Some(json!({ "supplier_id": o.supplier_id, "from": from.code(), "title": o.title_ru })),
            },
        )
        .await
        .or_unexpected()?;
        if let Some(account) =
            crate::services::order_flow::supplier_account(&txn, o.supplier_id).await.or_unexpected()?
        {
            let params = json!({ "offering_id": o.id, "title": o.title_ru, "reason": reason });
            let kind = if block { NoticeKind::OfferingBlocked } else { NoticeKind::OfferingUnblocked };
            notify(&txn, &self.0.links, account, kind, None, params).await.or_unexpected()?;
        }
        txn.commit().await.or_unexpected()?;
        Ok(o.supplier_id)
    }
}
