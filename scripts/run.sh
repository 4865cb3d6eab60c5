#!/usr/bin/env bash
# Runs the portal: builds it (release), creates data/portal.db with the demo data on first
# start, and prints the URL. DATABASE_URL=postgres://... switches to PostgreSQL.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SKIP_BROWSER=1 source "$ROOT/scripts/setup.sh"
cd "$ROOT"
say "building the portal (release)"
cargo leptos build --release
export LEPTOS_SITE_ROOT="$ROOT/target/site"
export APP_DATA_DIR="${APP_DATA_DIR:-$ROOT/data}"
export APP_PORT="${APP_PORT:-3000}"
say "starting; demo accounts are listed in README.md"
exec "$ROOT/target/server-release/server"
