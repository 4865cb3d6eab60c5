//! Identity before a record opens.
//!
//! Typing an IIN at sign-up proves nothing: the account keeps it as a *claim*
//! (`identity_claims`) and sees nothing of that person until it proves it, by
//! - a six-digit code sent by SMS to the phone number on the government record for that IIN
//!   (10 minutes), or
//! - an activation letter a regional officer prints after seeing the person (or their legal
//!   representative) in person (30 days; audited).
//!
//! A legal representative is linked to a person only by an imported record or by such a
//! letter, never by typing the person's IIN. Every code is stored as a keyed hash, expires,
//! is used once, and wrong codes are throttled like passwords.
use super::audit::{self, Entry};
use super::scope::{staff_scope, Scope};
use super::{Ctx, OrUnexpected};
use crate::auth::{password, session, strength, throttle};
use crate::db::begin_write;
use crate::entities::enums::{DbAccountStatus, DbRole};
use crate::entities::{accounts, identity_claims, one_time_codes, recipients, representatives};
use crate::messages::{self, Outgoing};
use app::domain::{Email, Iin, Lang, LetterFor, RefusalCode, Role};
use app::dto::account::{ActivationLetterView, IdentityView};
use app::error::AppError;
use app::ports::{Caller, Identity};
use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// E-mail confirmation and proof of identity.
pub struct IdentityService(pub Ctx);

/// What a one-time code is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The link that confirms an e-mail address.
    EmailConfirm,
    /// A code by SMS to the phone on a person's record.
    ClaimSms,
    /// An activation letter from a regional officer.
    ClaimLetter,
    /// The link that sets a new password.
    PasswordReset,
    /// A code by SMS that sets a new password.
    ResetSms,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::EmailConfirm => "email_confirm",
            Purpose::ClaimSms => "claim_sms",
            Purpose::ClaimLetter => "claim_letter",
            Purpose::PasswordReset => "password_reset",
            Purpose::ResetSms => "reset_sms",
        }
    }

    fn lifetime(self) -> Duration {
        match self {
            Purpose::EmailConfirm => Duration::hours(48),
            Purpose::ClaimSms => Duration::minutes(10),
            Purpose::ClaimLetter => Duration::days(30),
            Purpose::PasswordReset => Duration::hours(1),
            Purpose::ResetSms => Duration::minutes(10),
        }
    }
}

/// Letters are typed from paper: no letters or digits that look alike.
const LETTER_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// The keyed hash a code is stored as (a six-digit SMS code is hashed with its account, so
/// the same digits for two accounts are two different rows).
fn code_hash(ctx: &Ctx, purpose: Purpose, scope: &str, code: &str) -> String {
    ctx.tokens.keyed("one-time code", &format!("{}\n{scope}\n{code}", purpose.code()))
}

/// A fresh random link token (256 bits).
fn link_token() -> String {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// A fresh six-digit code.
fn sms_code() -> String {
    format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000u32))
}

