//! Server-side sessions behind the token: created at sign-in, checked on every request,
//! renewed on activity, and revoked by sign-out, disabling an account or suspending a supplier.
use crate::auth::token::Tokens;
use crate::entities::enums::{DbAccountStatus, DbRole};
use crate::entities::{accounts, sessions};
use app::domain::Role;
use app::ports::Actor;
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

/// Name of the session cookie on plain HTTP (local development and tests).
pub const COOKIE: &str = "ssp_session";
/// Name of the session cookie over HTTPS: the `__Host-` prefix makes browsers refuse it
/// unless it is `Secure`, for `Path=/` and without `Domain`, so no sibling subdomain or
/// plain-HTTP page can plant or overwrite it.
pub const SECURE_COOKIE: &str = "__Host-ssp_session";
/// A session is never renewed past this age: people sign in again after a working day.
pub const ABSOLUTE_HOURS: i64 = 12;
/// A token with less than this left is replaced on the next request.
const RENEW_WHEN_LEFT_SECONDS: i64 = 45 * 60;
/// Between the password and the second factor: minutes to type the code.
const SECOND_FACTOR_MINUTES: i64 = 10;

/// The session cookie's name where cookies are (or are not) `Secure`.
pub fn cookie_name(secure: bool) -> &'static str {
    if secure {
        SECURE_COOKIE
    } else {
        COOKIE
    }
}

/// `Set-Cookie` value carrying a token.
pub fn cookie(token: &str, max_age: i64, secure: bool) -> String {
    format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        cookie_name(secure),
        if secure { "; Secure" } else { "" }
    )
}

/// `Set-Cookie` value that removes the session cookie.
pub fn clear_cookie(secure: bool) -> String {
    cookie("", 0, secure)
}

/// Where a session starts from: the client's address and browser, shown on the sessions page.
#[derive(Debug, Clone, Default)]
pub struct Origin<'a> {
    /// Client address.
    pub ip: &'a str,
    /// The browser's `User-Agent`, cut to 256 characters.
    pub user_agent: Option<&'a str>,
}

/// Creates a session for an account and returns its token. A session that still waits for
/// the second factor (`second_factor_pending`) reaches only the second-factor pages.
pub async fn start(
    db: &impl ConnectionTrait,
    tokens: &Tokens,
    account_id: i32,
    origin: &Origin<'_>,
    second_factor_pending: bool,
) -> anyhow::Result<String> {
    let id = uuid::Uuid::new_v4().to_string();
    let now = Utc::now();
    sessions::ActiveModel {
        id: Set(id.clone()),
        account_id: Set(account_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        revoked_at: Set(None),
        ip: Set(Some(origin.ip.chars().take(64).collect())),
        user_agent: Set(origin.user_agent.map(|u| u.chars().take(256).collect())),
        mfa_pending: Set(second_factor_pending),
    }
    .insert(db)
    .await?;
    tokens.issue(account_id, &id)
}

/// A checked session: who it is, their language, and a renewed token when it was due.
pub struct Authenticated {
    /// The account behind the session.
    pub actor: Actor,
    /// Preferred language of the account.
    pub lang: app::domain::Lang,
    /// A fresh token to set, when the old one was close to expiry.
    pub renewed: Option<String>,
}

/// What a token turned out to be.
pub enum Checked {
    /// A signed-in account.
    Full(Authenticated),
    /// Password checked, second factor still to come.
    SecondFactorPending(app::ports::PendingSecondFactor),
}

/// Checks a token against the sessions table and the account's status.
pub async fn authenticate(db: &DatabaseConnection, tokens: &Tokens, token: &str) -> anyhow::Result<Option<Checked>> {
    let Some(claims) = tokens.verify(token) else { return Ok(None) };
    let Ok(account_id) = claims.sub.parse::<i32>() else { return Ok(None) };
    let Some(session) = sessions::Entity::find_by_id(claims.sid.clone())
        .filter(sessions::Column::AccountId.eq(account_id))
        .filter(sessions::Column::RevokedAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(account) = accounts::Entity::find_by_id(account_id).one(db).await? else { return Ok(None) };
    if account.status != DbAccountStatus::Active {
        return Ok(None);
    }
    let now = Utc::now();
    if session.mfa_pending {
        if now - session.created_at > Duration::minutes(SECOND_FACTOR_MINUTES) {
            return Ok(None);
        }
        return Ok(Some(Checked::SecondFactorPending(app::ports::PendingSecondFactor {
            account_id,
            session_id: session.id,
            enrolled: account.totp_secret.is_some(),
        })));
    }
    let renewed = if claims.exp - now.timestamp() < RENEW_WHEN_LEFT_SECONDS
        && now - session.created_at < Duration::hours(ABSOLUTE_HOURS)
    {
        let mut s: sessions::ActiveModel = session.clone().into();
        s.last_seen_at = Set(now);
        s.update(db).await?;
        Some(tokens.issue(account_id, &session.id)?)
    } else {
        None
    };
    let role: Role = account.role.into();
    Ok(Some(Checked::Full(Authenticated {
        actor: Actor {
            account_id,
            role,
            display_name: account.display_name.clone(),
            session_id: session.id,
            staff_region: if account.role == DbRole::Staff { account.staff_region } else { None },
            unread: u32::try_from(crate::services::recipient::notifications::unread(db, account_id).await?)
                .unwrap_or(u32::MAX),
        },
        lang: account.language.into(),
        renewed,
    })))
}

/// Revokes one session.
pub async fn revoke(db: &impl ConnectionTrait, session_id: &str) -> Result<(), sea_orm::DbErr> {
    sessions::Entity::update_many()
        .col_expr(sessions::Column::RevokedAt, sea_orm::sea_query::Expr::value(Utc::now()))
        .filter(sessions::Column::Id.eq(session_id))
        .filter(sessions::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Revokes every session of an account but `keep`.
pub async fn revoke_others(db: &impl ConnectionTrait, account_id: i32, keep: &str) -> Result<(), sea_orm::DbErr> {
    sessions::Entity::update_many()
        .col_expr(sessions::Column::RevokedAt, sea_orm::sea_query::Expr::value(Utc::now()))
        .filter(sessions::Column::AccountId.eq(account_id))
        .filter(sessions::Column::Id.ne(keep))
        .filter(sessions::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Revokes every session of an account, at once.
pub async fn revoke_all(db: &impl ConnectionTrait, account_id: i32) -> Result<(), sea_orm::DbErr> {
    sessions::Entity::update_many()
        .col_expr(sessions::Column::RevokedAt, sea_orm::sea_query::Expr::value(Utc::now()))
        .filter(sessions::Column::AccountId.eq(account_id))
        .filter(sessions::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
