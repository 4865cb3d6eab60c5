//! One's own account: the second factor of staff and admins (set up, checked, recovery
//! codes), the password, and the list of one's sessions with "sign out everywhere".
use super::accounts::AccountService;
use super::audit::{self, Entry};
use super::present::moment;
use super::{Ctx, OrUnexpected};
use crate::auth::{password, second_factor, session, strength, throttle};
use crate::db::begin_write;
use crate::entities::{accounts, recovery_codes, sessions};
use app::domain::{RefusalCode, Role};
use app::dto::account::{AccountView, SecondFactorKey, SessionView};
use app::error::AppError;
use app::ports::{Actor, Caller, Enrolled, PendingSecondFactor, Security, SignedIn};
use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

/// One's own account.
pub struct SecurityService(pub Ctx);

fn now_seconds() -> u64 {
    u64::try_from(Utc::now().timestamp()).unwrap_or(0)
}

/// The account behind an audit entry it writes about itself.
fn as_actor(a: &accounts::Model, session_id: &str) -> Actor {
    Actor {
        account_id: a.id,
        role: a.role.into(),
        display_name: a.display_name.clone(),
        session_id: session_id.to_owned(),
        staff_region: a.staff_region.clone(),
        unread: 0,
    }
}

/// Sessions that can still be used: not revoked, renewed within a token's lifetime, younger
/// than the absolute limit.
fn open_sessions(ctx: &Ctx, account_id: i32) -> sea_orm::Select<sessions::Entity> {
    let now = Utc::now();
    sessions::Entity::find()
        .filter(sessions::Column::AccountId.eq(account_id))
        .filter(sessions::Column::RevokedAt.is_null())
        .filter(sessions::Column::MfaPending.eq(false))
        .filter(sessions::Column::LastSeenAt.gt(now - Duration::seconds(ctx.tokens.ttl_seconds())))
        .filter(sessions::Column::CreatedAt.gt(now - Duration::hours(session::ABSOLUTE_HOURS)))
}

impl SecurityService {
    /// The waiting session of the caller and its account.
    async fn waiting(&self, caller: &Caller) -> Result<(PendingSecondFactor, accounts::Model), AppError> {
        // Only a session waiting for its second factor uses these; a signed-in account has no
        // business here, a visitor must sign in first.
        if caller.actor.is_some() {
            return Err(AppError::Forbidden);
        }
        let pending = caller.pending.clone().ok_or(AppError::NotSignedIn)?;
        let account = accounts::Entity::find_by_id(pending.account_id)
            .one(&self.0.db)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotSignedIn)?;
        Ok((pending, account))
    }

    /// Takes a number on the second-factor counter of an account; refuses while it must wait.
    async fn reserve(&self, key: &str) -> Result<(), AppError> {
        let wait = throttle::reserve(&self.0.db, key, throttle::PER_SECOND_FACTOR).await.or_unexpected()?;
        if wait > 0 {
            return Err(AppError::TooManyAttempts(u64::try_from(wait).unwrap_or(0)));
        }
        Ok(())
    }

    /// A wrong code: it counts, and the field says so.
    async fn wrong_code(&self, key: &str) -> AppError {
        if let Err(e) = throttle::failed(&self.0.db, key).await {
            return super::unexpected(e);
        }
        AppError::field("code", "second_factor_code_wrong")
    }

    /// The waiting session ends and a full one begins (a new id: nothing carries over).
    async fn finish(
        &self,
        caller: &Caller,
        pending: &PendingSecondFactor,
        account: &accounts::Model,
    ) -> Result<SignedIn, AppError> {
        session::revoke(&self.0.db, &pending.session_id).await.or_unexpected()?;
        AccountService(self.0.clone()).signed_in(account, caller, true).await
    }
}

/// The second-factor counter's name for an account.
fn second_factor_key(ctx: &Ctx, account_id: i32) -> String {
    format!("2f:{}", ctx.tokens.keyed("second factor", &account_id.to_string()))
}

