//! The worker: takes due rows of the outbox, hands each to its transport, and marks it sent,
//! or counts the failed attempt and waits longer before the next (30 s, doubling, at most an
//! hour; after the eighth attempt the message is `failed` and left alone).
//!
//! Taking rows is a lease, not a lock held while delivering: `locked_until` is set in a short
//! statement and committed, then the messages are delivered. A worker that dies mid-batch
//! leaves its rows to whoever looks after the lease ends; the messages it handed over but did
//! not mark go out again with the same outbox id (the e-mail's `Message-ID`, the gateway's
//! `Idempotency-Key`). On PostgreSQL several instances take rows side by side
//! (`FOR UPDATE SKIP LOCKED`); SQLite has one writer at a time (`BEGIN IMMEDIATE`).
//!
//! Log lines name the outbox id, the channel and the kind, never the address or the text.
use super::delivery::{DeliveryError, Mail, Sms, Transports};
use crate::entities::outbox_messages::{self, Column as C};
use chrono::{DateTime, Duration, DurationRound, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Statement,
};

/// Attempts before a message is given up (`failed`).
pub const MAX_ATTEMPTS: i32 = 8;

/// The most rows one round takes: with [`ATTEMPT_TIMEOUT`] each, a full round ends well
/// within the [`LEASE`].
pub const MAX_BATCH: u64 = 16;

/// How long one delivery may take before it counts as failed.
pub const ATTEMPT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// How long taken rows stay with their worker: after it, a worker that died is presumed dead.
pub const LEASE: Duration = Duration::minutes(10);

/// Where the worker reads the time, so tests move it instead of sleeping.
pub trait Clock: Send + Sync {
    /// Now.
    fn now(&self) -> DateTime<Utc>;
}

/// The system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// The wait after the `attempts`-th failed attempt: 30 s, 60 s, 120 s, … at most an hour.
pub fn backoff(attempts: i32) -> Duration {
    let doublings = u32::try_from(attempts.saturating_sub(1)).unwrap_or(0).min(16);
    Duration::seconds((30_i64 << doublings).min(3600))
}

/// Rows that are due at `now` and taken by nobody.
fn due(now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(C::Status.eq("queued"))
        .add(C::NextAttemptAt.lte(now))
        .add(Condition::any().add(C::LockedUntil.is_null()).add(C::LockedUntil.lt(now)))
}

/// Takes up to `batch` due rows, oldest first, until `now + LEASE`, and returns them. The
/// lease is committed before this returns: delivering holds no transaction.
pub async fn claim(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    batch: u64,
) -> Result<Vec<outbox_messages::Model>, DbErr> {
    let now = to_micros(now);
    let until = now + LEASE;
    let batch = batch.clamp(1, MAX_BATCH);
    let mut rows = match db.get_database_backend() {
        DbBackend::Postgres => {
            let sql = "UPDATE outbox_messages SET locked_until = $1 WHERE id IN (\
                 SELECT id FROM outbox_messages \
                 WHERE status = 'queued' AND next_attempt_at <= $2 AND (locked_until IS NULL OR locked_until < $2) \
                 ORDER BY created_at LIMIT $3 FOR UPDATE SKIP LOCKED) \
                 RETURNING *";
            let limit = i64::try_from(batch).unwrap_or(1);
            let stmt =
                Statement::from_sql_and_values(DbBackend::Postgres, sql, [until.into(), now.into(), limit.into()]);
            outbox_messages::Entity::find().from_raw_sql(stmt).all(db).await?
        }
        _ => {
            // One writer at a time: nobody else can take the selected rows before the update.
            let tx = crate::db::begin_write(db).await?;
            let ids: Vec<String> = outbox_messages::Entity::find()
                .select_only()
                .column(C::Id)
                .filter(due(now))
                .order_by_asc(C::CreatedAt)
                .limit(batch)
                .into_tuple()
                .all(&tx)
                .await?;
            if ids.is_empty() {
                tx.commit().await?;
                return Ok(Vec::new());
            }
            outbox_messages::Entity::update_many()
                .col_expr(C::LockedUntil, Expr::value(until))
                .filter(C::Id.is_in(ids.clone()))
                .filter(due(now))
                .exec(&tx)
                .await?;
            let rows = outbox_messages::Entity::find().filter(C::Id.is_in(ids)).all(&tx).await?;
            tx.commit().await?;
            rows
        }
    };
    rows.sort_by(|a, b| a.created_at.cmp(&b.created_at).then_with(|| a.id.cmp(&b.id)));
    Ok(rows)
}

/// Hands one row to its transport (no marking: [`deliver_due`] does that).
pub async fn deliver_one(transports: &Transports, row: &outbox_messages::Model) -> Result<(), DeliveryError> {
    let attempt = async {
        match row.channel.as_str() {
            "email" => {
                let mail = Mail {
                    id: &row.id,
                    to: &row.address,
                    subject: &row.subject,
                    text: &row.body_text,
                    html: row.body_html.as_deref(),
                };
                transports.mail.send(&mail).await
            }
            "sms" => transports.sms.send(&Sms { id: &row.id, to: &row.address, text: &row.body_text }).await,
            _ => Err(DeliveryError::new("unknown channel")),
        }
    };
    tokio::time::timeout(ATTEMPT_TIMEOUT, attempt).await.unwrap_or_else(|_| Err(DeliveryError::new("timed out")))
}

/// The channel as a metric label.
fn channel(row: &outbox_messages::Model) -> &'static str {
    match row.channel.as_str() {
        "email" => "email",
        "sms" => "sms",
        _ => "other",
    }
}

