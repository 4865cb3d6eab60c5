//! Argon2id password hashing (m = 19456 KiB, t = 2, p = 1), always on a blocking thread.
//!
//! Each hash takes 19 MiB and a core for a while, so at most one hash per core runs at once:
//! a burst of sign-ins (or an attacker's) queues for a few seconds and is then answered
//! "busy" (503), instead of growing the server's memory without bound.
use app::error::AppError;
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::Duration;
use tokio::sync::{Semaphore, SemaphorePermit};

/// How long a request waits for a free hashing slot before it is answered "busy".
const WAIT_FOR_SLOT: Duration = Duration::from_secs(20);

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// How many hashes may run at once: one per core.
pub fn slots() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2)
}

fn semaphore() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    SLOTS.get_or_init(|| Semaphore::new(slots()))
}

/// The most hashes that ever ran at once in this process (never more than [`slots`]).
pub fn peak_concurrent_hashes() -> usize {
    PEAK.load(Ordering::SeqCst)
}

/// A hashing slot, held while one hash runs.
struct Slot(#[expect(dead_code, reason = "held for its drop")] SemaphorePermit<'static>);

impl Drop for Slot {
    fn drop(&mut self) {
        IN_USE.fetch_sub(1, Ordering::SeqCst);
    }
}

async fn slot() -> Result<Slot, AppError> {
    let permit = tokio::time::timeout(WAIT_FOR_SLOT, semaphore().acquire())
        .await
        .map_err(|_| AppError::Busy)?
        .map_err(|_| AppError::Busy)?;
    let now = IN_USE.fetch_add(1, Ordering::SeqCst) + 1;
    PEAK.fetch_max(now, Ordering::SeqCst);
    Ok(Slot(permit))
}

fn hasher() -> anyhow::Result<Argon2<'static>> {
    let params = Params::new(19_456, 2, 1, None).map_err(|e| anyhow::anyhow!("argon2 params: {e}"))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

fn hash_now(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()?
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing: {e}"))
}

/// Hashes a password off the async runtime, when a hashing slot is free.
pub async fn hash(password: String) -> Result<String, AppError> {
    let slot = slot().await?;
    let out = tokio::task::spawn_blocking(move || hash_now(&password)).await;
    drop(slot);
    out.map_err(crate::telemetry::unexpected)?.map_err(crate::telemetry::unexpected)
}

/// A real hash of a random password, checked when the e-mail is unknown so that an unknown
/// e-mail and a wrong password take the same time.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let random: String = uuid::Uuid::new_v4().to_string();
        hash_now(&random).unwrap_or_default()
    })
}

/// Checks `password` against `stored`, or against a dummy hash when there is no account;
/// `Busy` when no hashing slot freed up in time.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, AppError> {
    let slot = slot().await?;
    let ok = tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let hash = stored.unwrap_or_else(|| dummy_hash().to_owned());
        let ok = PasswordHash::new(&hash)
            .ok()
            .and_then(|parsed| hasher().ok().map(|h| h.verify_password(password.as_bytes(), &parsed).is_ok()))
            .unwrap_or(false);
        known && ok
    })
    .await
    .unwrap_or(false);
    drop(slot);
    Ok(ok)
}

/// Computes the dummy hash ahead of the first sign-in.
pub fn warm_up() {
    let _ = dummy_hash();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let h = hash("steppe horses run at dawn".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify("steppe horses run at dawn".into(), Some(h.clone())).await.unwrap());
        assert!(!verify("steppe horses run at dusk".into(), Some(h)).await.unwrap());
        assert!(!verify("anything at all here".into(), None).await.unwrap());
    }
}