#[async_trait]
impl Security for SecurityService {
    async fn second_factor_setup(&self, caller: &Caller) -> Result<SecondFactorKey, AppError> {
        let (pending, account) = self.waiting(caller).await?;
        if account.totp_secret.is_some() {
            return Err(AppError::refused(RefusalCode::SecondFactorAlreadySetUp));
        }
        let db = &self.0.db;
        // One secret per set-up: a reload (or a second tab) shows the same one, so the code
        // from an app that scanned the first still works.
        accounts::Entity::update_many()
            .col_expr(accounts::Column::TotpPendingSecret, Expr::value(second_factor::new_secret()))
            .filter(accounts::Column::Id.eq(pending.account_id))
            .filter(accounts::Column::TotpPendingSecret.is_null())
            .exec(db)
            .await
            .or_unexpected()?;
        let secret = accounts::Entity::find_by_id(pending.account_id)
            .one(db)
            .await
            .or_unexpected()?
            .and_then(|a| a.totp_pending_secret)
            .ok_or(AppError::NotSignedIn)?;
        let url = second_factor::otpauth_url(&secret, &account.email);
        Ok(SecondFactorKey {
            account: account.email,
            secret: second_factor::grouped(&secret),
            qr_svg: second_factor::qr_svg(&url).ok_or_else(|| super::unexpected("drawing the QR code"))?,
        })
    }

    async fn second_factor_enrol(&self, caller: &Caller, code: &str) -> Result<Enrolled, AppError> {
        let (pending, account) = self.waiting(caller).await?;
        if account.totp_secret.is_some() {
            return Err(AppError::refused(RefusalCode::SecondFactorAlreadySetUp));
        }
        if code.trim().is_empty() {
            return Err(AppError::field("code", "required"));
        }
        let secret =
            account.totp_pending_secret.clone().ok_or(AppError::refused(RefusalCode::SecondFactorSetupExpired))?;
        let key = second_factor_key(&self.0, account.id);
        self.reserve(&key).await?;
        let Some(step) = second_factor::matching_step(&secret, code, now_seconds(), None) else {
            return Err(self.wrong_code(&key).await);
        };
        let codes = second_factor::new_recovery_codes();
        let now = Utc::now();
        let txn = begin_write(&self.0.db).await.or_unexpected()?;
        let set = accounts::Entity::update_many()
            .col_expr(accounts::Column::TotpSecret, Expr::value(secret.clone()))
            .col_expr(accounts::Column::TotpPendingSecret, Expr::value(Option::<String>::None))
            .col_expr(accounts::Column::TotpEnabledAt, Expr::value(now))
            .col_expr(accounts::Column::TotpLastStep, Expr::value(step))
            .col_expr(accounts::Column::UpdatedAt, Expr::value(now))
            .filter(accounts::Column::Id.eq(account.id))
            .filter(accounts::Column::TotpSecret.is_null())
            .filter(accounts::Column::TotpPendingSecret.eq(secret))
            .exec(&txn)
            .await
            .or_unexpected()?;
        if set.rows_affected != 1 {
            return Err(AppError::refused(RefusalCode::SecondFactorAlreadySetUp));
        }
        replace_recovery_codes(&txn, account.id, &codes).await.or_unexpected()?;
        let actor = as_actor(&account, &pending.session_id);
        audit::record(
            &txn,
            Some(&actor),
            Entry {
                action: "account.second_factor_set_up",
                object_type: "account",
                object_id: Some(account.id.to_string()),
                reason: None,
                details: None,
            },
        )
        .await
        .or_unexpected()?;
        txn.commit().await.or_unexpected()?;
        throttle::succeeded(&self.0.db, &key).await.or_unexpected()?;
        let signed_in = self.finish(caller, &pending, &account).await?;
        Ok(Enrolled { signed_in, recovery_codes: codes })
    }