/// What one round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Round {
    /// Rows taken.
    pub claimed: usize,
    /// Delivered and marked sent.
    pub sent: usize,
    /// Attempts that failed (the row waits, or is given up).
    pub failed: usize,
}

/// Delivers the messages due at `now` (at most `batch`, itself at most [`MAX_BATCH`]) and
/// returns how many were delivered.
pub async fn deliver_due(
    db: &DatabaseConnection,
    transports: &Transports,
    now: DateTime<Utc>,
    batch: u64,
) -> Result<usize, DbErr> {
    Ok(round(db, transports, now, batch).await?.sent)
}

/// One round: take, deliver, mark.
pub async fn round(
    db: &DatabaseConnection,
    transports: &Transports,
    now: DateTime<Utc>,
    batch: u64,
) -> Result<Round, DbErr> {
    let now = to_micros(now);
    let rows = claim(db, now, batch).await?;
    let mut done = Round { claimed: rows.len(), ..Round::default() };
    let mut first_error = None;
    for row in &rows {
        let outcome = deliver_one(transports, row).await;
        let marked = match &outcome {
            Ok(()) => mark_sent(db, row, now).await,
            Err(e) => mark_failed(db, row, now, e).await,
        };
        match (outcome, marked) {
            (_, Err(e)) => {
                // The row keeps its lease and goes out again after it, with the same id.
                tracing::warn!(outbox_id = %row.id, kind = %row.kind, error = %e, "outbox: a delivery could not be recorded");
                first_error.get_or_insert(e);
            }
            (Ok(()), Ok(())) => {
                done.sent += 1;
                crate::telemetry::message_sent(channel(row));
                tracing::info!(outbox_id = %row.id, channel = channel(row), kind = %row.kind, "outbox: message delivered");
            }
            (Err(e), Ok(())) => {
                done.failed += 1;
                let attempts = row.attempts.saturating_add(1);
                if attempts >= MAX_ATTEMPTS {
                    crate::telemetry::message_given_up(channel(row));
                    tracing::error!(outbox_id = %row.id, channel = channel(row), kind = %row.kind, attempts, error = %e, "outbox: message given up");
                } else {
                    crate::telemetry::message_attempt_failed(channel(row));
                    tracing::warn!(outbox_id = %row.id, channel = channel(row), kind = %row.kind, attempts, error = %e, "outbox: delivery failed; retrying later");
                }
            }
        }
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(done),
    }
}

/// Marks `row` sent (unless another worker, after this one's lease ended, already did).
async fn mark_sent(db: &DatabaseConnection, row: &outbox_messages::Model, now: DateTime<Utc>) -> Result<(), DbErr> {
    outbox_messages::Entity::update_many()
        .col_expr(C::Status, Expr::value("sent"))
        .col_expr(C::SentAt, Expr::value(now))
        .col_expr(C::Attempts, Expr::value(row.attempts.saturating_add(1)))
        .col_expr(C::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(C::LastError, Expr::value(Option::<String>::None))
        .filter(C::Id.eq(row.id.as_str()))
        .filter(C::Status.eq("queued"))
        .exec(db)
        .await
        .map(|_| ())
}

/// Counts a failed attempt of `row`: it waits [`backoff`], or after [`MAX_ATTEMPTS`] is
/// `failed`. Only the attempt this worker took is counted (the attempts it read still stand).
async fn mark_failed(
    db: &DatabaseConnection,
    row: &outbox_messages::Model,
    now: DateTime<Utc>,
    error: &DeliveryError,
) -> Result<(), DbErr> {
    let attempts = row.attempts.saturating_add(1);
    let status = if attempts >= MAX_ATTEMPTS { "failed" } else { "queued" };
    let next = if attempts >= MAX_ATTEMPTS { row.next_attempt_at } else { now + backoff(attempts) };
    let reason: String = error.to_string().chars().take(500).collect();
    outbox_messages::Entity::update_many()
        .col_expr(C::Status, Expr::value(status))
        .col_expr(C::Attempts, Expr::value(attempts))
        .col_expr(C::NextAttemptAt, Expr::value(next))
        .col_expr(C::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(C::LastError, Expr::value(reason))
        .filter(C::Id.eq(row.id.as_str()))
        .filter(C::Status.eq("queued"))
        .filter(C::Attempts.eq(row.attempts))
        .exec(db)
        .await
        .map(|_| ())
}

/// PostgreSQL keeps microseconds: the times written and compared are cut to them on both
/// databases alike.
fn to_micros(t: DateTime<Utc>) -> DateTime<Utc> {
    t.duration_trunc(Duration::microseconds(1)).unwrap_or(t)
}

/// Messages waiting to go out.
pub async fn queued<C2: ConnectionTrait>(db: &C2) -> Result<u64, DbErr> {
    outbox_messages::Entity::find().filter(C::Status.eq("queued")).count(db).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_from_thirty_seconds_up_to_an_hour() {
        let waits: Vec<i64> = (1..=9).map(|a| backoff(a).num_seconds()).collect();
        assert_eq!(waits, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
        assert_eq!(backoff(0).num_seconds(), 30);
        assert_eq!(backoff(i32::MAX).num_seconds(), 3600);
    }

    #[test]
    fn a_full_round_ends_within_the_lease() {
        let worst = ATTEMPT_TIMEOUT * u32::try_from(MAX_BATCH).unwrap();
        assert!(Duration::from_std(worst).unwrap() < LEASE);
    }
}
