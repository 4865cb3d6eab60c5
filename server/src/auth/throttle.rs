//! Sign-in throttling with growing delays, per (account, client) and per client.
//!
//! Two counters are kept for every attempt: one for the e-mail typed *from this client*, and
//! one for the client alone. Guessing one person's password stays slow (from the 5th failure
//! each try waits 30 s, 1, 2, 4, 8 minutes, then at most 15 minutes after the latest failure),
//! yet someone else's failures never lock that person out: from another client their
//! counter is untouched. The client's own counter allows many more failures (an office or a
//! school behind one address mistypes too) before it slows that client down as a whole.
//!
//! An attempt is *counted before its password is checked*: a single atomic upsert takes the
//! next number on the counter, so twenty parallel requests get twenty different numbers and
//! only the first five reach the password check. A refused attempt gives its number back
//! (it does not count), so an attacker cannot push a real person's wait beyond 15 minutes.
//! The counters live in the database, so every application instance shares them.
//!
//! Counters are keyed by a keyed hash ([`crate::auth::token::Tokens::keyed`]): no e-mail and
//! no address is stored or logged in clear.
use crate::entities::{login_attempts, throttle_counters};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{CaseStatement, Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// The longest wait.
pub const MAX_DELAY_SECONDS: i64 = 15 * 60;
/// Failures stop counting this long after the latest one.
const WINDOW_MINUTES: i64 = 15;

/// How many failures a counter allows before delays begin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Failures before any delay.
    pub free_failures: i64,
}

/// One e-mail from one client: a person mistypes a few times, a guesser is slowed at once.
pub const PER_ACCOUNT_AND_CLIENT: Policy = Policy { free_failures: 4 };
/// One client whatever the e-mail: generous, since many people may share an address.
pub const PER_CLIENT: Policy = Policy { free_failures: 30 };
/// Codes of the second factor, per account.
pub const PER_SECOND_FACTOR: Policy = Policy { free_failures: 4 };

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
pub fn delay_for(policy: Policy, failures: i64) -> Duration {
    if failures <= policy.free_failures {
        return Duration::zero();
    }
    let step = std::cmp::min(u32::try_from(failures - policy.free_failures - 1).unwrap_or(u32::MAX), 10);
    Duration::seconds(std::cmp::min(30i64 << step, MAX_DELAY_SECONDS))
}

/// Takes the next number on counter `key`. `Ok(0)` lets the attempt go on (it now counts as
/// a failure until [`succeeded`] or [`released`] says otherwise); `Ok(n)` refuses it for `n`
/// more seconds (and it does not count).
pub async fn reserve<C: ConnectionTrait>(db: &C, key: &str, policy: Policy) -> Result<i64, sea_orm::DbErr> {
    use throttle_counters::Column as C;
    let now = Utc::now();
    let window_start = now - Duration::minutes(WINDOW_MINUTES);
    let stale = Expr::col((throttle_counters::Entity, C::LastFailureAt)).lt(window_start);
    let insert = Query::insert()
        .into_table(throttle_counters::Entity)
        .columns([C::Key, C::Failures, C::LastFailureAt])
        .values([key.into(), 1.into(), now.into()])
        .map_err(|e| sea_orm::DbErr::Custom(e.to_string()))?
        .on_conflict(
            OnConflict::column(C::Key)
                .value(
                    C::Failures,
                    CaseStatement::new()
                        .case(stale.clone(), Expr::val(1))
                        .finally(Expr::col((throttle_counters::Entity, C::Failures)).add(1)),
                )
                .value(
                    C::LastFailureAt,
                    CaseStatement::new()
                        .case(stale, Expr::val(now))
                        .finally(Expr::col((throttle_counters::Entity, C::LastFailureAt))),
                )
                .to_owned(),
        )
        .returning(Query::returning().columns([C::Failures, C::LastFailureAt]))
        .to_owned();
    let row = db
        .query_one(&insert)
        .await?
        .ok_or_else(|| sea_orm::DbErr::Custom("the throttle counter returned no row".into()))?;
    let failures: i32 = row.try_get("", "failures")?;
    let last: DateTime<Utc> = row.try_get("", "last_failure_at")?;
    let delay = delay_for(policy, i64::from(failures) - 1);
    let wait = (last + delay - now).num_seconds();
    if delay.is_zero() || wait <= 0 {
        return Ok(0);
    }
    released(db, key).await?;
    Ok(std::cmp::max(wait, 1))
}

/// Gives back a number taken by [`reserve`]: the attempt does not count.
pub async fn released<C: ConnectionTrait>(db: &C, key: &str) -> Result<(), sea_orm::DbErr> {
    use throttle_counters::Column as C;
    throttle_counters::Entity::update_many()
        .col_expr(C::Failures, Expr::col(C::Failures).sub(1))
        .filter(C::Key.eq(key))
        .filter(C::Failures.gt(0))
        .exec(db)
        .await?;
    Ok(())
}

/// The attempt failed: it keeps its number, and the wait runs from now.
pub async fn failed<C: ConnectionTrait>(db: &C, key: &str) -> Result<(), sea_orm::DbErr> {
    use throttle_counters::Column as C;
    throttle_counters::Entity::update_many()
        .col_expr(C::LastFailureAt, Expr::value(Utc::now()))
        .filter(C::Key.eq(key))
        .exec(db)
        .await?;
    Ok(())
}

/// The right password from this client: its counter for this account starts again.
pub async fn succeeded<C: ConnectionTrait>(db: &C, key: &str) -> Result<(), sea_orm::DbErr> {
    use throttle_counters::Column as C;
    throttle_counters::Entity::update_many()
        .col_expr(C::Failures, Expr::value(0))
        .filter(C::Key.eq(key))
        .exec(db)
        .await?;
    Ok(())
}

/// Records an attempt in the table and the log, by the account id when the e-mail matched
/// one, otherwise by the e-mail's keyed hash: what was typed into the e-mail field (sometimes
/// a password) never reaches either.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    email_key: &str,
    account_id: Option<i32>,
    client_key: &str,
    outcome: Outcome,
) -> Result<(), sea_orm::DbErr> {
    match account_id {
        Some(account) => {
            tracing::info!(target: "sign_in", account, client = client_key, outcome = outcome.code(), "sign-in attempt")
        }
        None => {
            tracing::info!(target: "sign_in", email_key, client = client_key, outcome = outcome.code(), "sign-in attempt")
        }
    }
    if outcome != Outcome::Success {
        crate::telemetry::sign_in_failed(outcome.code());
    }
    login_attempts::ActiveModel {
        email: Set(email_key.chars().take(254).collect()),
        account_id: Set(account_id),
        ip: Set(client_key.chars().take(64).collect()),
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
        let p = PER_ACCOUNT_AND_CLIENT;
        assert_eq!(delay_for(p, 4), Duration::zero());
        assert_eq!(delay_for(p, 5), Duration::seconds(30));
        assert_eq!(delay_for(p, 6), Duration::seconds(60));
        assert_eq!(delay_for(p, 9), Duration::seconds(480));
        assert_eq!(delay_for(p, 10), Duration::seconds(900));
        assert_eq!(delay_for(p, 1000), Duration::seconds(900));
    }

    #[test]
    fn a_shared_address_allows_many_more_failures_than_one_account() {
        assert_eq!(delay_for(PER_CLIENT, 30), Duration::zero());
        assert_eq!(delay_for(PER_CLIENT, 31), Duration::seconds(30));
    }
}