/// A fresh letter code, `XXXX-XXXX-XXXX` (60 bits).
fn letter_code() -> String {
    let mut rng = rand::rngs::OsRng;
    let chars: Vec<char> =
        (0..12).map(|_| char::from(LETTER_ALPHABET[rng.gen_range(0..LETTER_ALPHABET.len())])).collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// A code as typed, in the form it was hashed in: digits for SMS codes, the letter's
/// characters in capitals without spaces or dashes.
fn normalise(typed: &str) -> String {
    typed.chars().filter(|c| !c.is_whitespace() && *c != '-').flat_map(char::to_uppercase).collect()
}

/// Stores a one-time code; returns its row.
async fn store<C: ConnectionTrait>(
    db: &C,
    hash: String,
    purpose: Purpose,
    account_id: Option<i32>,
    recipient_id: Option<i32>,
    as_representative: bool,
    issued_by: Option<i32>,
) -> Result<one_time_codes::Model, AppError> {
    let now = Utc::now();
    one_time_codes::ActiveModel {
        purpose: Set(purpose.code().into()),
        account_id: Set(account_id),
        recipient_id: Set(recipient_id),
        as_representative: Set(as_representative),
        code_hash: Set(hash),
        expires_at: Set(now + purpose.lifetime()),
        used_at: Set(None),
        attempts: Set(0),
        issued_by: Set(issued_by),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .or_unexpected()
}

/// Marks a code used, once: `false` when another request used it first.
/// Ends the unused codes of `purpose` of `account_id`: the newest one replaces them.
async fn retire<C: ConnectionTrait>(db: &C, account_id: i32, purpose: Purpose) -> Result<(), AppError> {
    one_time_codes::Entity::update_many()
        .col_expr(one_time_codes::Column::UsedAt, Expr::value(Utc::now()))
        .filter(one_time_codes::Column::AccountId.eq(account_id))
        .filter(one_time_codes::Column::Purpose.eq(purpose.code()))
        .filter(one_time_codes::Column::UsedAt.is_null())
        .exec(db)
        .await
        .or_unexpected()?;
    Ok(())
}

async fn use_once<C: ConnectionTrait>(db: &C, id: i32) -> Result<bool, AppError> {
    let res = one_time_codes::Entity::update_many()
        .col_expr(one_time_codes::Column::UsedAt, Expr::value(Utc::now()))
        .filter(one_time_codes::Column::Id.eq(id))
        .filter(one_time_codes::Column::UsedAt.is_null())
        .exec(db)
        .await
        .or_unexpected()?;
    Ok(res.rows_affected == 1)
}

/// Writes the e-mail with a fresh confirmation link for `account` (in the transaction that
/// made it, or on a sign-in before it was confirmed).
pub async fn send_confirmation<C: ConnectionTrait>(
    ctx: &Ctx,
    db: &C,
    account: &accounts::Model,
) -> Result<(), AppError> {
    let token = link_token();
    store(
        db,
        code_hash(ctx, Purpose::EmailConfirm, "", &token),
        Purpose::EmailConfirm,
        Some(account.id),
        None,
        false,
        None,
    )
    .await?;
    let link = format!("{}/confirm-email?token={token}", ctx.links);
    let lang: Lang = account.language.into();
    messages::enqueue(db, Outgoing::email(&account.email, lang, "email_confirm", &[("link", link)]))
        .await
        .or_unexpected()?;
    Ok(())
}

/// Writes "you already have an account" to an address someone signed up with again.
pub async fn send_already_registered<C: ConnectionTrait>(
    ctx: &Ctx,
    db: &C,
    email: &str,
    lang: Lang,
) -> Result<(), AppError> {
    let sign_in = format!("{}/sign-in", ctx.links);
    messages::enqueue(db, Outgoing::email(email, lang, "sign_up_exists", &[("link", sign_in)]))
        .await
        .or_unexpected()?;
    Ok(())
}

/// Whether a confirmation link was sent to `account` in the last few minutes (a sign-in
/// before confirming sends a new one, but not on every attempt).
pub async fn confirmation_sent_lately(db: &impl ConnectionTrait, account_id: i32) -> Result<bool, AppError> {
    let since = Utc::now() - Duration::minutes(5);
    Ok(one_time_codes::Entity::find()
        .filter(one_time_codes::Column::AccountId.eq(account_id))
        .filter(one_time_codes::Column::Purpose.eq(Purpose::EmailConfirm.code()))
        .filter(one_time_codes::Column::CreatedAt.gt(since))
        .one(db)
        .await
        .or_unexpected()?
        .is_some())
}

impl IdentityService {
    /// The unused, unexpired code of `purpose` for a link's `token`, if there is one.
    async fn live_link(&self, purpose: Purpose, token: &str) -> Result<Option<one_time_codes::Model>, AppError> {
        let token = token.trim();
        if token.is_empty() || token.len() > 100 {
            return Ok(None);
        }
        let found = one_time_codes::Entity::find()
            .filter(one_time_codes::Column::Purpose.eq(purpose.code()))
            .filter(one_time_codes::Column::CodeHash.eq(code_hash(&self.0, purpose, "", token)))
            .one(&self.0.db)
            .await
            .or_unexpected()?;
        Ok(found.filter(|c| c.used_at.is_none() && c.expires_at > Utc::now()))
    }

    /// The active account of `email` asking for a reset by `way` (`reset`, `reset-sms`), if
    /// there is one. Every request counts against the address and the client, whether or not
    /// the address has an account: nobody can fill someone's mailbox or phone with messages.
    async fn reset_requester(
        &self,
        caller: &Caller,
        email: &str,
        way: &str,
    ) -> Result<Option<accounts::Model>, AppError> {
        let email = Email::parse(email).map_err(|code| AppError::field("email", code))?;
        let db = &self.0.db;
        let key = format!("{way}:{}", self.0.tokens.keyed(way, &format!("{}\n{}", email.as_str(), caller.ip)));
        let wait = throttle::reserve(db, &key, throttle::PER_SECOND_FACTOR).await.or_unexpected()?;
        if wait > 0 {
            return Err(AppError::TooManyAttempts(u64::try_from(wait).unwrap_or(0)));
        }
        throttle::failed(db, &key).await.or_unexpected()?;
        let account = accounts::Entity::find()
            .filter(accounts::Column::Email.eq(email.as_str()))
            .one(db)
            .await
            .or_unexpected()?;
        Ok(account.filter(|a| a.status == DbAccountStatus::Active))
    }

    /// Sets `new_password` for `account` with `code` (used once), ends every session and
    /// records it in the audit log with the `method` that proved the person.
    async fn set_new_password(
        &self,
        account: &accounts::Model,
        code: &one_time_codes::Model,
        new_password: &str,
        method: &str,
    ) -> Result<(), AppError> {
        let db = &self.0.db;
        let parsed = strength::parse(new_password, &account.email, &[account.display_name.as_str()])
            .map_err(|code| AppError::field("new_password", code))?;
        let hash = password::hash(parsed.expose().to_owned()).await?;
        let now = Utc::now();
        let txn = begin_write(db).await.or_unexpected()?;
        if !use_once(&txn, code.id).await? {
            return Err(AppError::refused(RefusalCode::LinkInvalid));
        }
        let mut update = accounts::Entity::update_many()
            .col_expr(accounts::Column::PasswordHash, Expr::value(hash))
            .col_expr(accounts::Column::PasswordChangedAt, Expr::value(now))
            .col_expr(accounts::Column::UpdatedAt, Expr::value(now));
        if code.purpose == Purpose::PasswordReset.code() {
            // The link reached the mailbox: the address is proven too.
            update = update
                .col_expr(accounts::Column::EmailConfirmedAt, Expr::value(account.email_confirmed_at.unwrap_or(now)));
        }
        update.filter(accounts::Column::Id.eq(account.id)).exec(&txn).await.or_unexpected()?;
        session::revoke_all(&txn, account.id).await.or_unexpected()?;
        audit::record(
            &txn,
            None,
            Entry {
                action: "account.password_reset",
                object_type: "account",
                object_id: Some(account.id.to_string()),
                reason: None,
                details: Some(serde_json::json!({ "method": method })),
            },
        )
        .await
        .or_unexpected()?;
        txn.commit().await.or_unexpected()
    }

    /// The recipient account asking, which has not proven a record of its own yet.
    fn claimant(caller: &Caller) -> Result<i32, AppError> {
        Ok(caller.require(&[Role::Recipient, Role::Representative])?.account_id)
    }

    async fn own_record(&self, account_id: i32) -> Result<Option<recipients::Model>, AppError> {
        recipients::Entity::find()
            .filter(recipients::Column::AccountId.eq(account_id))
            .one(&self.0.db)
            .await
            .or_unexpected()
    }

    /// Links `account` to the letter's or the SMS code's record, in one transaction with the
    /// code's single use.
    async fn link(&self, caller: &Caller, code: &one_time_codes::Model) -> Result<(), AppError> {
        let Some(actor) = caller.actor.as_ref() else { return Err(AppError::NotSignedIn) };
        let Some(recipient_id) = code.recipient_id else { return Err(AppError::refused(RefusalCode::CodeInvalid)) };
        let txn = begin_write(&self.0.db).await.or_unexpected()?;
        if !use_once(&txn, code.id).await? {
            return Err(AppError::refused(RefusalCode::CodeInvalid));
        }
        let own = recipients::Entity::find()
            .filter(recipients::Column::AccountId.eq(actor.account_id))
            .one(&txn)
            .await
            .or_unexpected()?;
        let action = if code.as_representative {
            if own.is_some() {
                return Err(AppError::refused(RefusalCode::RepresentativeHasOwnRecord));
            }
            let already = representatives::Entity::find()
                .filter(representatives::Column::AccountId.eq(actor.account_id))
                .filter(representatives::Column::RecipientId.eq(recipient_id))
                .one(&txn)
                .await
                .or_unexpected()?;
            if already.is_none() {
                representatives::ActiveModel {
                    account_id: Set(actor.account_id),
                    recipient_id: Set(recipient_id),
                    basis: Set("activation_letter".into()),
                    created_at: Set(Utc::now()),
                    ..Default::default()
                }
                .insert(&txn)
                .await
                .or_unexpected()?;
            }
            accounts::Entity::update_many()
                .col_expr(accounts::Column::Role, Expr::value(DbRole::Representative))
                .col_expr(accounts::Column::UpdatedAt, Expr::value(Utc::now()))
                .filter(accounts::Column::Id.eq(actor.account_id))
                .exec(&txn)
                .await
                .or_unexpected()?;
            "identity.representative_linked"
        } else {
            if own.is_some() || actor.role == Role::Representative {
                return Err(AppError::refused(RefusalCode::AlreadyProven));
            }
            // Only a record nobody has claimed: two accounts racing for it, one wins.
            let claimed = recipients::Entity::update_many()
                .col_expr(recipients::Column::AccountId, Expr::value(actor.account_id))
                .col_expr(recipients::Column::UpdatedAt, Expr::value(Utc::now()))
                .filter(recipients::Column::Id.eq(recipient_id))
                .filter(recipients::Column::AccountId.is_null())
                .exec(&txn)
                .await
                .or_unexpected()?;
            if claimed.rows_affected != 1 {
                return Err(AppError::refused(RefusalCode::RecordAlreadyClaimed));
            }
            identity_claims::Entity::delete_by_id(actor.account_id).exec(&txn).await.or_unexpected()?;
            "identity.proven"
        };
        let method = if code.purpose == Purpose::ClaimLetter.code() { "activation_letter" } else { "sms_code" };
        audit::record(
            &txn,
            Some(actor),
            Entry {
                action,
                object_type: "recipient",
                object_id: Some(recipient_id.to_string()),
                reason: None,
                details: Some(serde_json::json!({ "method": method, "code": code.id })),
            },
        )
        .await
        .or_unexpected()?;
        txn.commit().await.or_unexpected()
    }

    /// The code an account typed, if it is one of its live SMS codes or a live letter.
    async fn find_code(&self, account_id: i32, typed: &str) -> Result<Option<one_time_codes::Model>, AppError> {
        let db = &self.0.db;
        let now = Utc::now();
        if typed.len() == 6 && typed.bytes().all(|b| b.is_ascii_digit()) {
            let hash = code_hash(&self.0, Purpose::ClaimSms, &account_id.to_string(), typed);
            return one_time_codes::Entity::find()
                .filter(one_time_codes::Column::Purpose.eq(Purpose::ClaimSms.code()))
                .filter(one_time_codes::Column::AccountId.eq(account_id))
                .filter(one_time_codes::Column::CodeHash.eq(hash))
                .filter(one_time_codes::Column::UsedAt.is_null())
                .filter(one_time_codes::Column::ExpiresAt.gt(now))
                .one(db)
                .await
                .or_unexpected();
        }
        if typed.len() == 12 && typed.bytes().all(|b| LETTER_ALPHABET.contains(&b)) {
            let hash = code_hash(&self.0, Purpose::ClaimLetter, "", typed);
            return one_time_codes::Entity::find()
                .filter(one_time_codes::Column::Purpose.eq(Purpose::ClaimLetter.code()))
                .filter(one_time_codes::Column::CodeHash.eq(hash))
                .filter(one_time_codes::Column::UsedAt.is_null())
                .filter(one_time_codes::Column::ExpiresAt.gt(now))
                .one(db)
                .await
                .or_unexpected();
        }
        Ok(None)
    }
}

#[async_trait]
impl Identity for IdentityService {
    async fn confirm_email(&self, _caller: &Caller, token: &str) -> Result<(), AppError> {
        let db = &self.0.db;
        let Some(code) = self.live_link(Purpose::EmailConfirm, token).await? else {
            return Err(AppError::refused(RefusalCode::LinkInvalid));
        };
        let Some(account_id) = code.account_id else { return Err(AppError::refused(RefusalCode::LinkInvalid)) };
        let txn = begin_write(db).await.or_unexpected()?;
        if !use_once(&txn, code.id).await? {
            return Err(AppError::refused(RefusalCode::LinkInvalid));
        }
        accounts::Entity::update_many()
            .col_expr(accounts::Column::EmailConfirmedAt, Expr::value(Utc::now()))
            .filter(accounts::Column::Id.eq(account_id))
            .filter(accounts::Column::EmailConfirmedAt.is_null())
            .exec(&txn)
            .await
            .or_unexpected()?;
        txn.commit().await.or_unexpected()
    }

    async fn identity(&self, caller: &Caller) -> Result<IdentityView, AppError> {
        let account_id = Self::claimant(caller)?;
        let db = &self.0.db;
        let claim = identity_claims::Entity::find_by_id(account_id).one(db).await.or_unexpected()?;
        let actor = caller.require(&[Role::Recipient, Role::Representative])?;
        let linked = super::recipient::people_of(db, actor)
            .await?
            .into_iter()
            .map(|p| p.full_name.unwrap_or_else(|| "—".into()))
            .collect();
        Ok(IdentityView { claimed_iin: claim.map(|c| c.iin), linked })
    }

    async fn send_claim_code(&self, caller: &Caller) -> Result<(), AppError> {
        let account_id = Self::claimant(caller)?;
        if self.own_record(account_id).await?.is_some() {
            return Err(AppError::refused(RefusalCode::AlreadyProven));
        }
        let db = &self.0.db;
        let Some(claim) = identity_claims::Entity::find_by_id(account_id).one(db).await.or_unexpected()? else {
            return Err(AppError::refused(RefusalCode::AlreadyProven));
        };
        // Every request counts, whether or not a code goes out: codes cannot be sent to a
        // person's phone again and again.
        let key = format!("sms:{}", self.0.tokens.keyed("claim sms", &account_id.to_string()));
        let wait = throttle::reserve(db, &key, throttle::PER_SECOND_FACTOR).await.or_unexpected()?;
        if wait > 0 {
            return Err(AppError::TooManyAttempts(u64::try_from(wait).unwrap_or(0)));
        }
        throttle::failed(db, &key).await.or_unexpected()?;
        let record = recipients::Entity::find()
            .filter(recipients::Column::Iin.eq(claim.iin.as_str()))
            .filter(recipients::Column::AccountId.is_null())
            .one(db)
            .await
            .or_unexpected()?;
        let Some((record, phone)) = record.and_then(|r| r.phone.clone().map(|p| (r, p))) else { return Ok(()) };
        let code = sms_code();
        let txn = begin_write(db).await.or_unexpected()?;
        // A new code replaces the ones sent before.
        retire(&txn, account_id, Purpose::ClaimSms).await?;
        store(
            &txn,
            code_hash(&self.0, Purpose::ClaimSms, &account_id.to_string(), &code),
            Purpose::ClaimSms,
            Some(account_id),
            Some(record.id),
            false,
            None,
        )
        .await?;
        messages::enqueue(&txn, Outgoing::sms(&phone, caller.lang, "claim_code", &[("code", code)]))
            .await
            .or_unexpected()?;
        txn.commit().await.or_unexpected()
    }

    async fn prove_identity(&self, caller: &Caller, typed: &str) -> Result<(), AppError> {
        let account_id = Self::claimant(caller)?;
        let typed = normalise(typed);
        if typed.is_empty() {
            return Err(AppError::field("code", "required"));
        }
        if typed.chars().count() > 40 {
            return Err(AppError::field("code", "code_invalid"));
        }
        let db = &self.0.db;
        let key = format!("claim:{}", self.0.tokens.keyed("claim code", &account_id.to_string()));
        let wait = throttle::reserve(db, &key, throttle::PER_SECOND_FACTOR).await.or_unexpected()?;
        if wait > 0 {
            return Err(AppError::TooManyAttempts(u64::try_from(wait).unwrap_or(0)));
        }
        let Some(code) = self.find_code(account_id, &typed).await? else {
            throttle::failed(db, &key).await.or_unexpected()?;
            one_time_codes::Entity::update_many()
                .col_expr(one_time_codes::Column::Attempts, Expr::col(one_time_codes::Column::Attempts).add(1))
                .filter(one_time_codes::Column::AccountId.eq(account_id))
                .filter(one_time_codes::Column::UsedAt.is_null())
                .exec(db)
                .await
                .or_unexpected()?;
            return Err(AppError::field("code", "code_invalid"));
        };
        self.link(caller, &code).await?;
        throttle::succeeded(db, &key).await.or_unexpected()
    }

    async fn request_password_reset(&self, caller: &Caller, email: &str) -> Result<(), AppError> {
        let db = &self.0.db;
        let Some(account) = self.reset_requester(caller, email, "reset").await? else { return Ok(()) };
        let token = link_token();
        let txn = begin_write(db).await.or_unexpected()?;
        // The newest link replaces the ones before it.
        retire(&txn, account.id, Purpose::PasswordReset).await?;
        store(
            &txn,
            code_hash(&self.0, Purpose::PasswordReset, "", &token),
            Purpose::PasswordReset,
            Some(account.id),
            None,
            false,
            None,
        )
        .await?;
        let link = format!("{}/reset-password?token={token}", self.0.links);
        let lang: Lang = account.language.into();
        messages::enqueue(&txn, Outgoing::email(&account.email, lang, "password_reset", &[("link", link)]))
            .await
            .or_unexpected()?;
        txn.commit().await.or_unexpected()
    }

    async fn reset_password(&self, _caller: &Caller, token: &str, new_password: &str) -> Result<(), AppError> {
        let db = &self.0.db;
        let Some(code) = self.live_link(Purpose::PasswordReset, token).await? else {
            return Err(AppError::refused(RefusalCode::LinkInvalid));
        };
        let Some(account) = (match code.account_id {
            Some(id) => accounts::Entity::find_by_id(id).one(db).await.or_unexpected()?,
            None => None,
        }) else {
            return Err(AppError::refused(RefusalCode::LinkInvalid));
        };
        self.set_new_password(&account, &code, new_password, "email_link").await
    }

    async fn request_reset_code(&self, caller: &Caller, email: &str) -> Result<(), AppError> {
        let db = &self.0.db;
        let Some(account) = self.reset_requester(caller, email, "reset-sms").await? else { return Ok(()) };
        let Some(phone) = crate::services::notices::phone_of(db, &account).await.or_unexpected()? else {
            return Ok(());
        };
        let code = sms_code();
        let txn = begin_write(db).await.or_unexpected()?;
        retire(&txn, account.id, Purpose::ResetSms).await?;
        store(
            &txn,
            code_hash(&self.0, Purpose::ResetSms, &account.id.to_string(), &code),
            Purpose::ResetSms,
            Some(account.id),
            None,
            false,
            None,
        )
        .await?;
        let lang: Lang = account.language.into();
        messages::enqueue(&txn, Outgoing::sms(&phone, lang, "reset_code", &[("code", code)])).await.or_unexpected()?;
        txn.commit().await.or_unexpected()
    }

    async fn reset_password_with_code(
        &self,
        _caller: &Caller,
        email: &str,
        typed: &str,
        new_password: &str,
    ) -> Result<(), AppError> {
        let email = Email::parse(email).map_err(|code| AppError::field("email", code))?;
        let typed = normalise(typed);
        if typed.is_empty() {
            return Err(AppError::field("code", "required"));
        }
        let db = &self.0.db;
        // Guesses are counted per address: six digits allow no more than a few.
        let key = format!("reset-code:{}", self.0.tokens.keyed("password reset code", email.as_str()));
        let wait = throttle::reserve(db, &key, throttle::PER_SECOND_FACTOR).await.or_unexpected()?;
        if wait > 0 {
            return Err(AppError::TooManyAttempts(u64::try_from(wait).unwrap_or(0)));
        }
        let account = accounts::Entity::find()
            .filter(accounts::Column::Email.eq(email.as_str()))
            .one(db)
            .await
            .or_unexpected()?;
        let found = match &account {
            Some(a) if typed.len() == 6 && typed.bytes().all(|b| b.is_ascii_digit()) => one_time_codes::Entity::find()
                .filter(one_time_codes::Column::Purpose.eq(Purpose::ResetSms.code()))
                .filter(one_time_codes::Column::AccountId.eq(a.id))
                .filter(one_time_codes::Column::CodeHash.eq(code_hash(
                    &self.0,
                    Purpose::ResetSms,
                    &a.id.to_string(),
                    &typed,
                )))
                .filter(one_time_codes::Column::UsedAt.is_null())
                .filter(one_time_codes::Column::ExpiresAt.gt(Utc::now()))
                .one(db)
                .await
                .or_unexpected()?,
            _ => None,
        };
        let (Some(account), Some(code)) = (account, found) else {
            throttle::failed(db, &key).await.or_unexpected()?;
            return Err(AppError::field("code", "code_invalid"));
        };
        self.set_new_password(&account, &code, new_password, "sms_code").await?;
        throttle::succeeded(db, &key).await.or_unexpected()
    }

    async fn issue_letter(
        &self,
        caller: &Caller,
        iin: &str,
        for_whom: Option<LetterFor>,
    ) -> Result<ActivationLetterView, AppError> {
        // Who may ask comes before what was asked: nobody else learns what the form expects.
        let (actor, scope) = staff_scope(caller)?;
        let for_representative = match for_whom {
            Some(LetterFor::Person) => false,
            Some(LetterFor::Representative) => true,
            None => return Err(AppError::field("for_whom", "required")),
        };
        let iin = Iin::parse(iin).map_err(|code| AppError::field("iin", code))?;
        let db = &self.0.db;
        let record = recipients::Entity::find()
            .filter(recipients::Column::Iin.eq(iin.as_str()))
            .one(db)
            .await
            .or_unexpected()?;
        // A regional officer sees only the people of their region: another region's IIN is
        // answered as if it were unknown.
        let record = record.filter(|r| match &scope {
            Scope::Central => true,
            Scope::Region(region) => r.region_code.as_deref() == Some(region.as_str()),
        });
        let Some(record) = record else { return Err(AppError::field("iin", "no_record_for_iin")) };
        if !for_representative && record.account_id.is_some() {
            return Err(AppError::refused(RefusalCode::RecordAlreadyClaimed));
        }
        let code = letter_code();
        let txn = begin_write(db).await.or_unexpected()?;
        let row = store(
            &txn,
            code_hash(&self.0, Purpose::ClaimLetter, "", &normalise(&code)),
            Purpose::ClaimLetter,
            None,
            Some(record.id),
            for_representative,
            Some(actor.account_id),
        )
        .await?;
        audit::record(
            &txn,
            Some(actor),
            Entry {
                action: "identity.letter_issued",
                object_type: "recipient",
                object_id: Some(record.id.to_string()),
                reason: None,
                details: Some(serde_json::json!({ "letter": row.id, "for_representative": for_representative })),
            },
        )
        .await
        .or_unexpected()?;
        txn.commit().await.or_unexpected()?;
        let regions = super::present::region_names(db, caller.lang).await?;
        let region = record.region_code.as_deref().and_then(|c| regions.get(c).cloned()).unwrap_or_default();
        Ok(ActivationLetterView {
            code,
            full_name: record.full_name.unwrap_or_default(),
            iin: record.iin,
            region,
            for_representative,
            valid_until: day(row.expires_at),
            issued: day(row.created_at),
        })
    }
}

fn day(at: DateTime<Utc>) -> String {
    super::present::day(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_codes_are_typed_back_in_any_case_with_or_without_dashes() {
        let code = letter_code();
        assert_eq!(code.len(), 14);
        let typed = normalise(&code.to_lowercase().replace('-', " "));
        assert_eq!(typed, code.replace('-', ""));
        assert!(typed.bytes().all(|b| LETTER_ALPHABET.contains(&b)));
    }

    #[test]
    fn sms_codes_have_six_digits() {
        for _ in 0..100 {
            let c = sms_code();
            assert_eq!(c.len(), 6);
            assert!(c.bytes().all(|b| b.is_ascii_digit()));
        }
    }
}