    async fn second_factor_verify(&self, caller: &Caller, code: &str) -> Result<SignedIn, AppError> {
        let (pending, account) = self.waiting(caller).await?;
        let Some(secret) = account.totp_secret.clone() else {
            return Err(AppError::refused(RefusalCode::SecondFactorNotSetUp));
        };
        if code.trim().is_empty() {
            return Err(AppError::field("code", "required"));
        }
        let key = second_factor_key(&self.0, account.id);
        self.reserve(&key).await?;
        let db = &self.0.db;
        let accepted = if second_factor::is_recovery_code(code) {
            // Spent in one conditional update, so two requests cannot both use one code.
            let spent = recovery_codes::Entity::update_many()
                .col_expr(recovery_codes::Column::UsedAt, Expr::value(Utc::now()))
                .filter(recovery_codes::Column::AccountId.eq(account.id))
                .filter(recovery_codes::Column::CodeHash.eq(second_factor::recovery_hash(code)))
                .filter(recovery_codes::Column::UsedAt.is_null())
                .exec(db)
                .await
                .or_unexpected()?;
            if spent.rows_affected == 1 {
                let actor = as_actor(&account, &pending.session_id);
                audit::record(
                    db,
                    Some(&actor),
                    Entry {
                        action: "account.recovery_code_used",
                        object_type: "account",
                        object_id: Some(account.id.to_string()),
                        reason: None,
                        details: None,
                    },
                )
                .await
                .or_unexpected()?;
            }
            spent.rows_affected == 1
        } else {
            match second_factor::matching_step(&secret, code, now_seconds(), account.totp_last_step) {
                // The step moves forward only if no other request took it first: a code is used once.
                Some(step) => {
                    accounts::Entity::update_many()
                        .col_expr(accounts::Column::TotpLastStep, Expr::value(step))
                        .filter(accounts::Column::Id.eq(account.id))
                        .filter(
                            Condition::any()
                                .add(accounts::Column::TotpLastStep.is_null())
                                .add(accounts::Column::TotpLastStep.lt(step)),
                        )
                        .exec(db)
                        .await
                        .or_unexpected()?
                        .rows_affected
                        == 1
                }
                None => false,
            }
        };
        if !accepted {
            return Err(self.wrong_code(&key).await);
        }
        throttle::succeeded(db, &key).await.or_unexpected()?;
        self.finish(caller, &pending, &account).await
    }

    async fn account(&self, caller: &Caller) -> Result<AccountView, AppError> {
        let actor = caller.signed_in()?;
        let db = &self.0.db;
        let a = accounts::Entity::find_by_id(actor.account_id)
            .one(db)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotSignedIn)?;
        let codes = recovery_codes::Entity::find()
            .filter(recovery_codes::Column::AccountId.eq(a.id))
            .filter(recovery_codes::Column::UsedAt.is_null())
            .count(db)
            .await
            .or_unexpected()?;
        let open = open_sessions(&self.0, a.id).count(db).await.or_unexpected()?;
        Ok(AccountView {
            email: a.email,
            display_name: a.display_name,
            role: a.role.into(),
            second_factor_since: a.totp_enabled_at.map(moment),
            recovery_codes_left: u32::try_from(codes).unwrap_or(u32::MAX),
            password_changed: a.password_changed_at.map(moment),
            open_sessions: u32::try_from(open).unwrap_or(u32::MAX),
        })
    }

    async fn change_password(&self, caller: &Caller, current: &str, new: &str) -> Result<(), AppError> {
        let actor = caller.signed_in()?;
        let db = &self.0.db;
        let account = accounts::Entity::find_by_id(actor.account_id)
            .one(db)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotSignedIn)?;
        let mut errors = app::error::FieldErrors::new();
        if current.is_empty() {
            errors.add("current_password", "required");
        }
        let parsed =
            errors.check("new_password", strength::parse(new, &account.email, &[account.display_name.as_str()]));
        if !current.is_empty() && current == new {
            errors.add("new_password", "password_same_as_current");
        }
        errors.finish()?;
        let Some(parsed) = parsed else { return Err(AppError::refused(RefusalCode::BadRequest)) };
        // Guessing the current password through this form is throttled like signing in.
        let key = format!("pw:{}", self.0.tokens.keyed("password change", &account.id.to_string()));
        let wait = throttle::reserve(db, &key, throttle::PER_ACCOUNT_AND_CLIENT).await.or_unexpected()?;
        if wait > 0 {
            return Err(AppError::TooManyAttempts(u64::try_from(wait).unwrap_or(0)));
        }
        let ok = match password::verify(current.to_owned(), Some(account.password_hash.clone())).await {
            Ok(ok) => ok,
            Err(e) => {
                throttle::released(db, &key).await.or_unexpected()?;
                return Err(e);
            }
        };
        if !ok {
            throttle::failed(db, &key).await.or_unexpected()?;
            return Err(AppError::field("current_password", "current_password_wrong"));
        }
        throttle::succeeded(db, &key).await.or_unexpected()?;
        let hash = password::hash(parsed.expose().to_owned()).await?;
        let now = Utc::now();
        let txn = begin_write(db).await.or_unexpected()?;
        accounts::Entity::update_many()
            .col_expr(accounts::Column::PasswordHash, Expr::value(hash))
            .col_expr(accounts::Column::PasswordChangedAt, Expr::value(now))
            .col_expr(accounts::Column::UpdatedAt, Expr::value(now))
            .filter(accounts::Column::Id.eq(account.id))
            .exec(&txn)
            .await
            .or_unexpected()?;
        session::revoke_others(&txn, account.id, &actor.session_id).await.or_unexpected()?;
        audit::record(
            &txn,
            Some(actor),
            Entry {
                action: "account.password_change",
                object_type: "account",
                object_id: Some(account.id.to_string()),
                reason: None,
                details: None,
            },
        )
        .await
        .or_unexpected()?;
        txn.commit().await.or_unexpected()
    }

    async fn sessions(&self, caller: &Caller) -> Result<Vec<SessionView>, AppError> {
        let actor = caller.signed_in()?;
        let rows = open_sessions(&self.0, actor.account_id)
            .order_by_desc(sessions::Column::CreatedAt)
            .limit(50)
            .all(&self.0.db)
            .await
            .or_unexpected()?;
        Ok(rows
            .into_iter()
            .map(|s| SessionView {
                started: moment(s.created_at),
                last_seen: moment(s.last_seen_at),
                ip: s.ip.unwrap_or_default(),
                browser: s.user_agent.unwrap_or_default(),
                current: s.id == actor.session_id,
            })
            .collect())
    }

    async fn sign_out_others(&self, caller: &Caller) -> Result<(), AppError> {
        let actor = caller.signed_in()?;
        let txn = begin_write(&self.0.db).await.or_unexpected()?;
        session::revoke_others(&txn, actor.account_id, &actor.session_id).await.or_unexpected()?;
        audit::record(
            &txn,
            Some(actor),
            Entry {
                action: "account.sign_out_others",
                object_type: "account",
                object_id: Some(actor.account_id.to_string()),
                reason: None,
                details: None,
            },
        )
        .await
        .or_unexpected()?;
        txn.commit().await.or_unexpected()
    }

    async fn sign_out_everywhere(&self, caller: &Caller) -> Result<String, AppError> {
        let actor = caller.signed_in()?;
        let txn = begin_write(&self.0.db).await.or_unexpected()?;
        session::revoke_all(&txn, actor.account_id).await.or_unexpected()?;
        audit::record(
            &txn,
            Some(actor),
            Entry {
                action: "account.sign_out_everywhere",
                object_type: "account",
                object_id: Some(actor.account_id.to_string()),
                reason: None,
                details: None,
            },
        )
        .await
        .or_unexpected()?;
        txn.commit().await.or_unexpected()?;
        Ok(session::clear_cookie(caller.secure_cookies))
    }
}

