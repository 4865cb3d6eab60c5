//! Server-side sessions behind the token: created at sign-in, checked on every request,
//! renewed on activity, and revoked by sign-out, disabling an account or suspending a supplier.
use crate::auth::token::Tokens;
use crate::entities::enums::{DbAccountStatus, DbRole};
use crate::entities::{accounts, sessions};
use app::domain::Role;
use app::ports::Actor;
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
};

/// Name of the session cookie.
pub const COOKIE: &str = "ssp_session";
/// A session is never renewed past this age: people sign in again after a working day.
const ABSOLUTE_HOURS: i64 = 12;
/// A token with less than this left is replaced on the next request.
const RENEW_WHEN_LEFT_SECONDS: i64 = 45 * 60;

/// `Set-Cookie` value carrying a token.
pub fn cookie(token: &str, max_age: i64, secure: bool) -> String {
    format!(
        "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        if secure { "; Secure" } else { "" }
    )
}

/// `Set-Cookie` value that removes the session cookie.
pub fn clear_cookie(secure: bool) -> String {
    cookie("", 0, secure)
}

/// Creates a session for an account and returns its token.
pub async fn start(
    db: &impl ConnectionTrait,
    tokens: &Tokens,
    account_id: i32,
    ip: &str,
) -> anyhow::Result<String> {
    let id = uuid::Uuid::new_v4().to_string();
    let now = Utc::now();
    sessions::ActiveModel {
        id: Set(id.clone()),
        account_id: Set(account_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        revoked_at: Set(None),
        ip: Set(Some(ip.chars().take(64).collect())),
        user_agent: Set(None),
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

/// Checks a token against the sessions table and the account's status.
pub async fn authenticate(db: &DatabaseConnection, tokens: &Tokens, token: &str) -> anyhow::Result<Option<Authenticated>> {
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
    Ok(Some(Authenticated {
        actor: Actor {
            account_id,
            role,
            display_name: account.display_name.clone(),
            session_id: session.id,
            staff_region: if account.role == DbRole::Staff { account.staff_region } else { None },
            unread: u32::try_from(crate::services::recipient::notifications::unread(db, account_id).await?).unwrap_or(u32::MAX),
        },
        lang: account.language.into(),
        renewed,
    }))
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
