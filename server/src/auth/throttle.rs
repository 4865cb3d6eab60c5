//! Sign-in throttling with growing delays, per e-mail and per client address.
//!
//! Failures in the last 15 minutes count. From the 5th, each further attempt must wait
//! 30 s, 1, 2, 4, 8 minutes, then at most 15 minutes after the latest failure. Attempts refused
//! by the throttle are logged but do not count, so an attacker cannot push a real person's
//! wait beyond 15 minutes; guessing stays slow (a few dozen tries an hour at best).
use crate::entities::login_attempts;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

/// Failures before any delay.
pub const FREE_FAILURES: u64 = 4;
/// The longest wait.
pub const MAX_DELAY_SECONDS: i64 = 15 * 60;
const WINDOW_MINUTES: i64 = 15;

/// How an attempt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Signed in.
    Success,
    /// Wrong e-mail or password, or an account that may not sign in.
    Failure,
    /// Refused by the throttle before the password was checked.
    Throttled,
}

impl Outcome {
    fn code(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Throttled => "throttled",
        }
    }
}

/// The wait after `failures` recent failures.
pub fn delay_for(failures: u64) -> Duration {
    if failures <= FREE_FAILURES {
        return Duration::zero();
    }
    let step = u32::try_from(failures - FREE_FAILURES - 1).unwrap_or(u32::MAX).min(10);
    Duration::seconds((30i64 << step).min(MAX_DELAY_SECONDS))
}

async fn wait_for<C: ConnectionTrait>(
    db: &C,
    column: login_attempts::Column,
    key: &str,
    now: DateTime<Utc>,
) -> Result<i64, sea_orm::DbErr> {
    let since = now - Duration::minutes(WINDOW_MINUTES);
    let base = || {
        login_attempts::Entity::find()
            .filter(column.eq(key))
            .filter(login_attempts::Column::CreatedAt.gt(since))
            .filter(login_attempts::Column::Outcome.eq(Outcome::Failure.code()))
    };
    let failures = base().count(db).await?;
    let delay = delay_for(failures);
    if delay.is_zero() {
        return Ok(0);
    }
    let last = base().order_by_desc(login_attempts::Column::CreatedAt).one(db).await?;
    Ok(last.map(|l| (l.created_at + delay - now).num_seconds().max(0)).unwrap_or(0))
}

/// Seconds the caller must still wait before trying this e-mail from this address (0: go on).
pub async fn seconds_to_wait<C: ConnectionTrait>(db: &C, email: &str, ip: &str) -> Result<i64, sea_orm::DbErr> {
    let now = Utc::now();
    let by_email = wait_for(db, login_attempts::Column::Email, email, now).await?;
    let by_ip = wait_for(db, login_attempts::Column::Ip, ip, now).await?;
    Ok(by_email.max(by_ip))
}

/// Records an attempt, in the table and in the log.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    email: &str,
    account_id: Option<i32>,
    ip: &str,
    outcome: Outcome,
) -> Result<(), sea_orm::DbErr> {
    tracing::info!(target: "sign_in", email, ip, outcome = outcome.code(), "sign-in attempt");
    login_attempts::ActiveModel {
        email: Set(email.chars().take(254).collect()),
        account_id: Set(account_id),
        ip: Set(ip.chars().take(64).collect()),
        outcome: Set(outcome.code().into()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_from_the_fifth_failure_and_stop_at_fifteen_minutes() {
        assert_eq!(delay_for(4), Duration::zero());
        assert_eq!(delay_for(5), Duration::seconds(30));
        assert_eq!(delay_for(6), Duration::seconds(60));
        assert_eq!(delay_for(9), Duration::seconds(480));
        assert_eq!(delay_for(10), Duration::seconds(900));
        assert_eq!(delay_for(1000), Duration::seconds(900));
    }
}