/// Replaces an account's recovery codes with `codes` (stored hashed).
pub async fn replace_recovery_codes(
    db: &impl ConnectionTrait,
    account_id: i32,
    codes: &[String],
) -> Result<(), sea_orm::DbErr> {
    recovery_codes::Entity::delete_many().filter(recovery_codes::Column::AccountId.eq(account_id)).exec(db).await?;
    let now = Utc::now();
    for code in codes {
        recovery_codes::ActiveModel {
            account_id: Set(account_id),
            code_hash: Set(second_factor::recovery_hash(code)),
            created_at: Set(now),
            used_at: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Clears an account's second factor and recovery codes and ends its sessions (an admin's
/// decision after a lost phone, or the operator's from the command line), in `db`'s
/// transaction. Returns whether the account is staff or an admin.
pub async fn reset_second_factor(db: &impl ConnectionTrait, account_id: i32) -> Result<bool, sea_orm::DbErr> {
    let Some(a) = accounts::Entity::find_by_id(account_id).one(db).await? else { return Ok(false) };
    if !matches!(Role::from(a.role), Role::Staff | Role::Admin) {
        return Ok(false);
    }
    accounts::Entity::update_many()
        .col_expr(accounts::Column::TotpSecret, Expr::value(Option::<String>::None))
        .col_expr(accounts::Column::TotpPendingSecret, Expr::value(Option::<String>::None))
        .col_expr(accounts::Column::TotpEnabledAt, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(accounts::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(accounts::Column::Id.eq(account_id))
        .exec(db)
        .await?;
    recovery_codes::Entity::delete_many().filter(recovery_codes::Column::AccountId.eq(account_id)).exec(db).await?;
    session::revoke_all(db, account_id).await?;
    Ok(true)
}
