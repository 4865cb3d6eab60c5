#!/usr/bin/env bash
# Load benchmark at the size of the country (loopback only, bounded in time): fills the national
# data set once (target/bench/, or BENCH_DATABASE_URL=postgres://... an existing database), then
# measures each page against a bare axum + sqlx handler in the same run. BENCH_SCALE (1.0),
# BENCH_SECONDS (8) and BENCH_CONNECTIONS (64) change the size and the load.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
cargo build --profile server-release -p server --bin server
export PORTAL_BIN="$ROOT/target/server-release/server" BENCH_DIR="$ROOT/target/bench" LEPTOS_SITE_ROOT="$ROOT/target/site"
exec cargo bench --profile server-release -p server --bench load
