//! Sign-up, sign-in, sign-out and the current account.
use super::identity;
use super::{text, Ctx, OrUnexpected};
use crate::auth::{password, session, throttle};
use crate::db::begin_write;
use crate::entities::enums::{DbAccountStatus, DbLang, DbRole, DbSupplierKind, DbSupplierStatus};
use crate::entities::{accounts, identity_claims, regions, supplier_regions, suppliers};
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

/// Inserts an account made by someone trusted (the command line, an admin, staff): its
/// e-mail counts as confirmed. An e-mail already in use is reported on the `email` field.
pub async fn insert_account(db: &impl ConnectionTrait, new: NewAccount<'_>) -> Result<accounts::Model, AppError> {
    insert(db, new, true).await
}

async fn insert(db: &impl ConnectionTrait, new: NewAccount<'_>, confirmed: bool) -> Result<accounts::Model, AppError> {
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
        email_confirmed_at: Set(confirmed.then_some(now)),
        ..Default::default()
    }
    .insert(db)
    .await;
    match res {
        Ok(m) => Ok(m),
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            Err(AppError::field("email", "email_taken"))
        }
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
    pub(crate) async fn signed_in(
        &self,
        account: &accounts::Model,
        caller: &Caller,
        second_factor_done: bool,
    ) -> Result<SignedIn, AppError> {
        let next = if second_factor_done || !needs_second_factor(account.role) {
            NextStep::Done
        } else if account.totp_secret.is_some() {
            NextStep::SecondFactor
        } else {
            NextStep::SetUpSecondFactor
        };
        let origin = session::Origin { ip: &caller.ip, user_agent: caller.user_agent.as_deref() };
        let token = session::start(&self.0.db, &self.0.tokens, account.id, &origin, next != NextStep::Done)
            .await
            .or_unexpected()?;
        let me = self.load_me(account.id).await?.ok_or(AppError::NotSignedIn)?;
        Ok(SignedIn {
            set_cookie: session::cookie(&token, self.0.tokens.ttl_seconds(), caller.secure_cookies),
            me,
            next,
        })
    }

    /// Makes an account waiting for its e-mail to be confirmed, or, when the address has an
    /// account already, writes to that address instead (`None`): whoever signed up is told
    /// the same either way, and only the address's owner learns which it was.
    async fn insert_or_tell_owner(
        &self,
        txn: &impl ConnectionTrait,
        new: NewAccount<'_>,
    ) -> Result<Option<accounts::Model>, AppError> {
        let (email, lang) = (new.email.clone(), new.lang);
        if email_in_use(txn, &email).await? {
            identity::send_already_registered(&self.0, txn, email.as_str(), lang).await?;
            return Ok(None);
        }
        match insert(txn, new, false).await {
            Ok(account) => Ok(Some(account)),
            // Taken a moment ago by a parallel sign-up, whose owner is written to already.
            Err(AppError::Invalid(_)) => Ok(None),
            Err(e) => Err(e),
        }
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
            Ok(account) => password::verify(password.to_owned(), account.as_ref().map(|a| a.password_hash.clone()))
                .await
                .map(|ok| (account, ok)),
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
                throttle::record(db, &email_key, other.map(|a| a.id), &client_key, throttle::Outcome::Failure)
                    .await
                    .or_unexpected()?;
                return Err(AppError::refused(if disabled {
                    RefusalCode::AccountDisabled
                } else {
                    RefusalCode::BadCredentials
                }));
            }
        };
        // Recorded before its counter starts again: every attempt that took a number after the
        // fresh start is recorded after this success, so the record shows the order.
        throttle::record(db, &email_key, Some(account.id), &client_key, throttle::Outcome::Success)
            .await
            .or_unexpected()?;
        throttle::succeeded(db, &account_key).await.or_unexpected()?;
        throttle::released(db, &client_key).await.or_unexpected()?;
        if account.email_confirmed_at.is_none() {
            // The right password, an address not proven yet: a fresh link, at most every few minutes.
            if !identity::confirmation_sent_lately(db, account.id).await? {
                let txn = begin_write(db).await.or_unexpected()?;
                identity::send_confirmation(&self.0, &txn, &account).await?;
                txn.commit().await.or_unexpected()?;
            }
            return Err(AppError::refused(RefusalCode::EmailNotConfirmed));
        }
        let mut am: accounts::ActiveModel = account.clone().into();
        am.last_sign_in_at = Set(Some(Utc::now()));
        am.update(db).await.or_unexpected()?;
        self.signed_in(&account, caller, false).await
    }

    async fn sign_up_recipient(&self, caller: &Caller, form: RecipientSignUp) -> Result<(), AppError> {
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
            crate::auth::strength::parse(
                &form.password,
                email.as_ref().map(|e| e.as_str()).unwrap_or(""),
                &[form.full_name.as_str(), form.iin.as_str()],
            ),
        );
        if let Some(r) = &region {
            if !region_exists(db, r).await? {
                errors.add("region", "unknown_region");
            }
        }
        errors.finish()?;
        let (Some(full_name), Some(iin), Some(region), Some(email), Some(password)) =
            (full_name, iin, region, email, password)
        else {
            return Err(AppError::refused(RefusalCode::BadRequest));
        };
        // Hashed whether or not the account is made, so the answer takes as long either way.
        let hash = password::hash(password.expose().to_owned()).await?;
        let txn = begin_write(db).await.or_unexpected()?;
        let new = NewAccount {
            email: &email,
            password_hash: hash,
            role: Role::Recipient,
            lang: caller.lang,
            display_name: full_name.clone(),
            staff_region: None,
        };
        let Some(account) = self.insert_or_tell_owner(&txn, new).await? else {
            return txn.commit().await.or_unexpected();
        };
        // The IIN is a claim to prove, never a link: nothing of that person opens until then.
        identity_claims::ActiveModel {
            account_id: Set(account.id),
            iin: Set(iin.as_str().to_owned()),
            full_name: Set(full_name),
            region_code: Set(region),
            created_at: Set(Utc::now()),
        }
        .insert(&txn)
        .await
        .or_unexpected()?;
        identity::send_confirmation(&self.0, &txn, &account).await?;
        txn.commit().await.or_unexpected()
    }

    async fn sign_up_supplier(&self, caller: &Caller, form: SupplierSignUp) -> Result<(), AppError> {
        if caller.actor.is_some() {
            return Err(AppError::refused(RefusalCode::AlreadySignedIn));
        }
        let db = &self.0.db;
        let mut errors = FieldErrors::new();
        let organisation = errors.check("organisation", text(&form.organisation, 200));
        let tax_id =
            errors.check("bin", if form.bin.trim().is_empty() { Err("required") } else { TaxId::parse(&form.bin) });
        let region = errors.check("region", text(&form.region, 8));
        let email = errors.check("email", Email::parse(&form.email));
        let password = errors.check(
            "password",
            crate::auth::strength::parse(
                &form.password,
                email.as_ref().map(|e| e.as_str()).unwrap_or(""),
                &[form.organisation.as_str()],
            ),
        );
        if let Some(r) = &region {
            if !region_exists(db, r).await? {
                errors.add("region", "unknown_region");
            }
        }
        // A BIN is in the public register: saying it is taken reveals nothing private.
        if let Some(t) = &tax_id {
            let taken = suppliers::Entity::find()
                .filter(suppliers::Column::Bin.eq(t.as_str()))
                .one(db)
                .await
                .or_unexpected()?;
            if taken.is_some() {
                errors.add("bin", "bin_taken");
            }
        }
        errors.finish()?;
        let (Some(organisation), Some(tax_id), Some(region), Some(email), Some(password)) =
            (organisation, tax_id, region, email, password)
        else {
            return Err(AppError::refused(RefusalCode::BadRequest));
        };
        let hash = password::hash(password.expose().to_owned()).await?;
        let txn = begin_write(db).await.or_unexpected()?;
        let new = NewAccount {
            email: &email,
            password_hash: hash,
            role: Role::Supplier,
            lang: caller.lang,
            display_name: organisation.clone(),
            staff_region: None,
        };
        let Some(account) = self.insert_or_tell_owner(&txn, new).await? else {
            return txn.commit().await.or_unexpected();
        };
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
        identity::send_confirmation(&self.0, &txn, &account).await?;
        txn.commit().await.or_unexpected()
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
