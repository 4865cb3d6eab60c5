//! The background job of every instance that delivers messages: each minute it sends the
//! reminders that have come due, then it delivers the outbox. Here, not in `messages`, so the
//! outbox knows nothing of the use cases that fill it.
use crate::messages::{worker, Clock, Transports};
use crate::services::reminders;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// How often the worker looks for reminders to send.
pub const REMIND_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// Sends due reminders (at most every [`REMIND_EVERY`]) and delivers the outbox every
/// `every` for as long as the process runs: a round after each tick, and more at once while
/// rounds come back full. The task ends with the runtime; a round cut short leaves its rows
/// to the next worker after the lease.
pub fn spawn_worker(
    db: DatabaseConnection,
    transports: Transports,
    clock: Arc<dyn Clock>,
    every: std::time::Duration,
    links: Arc<String>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut reminded: Option<tokio::time::Instant> = None;
        loop {
            tick.tick().await;
            // Reminders first, so the messages they write go out in this round.
            if reminded.is_none_or(|at| at.elapsed() >= REMIND_EVERY) {
                reminded = Some(tokio::time::Instant::now());
                match reminders::run(&db, &links, clock.as_ref()).await {
                    Ok(sent) if !sent.is_empty() => tracing::info!(?sent, "reminders sent"),
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "reminders: a round failed; the next one tries again"),
                }
            }
            loop {
                match worker::round(&db, &transports, clock.now(), worker::MAX_BATCH).await {
                    Ok(r) if r.claimed as u64 >= worker::MAX_BATCH => continue,
                    Ok(_) => break,
                    Err(e) => {
                        tracing::warn!(error = %e, "outbox: a round failed; the next one tries again");
                        break;
                    }
                }
            }
            match worker::queued(&db).await {
                Ok(n) => crate::telemetry::messages_queued(n),
                Err(e) => tracing::warn!(error = %e, "outbox: the queue could not be counted"),
            }
        }
    })
}
