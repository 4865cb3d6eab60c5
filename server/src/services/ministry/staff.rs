//! Staff accounts, managed by admins: create a central or regional officer (or another admin)
//! and disable or enable one. Disabling ends the account's sessions at once.
use super::{moment, region_names};
use crate::auth::{password, session};
use crate::db::begin_write;
use crate::entities::accounts;
use crate::entities::enums::{DbAccountStatus, DbRole};
use crate::services::accounts::{insert_account, NewAccount};
use crate::services::audit::{self, Entry};
use crate::services::{text, Ctx, OrUnexpected};
use app::domain::{Email, RefusalCode, Role, StaffAccountAction};
use app::dto::ministry::StaffAccountRow;
use app::error::{AppError, FieldErrors};
use app::ports::{Caller, NewStaffForm, StaffAccounts};
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;

/// Staff accounts.
pub struct StaffAccountService(pub Ctx);

#[async_trait]
impl StaffAccounts for StaffAccountService {
    async fn staff(&self, caller: &Caller) -> Result<Vec<StaffAccountRow>, AppError> {
        let me = caller.require(&[Role::Admin])?;
        let db = &self.0.db;
        let names = region_names(db, caller.lang).await?;
        let rows = accounts::Entity::find()
            .filter(accounts::Column::Role.is_in([DbRole::Staff, DbRole::Admin]))
            .order_by_asc(accounts::Column::Role)
            .order_by_asc(accounts::Column::DisplayName)
            .all(db)
            .await
            .or_unexpected()?;
        Ok(rows
            .into_iter()
            .map(|a| StaffAccountRow {
                id: a.id,
                is_me: a.id == me.account_id,
                region: a.staff_region.as_ref().map(|r| names.get(r).cloned().unwrap_or_else(|| r.clone())),
                role: a.role.into(),
                status: a.status.into(),
                last_sign_in: a.last_sign_in_at.map(moment),
                second_factor: a.totp_secret.is_some(),
                email: a.email,
                name: a.display_name,
            })
            .collect())
    }

    async fn create(&self, caller: &Caller, form: NewStaffForm) -> Result<i32, AppError> {
        let me = caller.require(&[Role::Admin])?;
        let db = &self.0.db;
        let mut errors = FieldErrors::new();
        let email = errors.check("staff_email", Email::parse(&form.email));
        let name = errors.check("staff_name", text(&form.name, 200));
        let role = errors.check(
            "staff_role",
            match form.role.as_str() {
                "staff" => Ok(Role::Staff),
                "admin" => Ok(Role::Admin),
                _ => Err("required"),
            },
        );
        let region = form.region.trim().to_owned();
        let region = if region.is_empty() { None } else { Some(region) };
        if let Some(r) = &region {
            if !region_names(db, caller.lang).await?.contains_key(r) {
                errors.add("staff_region", "unknown_region");
            } else if role == Some(Role::Admin) {
                errors.add("staff_region", "admin_has_no_region");
            }
        }
        let password = errors.check(
            "staff_password",
            crate::auth::strength::parse(
                &form.password,
                email.as_ref().map(|e| e.as_str()).unwrap_or(""),
                &[form.name.as_str()],
            ),
        );
        if let Some(e) = &email {
            let taken = accounts::Entity::find()
                .filter(accounts::Column::Email.eq(e.as_str()))
                .one(db)
                .await
                .or_unexpected()?;
            if taken.is_some() {
                errors.add("staff_email", "email_taken");
            }
        }
        errors.finish()?;
        let (Some(email), Some(name), Some(role), Some(password)) = (email, name, role, password) else {
            return Err(AppError::refused(RefusalCode::BadRequest));
        };
        let hash = password::hash(password.expose().to_owned()).await?;
        let txn = begin_write(db).await.or_unexpected()?;
        let account = insert_account(
            &txn,
            NewAccount {
                email: &email,
                password_hash: hash,
                role,
                lang: caller.lang,
                display_name: name,
                staff_region: region.clone(),
            },
        )
        .await?;
        audit::record(
            &txn,
            Some(me),
            Entry {
                action: "staff.create",
                object_type: "account",
                object_id: Some(account.id.to_string()),
                reason: None,
                details: Some(json!({ "email": email.as_str(), "role": role.code(), "region": region })),
            },
        )
        .await
        .or_unexpected()?;
        txn.commit().await.or_unexpected()?;
        Ok(account.id)
    }

    async fn set_status(
        &self,
        caller: &Caller,
        account_id: i32,
        action: Option<StaffAccountAction>,
    ) -> Result<(), AppError> {
        let me = caller.require(&[Role::Admin])?;
        let Some(action) = action else { return Err(AppError::refused(RefusalCode::BadRequest)) };
        let to = match action {
            StaffAccountAction::Disable => DbAccountStatus::Disabled,
            StaffAccountAction::Enable => DbAccountStatus::Active,
        };
        if account_id == me.account_id {
            return Err(AppError::refused(RefusalCode::CannotDisableSelf));
        }
        let txn = begin_write(&self.0.db).await.or_unexpected()?;
        let target = accounts::Entity::find_by_id(account_id)
            .filter(accounts::Column::Role.is_in([DbRole::Staff, DbRole::Admin]))
            .one(&txn)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotFound)?;
        if target.status == to {
            return Ok(());
        }
        accounts::Entity::update_many()
            .col_expr(accounts::Column::Status, Expr::value(to))
            .col_expr(accounts::Column::UpdatedAt, Expr::value(Utc::now()))
            .filter(accounts::Column::Id.eq(target.id))
            .exec(&txn)
            .await
            .or_unexpected()?;
        if to == DbAccountStatus::Disabled {
            session::revoke_all(&txn, target.id).await.or_unexpected()?;
        }
        audit::record(
            &txn,
            Some(me),
            Entry {
                action: &format!("staff.{action}"),
                object_type: "account",
                object_id: Some(target.id.to_string()),
                reason: None,
                details: Some(json!({ "email": target.email })),
            },
        )
        .await
        .or_unexpected()?;
        txn.commit().await.or_unexpected()
    }

    async fn reset_second_factor(&self, caller: &Caller, account_id: i32) -> Result<(), AppError> {
        let me = caller.require(&[Role::Admin])?;
        if account_id == me.account_id {
            // Resetting one's own factor would let a stolen admin session drop it.
            return Err(AppError::refused(RefusalCode::CannotResetOwnSecondFactor));
        }
        let txn = begin_write(&self.0.db).await.or_unexpected()?;
        let target = accounts::Entity::find_by_id(account_id)
            .filter(accounts::Column::Role.is_in([DbRole::Staff, DbRole::Admin]))
            .one(&txn)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotFound)?;
        crate::services::security::reset_second_factor(&txn, target.id).await.or_unexpected()?;
        audit::record(
            &txn,
            Some(me),
            Entry {
                action: "staff.second_factor_reset",
                object_type: "account",
                object_id: Some(target.id.to_string()),
                reason: None,
                details: Some(json!({ "email": target.email })),
            },
        )
        .await
        .or_unexpected()?;
        txn.commit().await.or_unexpected()
    }
}
