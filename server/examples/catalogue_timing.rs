//! Times the catalogue's four pages on a national-size catalogue: all regions; an item type
//! in a region without co-payment; one word; an offering page (with its supplier's orders and
//! reviews). Writes the data set with the tests' generator into a fresh database, then asks
//! each page over HTTP, one at a time and then 16 at a time, on 127.0.0.1 only.
//!
//! `cargo run --release -p server --example catalogue_timing` (SQLite in a temporary folder),
//! or with `TIMING_DATABASE_URL=postgres://postgres@127.0.0.1:5432/<new database>`.
//! `TIMING_OFFERINGS` (100000), `TIMING_SUPPLIERS` (30000), `TIMING_ORDERS` (300000) and
//! `TIMING_REQUESTS` (40) change the size.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a measuring program run by hand: any failure ends the run with its message"
)]
#[path = "../tests/api/fixtures/catalogue_data.rs"]
mod catalogue_data;

use sea_orm::ConnectionTrait;
use server::config::Settings;
use server::startup::Application;
use std::time::{Duration, Instant};

fn env_num(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default().as_secs_f64() * 1000.0
}

async fn fetch(client: &reqwest::Client, url: &str) -> (Duration, u16, usize) {
    let t = Instant::now();
    match client.get(url).send().await {
        Ok(res) => {
            let status = res.status().as_u16();
            let len = res.bytes().await.map(|b| b.len()).unwrap_or(0);
            (t.elapsed(), status, len)
        }
        Err(_) => (t.elapsed(), 0, 0),
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("ssp-timing-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let url = std::env::var("TIMING_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}?mode=rwc", dir.join("timing.db").display()));
    let mut settings = Settings::for_test(url.clone(), dir.clone());
    settings.demo_data = false;
    let app = Application::build(settings).await?;
    let base = format!("http://127.0.0.1:{}", app.port());
    let db = app.db().clone();
    tokio::spawn(app.run_until_stopped());
    let shape = catalogue_data::Shape {
        suppliers: env_num("TIMING_SUPPLIERS", 30_000),
        offerings: env_num("TIMING_OFFERINGS", 100_000),
        orders: env_num("TIMING_ORDERS", 300_000),
        dated_ceilings: false,
        seed: 2026,
    };
    let t0 = Instant::now();
    let world = catalogue_data::generate(&db, &shape).await?;
    let analyse =
        if db.get_database_backend() == sea_orm::DatabaseBackend::Postgres { "VACUUM ANALYZE" } else { "ANALYZE" };
    db.execute_unprepared(analyse).await?;
    println!(
        "{} on {}: {} suppliers, {} offerings, {} orders written in {:.0} s",
        if url.starts_with("postgres") { "PostgreSQL" } else { "SQLite" },
        std::env::consts::ARCH,
        shape.suppliers,
        shape.offerings,
        shape.orders,
        t0.elapsed().as_secs_f64()
    );
    let offering = world.busiest_offering.unwrap_or(1);
    let scenarios = [
        ("catalogue, all regions", format!("{base}/catalogue?region=all")),
        (
            "catalogue, wheelchair in Almaty, no co-payment",
            format!("{base}/catalogue?item_type=wheelchair_manual&region=ALA&no_copay=on"),
        ),
        (
            "catalogue, one word (коляска)",
            format!("{base}/catalogue?region=all&q=%D0%BA%D0%BE%D0%BB%D1%8F%D1%81%D0%BA%D0%B0"),
        ),
        ("offering page (busiest supplier)", format!("{base}/offerings/{offering}")),
    ];
    let client = reqwest::Client::new();
    let requests = env_num("TIMING_REQUESTS", 40);
    println!("{:<50} {:>8} {:>8} {:>8} {:>10} {:>8}", "page", "p50 ms", "p95 ms", "max ms", "16 at once", "KB");
    for (name, url) in scenarios {
        for _ in 0..3 {
            fetch(&client, &url).await;
        }
        let mut times = Vec::with_capacity(requests);
        let mut size = 0;
        let mut failures = 0;
        for _ in 0..requests {
            let (t, status, len) = fetch(&client, &url).await;
            times.push(t);
            size = len;
            failures += usize::from(status != 200);
        }
        times.sort();
        // Throughput with 16 requests in flight.
        let t = Instant::now();
        let handles: Vec<_> = (0..16)
            .map(|_| {
                let (client, url) = (client.clone(), url.clone());
                tokio::spawn(async move {
                    for _ in 0..(requests / 8).max(2) {
                        fetch(&client, &url).await;
                    }
                })
            })
            .collect();
        for h in handles {
            h.await?;
        }
        let rate = (16 * (requests / 8).max(2)) as f64 / t.elapsed().as_secs_f64();
        println!(
            "{name:<50} {:>8.1} {:>8.1} {:>8.1} {:>8.1}/s {:>8}{}",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            percentile(&times, 1.0),
            rate,
            size / 1024,
            if failures > 0 { format!("  ({failures} not 200)") } else { String::new() }
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
