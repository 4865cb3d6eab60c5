//! Sign-up, sign-in, sign-out and the current account.
use super::{text, Ctx, OrUnexpected};
use crate::auth::{password, session, throttle};
use crate::db::begin_write;
use crate::entities::enums::{DbAccountStatus, DbLang, DbRole, DbSupplierKind, DbSupplierStatus};
use crate::entities::{accounts, recipients, regions, supplier_regions, suppliers};
use app::domain::{Email, Iin, Lang, RefusalCode, Role, TaxId};
use app::dto::Me;
use app::error::{AppError, FieldErrors};
use app::ports::{Accounts, Caller, NextStep, RecipientSignUp, SignedIn, SupplierSignUp};
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, SqlErr};

/// Accounts and sessions.
pub struct AccountService(pub Ctx);

/// What a new account is.
pub struct NewAccount<'a> {
    /// Sign-in e-mail.
    pub email: &'a Email,
    /// Argon2id hash.
    pub password_hash: String,
    /// Role.
    pub role: Role,
    /// Preferred language.
    pub lang: Lang,
    /// Name shown in the header.
    pub display_name: String,
    /// Region of regional staff.
    pub staff_region: Option<String>,
}

/// Inserts an account; an e-mail already in use is reported on the `email` field.
pub async fn insert_account(db: &impl ConnectionTrait, new: NewAccount<'_>) -> Result<accounts::Model, AppError> {
    let now = Utc::now();
    let res = accounts::ActiveModel {
        email: Set(new.email.as_str().to_owned()),
        password_hash: Set(new.password_hash),
        role: Set(new.role.into()),
        language: Set(new.lang.into()),
        status: Set(DbAccountStatus::Active),
        display_name: Set(new.display_name),
        staff_region: Set(new.staff_region),
        created_at: Set(now),
        updated_at: Set(now),
        last_sign_in_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await;
    match res {
        Ok(m) => Ok(m),
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => Err(AppError::field("email", "email_taken")),
        Err(e) => Err(super::unexpected(e)),
    }
}

async fn region_exists(db: &impl ConnectionTrait, code: &str) -> Result<bool, AppError> {
    Ok(regions::Entity::find_by_id(code.to_owned()).one(db).await.or_unexpected()?.is_some())
}

async fn email_in_use(db: &impl ConnectionTrait, email: &Email) -> Result<bool, AppError> {
    Ok(accounts::Entity::find()
        .filter(accounts::Column::Email.eq(email.as_str()))
        .one(db)
        .await
        .or_unexpected()?
        .is_some())
}

impl AccountService {
    /// Starts a session for an account whose password (and, for staff, second factor) was
    /// checked; staff and admins whose second factor is still to come get a waiting session.
    pub(crate) async fn signed_in(&self, account: &accounts::Model, caller: &Caller, second_factor_done: bool) -> Result<SignedIn, AppError> {
        let next = if second_factor_done || !needs_second_factor(account.role) {
            NextStep::Done
        } else if account.totp_secret.is_some() {
            NextStep::SecondFactor
        } else {
            NextStep::SetUpSecondFactor
        };
        let origin = session::Origin { ip: &caller.ip, user_agent: caller.user_agent.as_deref() };
        let token = session::start(&self.0.db, &self.0.tokens, account.id, &origin, next != NextStep::Done).await.or_unexpected()?;
        let me = self.load_me(account.id).await?.ok_or(AppError::NotSignedIn)?;
        Ok(SignedIn { set_cookie: session::cookie(&token, self.0.tokens.ttl_seconds(), caller.secure_cookies), me, next })
    }

    async fn load_me(&self, account_id: i32) -> Result<Option<Me>, AppError> {
        let db = &self.0.db;
        let Some(a) = accounts::Entity::find_by_id(account_id).one(db).await.or_unexpected()? else { return Ok(None) };
        let supplier_status = if a.role == DbRole::Supplier {
            suppliers::Entity::find()
                .filter(suppliers::Column::AccountId.eq(a.id))
                .one(db)
                .await
                .or_unexpected()?
                .map(|s| s.status.into())
        } else {
            None
        };
        Ok(Some(Me {
            account_id: a.id,
            email: a.email,
            display_name: a.display_name,
            role: a.role.into(),
            lang: a.language.into(),
            staff_region: a.staff_region,
            supplier_status,
        }))
    }
}

/// Staff and admins reach personal data of the whole country or a region: they sign in with
/// a second factor.
pub fn needs_second_factor(role: DbRole) -> bool {
    matches!(role, DbRole::Staff | DbRole::Admin)
}

/// The throttle's names for an attempt: (account from this client, this client, the e-mail).
fn throttle_keys(ctx: &Ctx, email: &str, ip: &str) -> (String, String, String) {
    (
        format!("ac:{}", ctx.tokens.keyed("sign-in account+client", &format!("{email}\n{ip}"))),
        format!("c:{}", ctx.tokens.keyed("sign-in client", ip)),
        ctx.tokens.keyed("sign-in e-mail", email),
    )
}

#[async_trait]
impl Accounts for AccountService {
    async fn sign_in(&self, caller: &Caller, email: &str, password: &str) -> Result<SignedIn, AppError> {
        let db = &self.0.db;
        let key = email.trim().to_lowercase();
        let mut errors = FieldErrors::new();
        if key.is_empty() {
            errors.add("email", "required");
        } else if key.chars().count() > 254 {
            errors.add("email", "invalid_email");
        }
        if password.is_empty() {
            errors.add("password", "required");
        } else if password.chars().count() > 1024 {
            errors.add("password", "password_too_long");
        }
        errors.finish()?;
        let (account_key, client_key, email_key) = throttle_keys(&self.0, &key, &caller.ip);
        // Both counters are taken before the password is looked at: parallel guesses each
        // get their own number, and only the first few reach the check.
        let wait = throttle::reserve(db, &account_key, throttle::PER_ACCOUNT_AND_CLIENT).await.or_unexpected()?;
        let wait = if wait > 0 {
            wait
        } else {
            let by_client = throttle::reserve(db, &client_key, throttle::PER_CLIENT).await.or_unexpected()?;
            if by_client > 0 {
                throttle::released(db, &account_key).await.or_unexpected()?;
            }
            by_client
        };
        if wait > 0 {
            throttle::record(db, &email_key, None, &client_key, throttle::Outcome::Throttled).await.or_unexpected()?;
            return Err(AppError::TooManyAttempts(u64::try_from(wait).unwrap_or(0)));
        }
        let found = accounts::Entity::find().filter(accounts::Column::Email.eq(&key)).one(db).await;
        let checked = match found {
            Ok(account) => password::verify(password.to_owned(), account.as_ref().map(|a| a.password_hash.clone())).await.map(|ok| (account, ok)),
            Err(e) => Err(super::unexpected(e)),
        };
        let (account, ok) = match checked {
            Ok(v) => v,
            Err(e) => {
                // Not checked after all (busy, or the database failed): the attempt does not count.
                throttle::released(db, &account_key).await.or_unexpected()?;
                throttle::released(db, &client_key).await.or_unexpected()?;
                return Err(e);
            }
        };
        let account = match account {
            Some(a) if ok && a.status == DbAccountStatus::Active => a,
            other => {
                throttle::failed(db, &account_key).await.or_unexpected()?;
                throttle::failed(db, &client_key).await.or_unexpected()?;
                let disabled = other.as_ref().is_some_and(|a| ok && a.status != DbAccountStatus::Active);
                throttle::record(db, &email_key, other.map(|a| a.id), &client_key, throttle::Outcome::Failure).await.or_unexpected()?;
                return Err(AppError::refused(if disabled { RefusalCode::AccountDisabled } else { RefusalCode::BadCredentials }));
            }
        };
        throttle::succeeded(db, &account_key).await.or_unexpected()?;
        throttle::released(db, &client_key).await.or_unexpected()?;
        throttle::record(db, &email_key, Some(account.id), &client_key, throttle::Outcome::Success).await.or_unexpected()?;
        let mut am: accounts::ActiveModel = account.clone().into();
        am.last_sign_in_at = Set(Some(Utc::now()));
        am.update(db).await.or_unexpected()?;
        self.signed_in(&account, caller, false).await
    }

    async fn sign_up_recipient(&self, caller: &Caller, form: RecipientSignUp) -> Result<SignedIn, AppError> {
        if caller.actor.is_some() {
            return Err(AppError::refused(RefusalCode::AlreadySignedIn));
        }
        let db = &self.0.db;
        let mut errors = FieldErrors::new();
        let full_name = errors.check("full_name", text(&form.full_name, 200));
        let iin = errors.check("iin", if form.iin.trim().is_empty() { Err("required") } else { Iin::parse(&form.iin) });
        let region = errors.check("region", text(&form.region, 8));
        let email = errors.check("email", Email::parse(&form.email));
        let password = errors.check(
            "password",
            crate::auth::strength::parse(&form.password, email.as_ref().map(|e| e.as_str()).unwrap_or(""), &[form.full_name.as_str(), form.iin.as_str()]),
        );
        if let Some(r) = &region {
            if !region_exists(db, r).await? {
                errors.add("region", "unknown_region");
            }
        }
        if let Some(e) = &email {
            if email_in_use(db, e).await? {
                errors.add("email", "email_taken");
            }
        }
        if let Some(i) = &iin {
            let taken = recipients::Entity::find()
                .filter(recipients::Column::Iin.eq(i.as_str()))
                .filter(recipients::Column::AccountId.is_not_null())
                .one(db)
                .await
                .or_unexpected()?;
            if taken.is_some() {
                errors.add("iin", "iin_taken");
            }
        }
        errors.finish()?;
        let (Some(full_name), Some(iin), Some(region), Some(email), Some(password)) = (full_name, iin, region, email, password) else {
            return Err(AppError::refused(RefusalCode::BadRequest));
        };
        let hash = password::hash(password.expose().to_owned()).await?;
        let txn = begin_write(db).await.or_unexpected()?;
        let account = insert_account(
            &txn,
            NewAccount { email: &email, password_hash: hash, role: Role::Recipient, lang: caller.lang, display_name: full_name.clone(), staff_region: None },
        )
        .await?;
        let now = Utc::now();
        // Entitlements may have arrived by IIN before the person signed up: link that row.
        let existing = recipients::Entity::find().filter(recipients::Column::Iin.eq(iin.as_str())).one(&txn).await.or_unexpected()?;
        match existing {
            Some(r) if r.account_id.is_some() => return Err(AppError::field("iin", "iin_taken")),
            Some(r) => {
                let mut am: recipients::ActiveModel = r.into();
                am.account_id = Set(Some(account.id));
                am.full_name = Set(Some(full_name));
                am.region_code = Set(Some(region));
                am.birth_date = Set(iin.birth_date());
                am.updated_at = Set(now);
                am.update(&txn).await.or_unexpected()?;
            }
            None => {
                recipients::ActiveModel {
                    account_id: Set(Some(account.id)),
                    iin: Set(iin.as_str().to_owned()),
                    full_name: Set(Some(full_name)),
                    region_code: Set(Some(region)),
                    disability_group: Set(None),
                    birth_date: Set(iin.birth_date()),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                }
                .insert(&txn)
                .await
                .map_err(|e| match e.sql_err() {
                    Some(SqlErr::UniqueConstraintViolation(_)) => AppError::field("iin", "iin_taken"),
                    _ => super::unexpected(e),
                })?;
            }
        }
        txn.commit().await.or_unexpected()?;
        self.signed_in(&account, caller, false).await
    }

    async fn sign_up_supplier(&self, caller: &Caller, form: SupplierSignUp) -> Result<SignedIn, AppError> {
        if caller.actor.is_some() {
            return Err(AppError::refused(RefusalCode::AlreadySignedIn));
        }
        let db = &self.0.db;
        let mut errors = FieldErrors::new();
        let organisation = errors.check("organisation", text(&form.organisation, 200));
        let tax_id = errors.check("bin", if form.bin.trim().is_empty() { Err("required") } else { TaxId::parse(&form.bin) });
        let region = errors.check("region", text(&form.region, 8));
        let email = errors.check("email", Email::parse(&form.email));
        let password = errors.check(
            "password",
            crate::auth::strength::parse(&form.password, email.as_ref().map(|e| e.as_str()).unwrap_or(""), &[form.organisation.as_str()]),
        );
        if let Some(r) = &region {
            if !region_exists(db, r).await? {
                errors.add("region", "unknown_region");
            }
        }
        if let Some(e) = &email {
            if email_in_use(db, e).await? {
                errors.add("email", "email_taken");
            }
        }
        if let Some(t) = &tax_id {
            let taken = suppliers::Entity::find().filter(suppliers::Column::Bin.eq(t.as_str())).one(db).await.or_unexpected()?;
            if taken.is_some() {
                errors.add("bin", "bin_taken");
            }
        }
        errors.finish()?;
        let (Some(organisation), Some(tax_id), Some(region), Some(email), Some(password)) = (organisation, tax_id, region, email, password) else {
            return Err(AppError::refused(RefusalCode::BadRequest));
        };
        let hash = password::hash(password.expose().to_owned()).await?;
        let txn = begin_write(db).await.or_unexpected()?;
        let account = insert_account(
            &txn,
            NewAccount { email: &email, password_hash: hash, role: Role::Supplier, lang: caller.lang, display_name: organisation.clone(), staff_region: None },
        )
        .await?;
        let now = Utc::now();
        let kind = match tax_id {
            TaxId::Bin(_) => DbSupplierKind::LegalEntity,
            TaxId::Iin(_) => DbSupplierKind::Entrepreneur,
        };
        let supplier = suppliers::ActiveModel {
            account_id: Set(account.id),
            bin: Set(tax_id.as_str().to_owned()),
            kind: Set(kind),
            legal_name: Set(organisation),
            address: Set(None),
            home_region: Set(Some(region.clone())),
            contact_person: Set(None),
            phone: Set(None),
            email: Set(Some(email.as_str().to_owned())),
            // A new supplier completes its profile and documents, then submits them itself;
            // only then does it reach the ministry's queue.
            status: Set(DbSupplierStatus::Draft),
            status_reason: Set(None),
            decided_by: Set(None),
            decided_at: Set(None),
            submitted_at: Set(None),
            approved_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(|e| match e.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => AppError::field("bin", "bin_taken"),
            _ => super::unexpected(e),
        })?;
        supplier_regions::ActiveModel { supplier_id: Set(supplier.id), region_code: Set(region), approved: Set(true) }
            .insert(&txn)
            .await
            .or_unexpected()?;
        txn.commit().await.or_unexpected()?;
        self.signed_in(&account, caller, false).await
    }

    async fn sign_out(&self, caller: &Caller) -> Result<String, AppError> {
        if let Some(actor) = &caller.actor {
            session::revoke(&self.0.db, &actor.session_id).await.or_unexpected()?;
        }
        if let Some(pending) = &caller.pending {
            session::revoke(&self.0.db, &pending.session_id).await.or_unexpected()?;
        }
        Ok(session::clear_cookie(caller.secure_cookies))
    }

    async fn me(&self, caller: &Caller) -> Result<Option<Me>, AppError> {
        match &caller.actor {
            Some(actor) => self.load_me(actor.account_id).await,
            None => Ok(None),
        }
    }
}

/// Stores a language choice on the account.
pub async fn set_language(db: &impl ConnectionTrait, account_id: i32, lang: Lang) -> Result<(), sea_orm::DbErr> {
    accounts::Entity::update_many()
        .col_expr(accounts::Column::Language, sea_orm::sea_query::Expr::value(DbLang::from(lang)))
        .col_expr(accounts::Column::UpdatedAt, sea_orm::sea_query::Expr::value(Utc::now()))
        .filter(accounts::Column::Id.eq(account_id))
        .exec(db)
        .await?;
    Ok(())
}
