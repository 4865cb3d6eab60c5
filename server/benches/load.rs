//! Load benchmark: the real application with the demo data, on loopback only, a bounded
//! number of requests per scenario at a fixed concurrency. Prints latency percentiles,
//! throughput and the process's peak memory.
//!
//! `cargo bench -p server --bench load` (SQLite in a temporary folder), or with
//! `BENCH_DATABASE_URL=postgres://...` for PostgreSQL. `BENCH_REQUESTS` and
//! `BENCH_CONCURRENCY` change the load (defaults 400 and 8).
use server::config::Settings;
use server::startup::Application;
use std::time::{Duration, Instant};

fn env_num(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default()
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let dir = std::env::temp_dir().join(format!("ssp-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let url = std::env::var("BENCH_DATABASE_URL").unwrap_or_else(|_| format!("sqlite://{}?mode=rwc", dir.join("bench.db").display()));
    let mut settings = Settings::for_test(url, dir.clone());
    settings.demo_data = true;
    let started = Instant::now();
    let app = Application::build(settings).await.expect("build");
    println!("start-up with migrations and demo data: {:.1} s", started.elapsed().as_secs_f64());
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::new();
    let requests = env_num("BENCH_REQUESTS", 400);
    let concurrency = env_num("BENCH_CONCURRENCY", 8);
    let scenarios: Vec<(&str, String, Option<serde_json::Value>)> = vec![
        ("home page", format!("{base}/"), None),
        ("catalogue, all regions", format!("{base}/catalogue?region=all"), None),
        ("catalogue, wheelchairs without co-payment, seat ≥ 45 cm", format!("{base}/catalogue?item_type=wheelchair_manual&region=all&no_copay=on&p_seat_width_cm_min=45"), None),
        ("catalogue, words", format!("{base}/catalogue?region=all&q=%D0%BA%D0%BE%D0%BB%D1%8F%D1%81%D0%BA%D0%B0"), None),
        ("offering page", format!("{base}/offerings/3"), None),
        ("catalogue_search (JSON)", format!("{base}/api/catalogue_search"), Some(serde_json::json!({ "query": { "region": "all", "sort": "rating" } }))),
    ];
    println!("{requests} requests per scenario, {concurrency} at a time, 127.0.0.1 only");
    println!("{:<58} {:>8} {:>8} {:>8} {:>9}", "scenario", "p50 ms", "p95 ms", "p99 ms", "req/s");
    for (name, url, body) in scenarios {
        let sem = std::sync::Arc::new(tokio::sync::Semaphore::new(concurrency));
        let t0 = Instant::now();
        let mut handles = Vec::with_capacity(requests);
        for _ in 0..requests {
            let permit = sem.clone().acquire_owned().await.expect("semaphore");
            let (client, url, body, origin) = (client.clone(), url.clone(), body.clone(), base.clone());
            handles.push(tokio::spawn(async move {
                let t = Instant::now();
                let res = match body {
                    Some(b) => client.post(&url).header("origin", origin).json(&b).send().await,
                    None => client.get(&url).send().await,
                };
                let ok = res.map(|r| r.status().is_success()).unwrap_or(false);
                drop(permit);
                (t.elapsed(), ok)
            }));
        }
        let mut times = Vec::with_capacity(requests);
        let mut failures = 0;
        for h in handles {
            let (d, ok) = h.await.expect("task");
            if !ok {
                failures += 1;
            }
            times.push(d);
        }
        let wall = t0.elapsed();
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{:<58} {:>8.1} {:>8.1} {:>8.1} {:>9.0}{}",
            name,
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.95)),
            ms(percentile(&times, 0.99)),
            requests as f64 / wall.as_secs_f64(),
            if failures > 0 { format!("  ({failures} failed)") } else { String::new() }
        );
    }
    if let Some(kib) = peak_memory_kib() {
        println!("peak memory of the server process (with the load generator): {:.1} MiB", kib as f64 / 1024.0);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
