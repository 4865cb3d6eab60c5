#!/usr/bin/env bash
# Runs the whole test suite: unit and integration tests on SQLite and PostgreSQL, then the
# end-to-end tests (Playwright, axe, JavaScript on and off) in Debian's Chromium.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"

PG="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}"
export TEST_POSTGRES_URL="$PG"
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if ls /etc/postgresql >/dev/null 2>&1; then
    say "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
fi
if ! psql "$PG/postgres" -Atqc 'select 1' >/dev/null 2>&1; then
  echo "FAIL: PostgreSQL is not reachable at $PG; the suite runs on SQLite AND PostgreSQL and will not skip it." >&2
  exit 1
fi
say "dropping databases left by earlier test runs"
psql "$PG/postgres" -Atqc "select datname from pg_database where datname like 'ssp_test_%'" \
  | while read -r db; do psql "$PG/postgres" -qc "drop database if exists \"$db\"" >/dev/null; done

say "the SMTP server the message tests deliver to (aiosmtpd, keeping what it receives in a maildir)"
export TEST_MAILDIR="${TEST_MAILDIR:-$ROOT/target/test-maildir}"
MAIL_DIR="$TEST_MAILDIR" "$ROOT/scripts/mail-server.sh"
export TEST_SMTP_URL="smtp://127.0.0.1:$(cat "$ROOT/target/mail-server.port")"
# Stopped when the run ends, however it ends: the next run starts its own.
trap 'kill "$(cat "$ROOT/target/mail-server.pid" 2>/dev/null)" 2>/dev/null || true' EXIT

say "layout (cargo fmt) and lints (clippy, warnings are errors)"
cargo fmt --all --check
cargo clippy --workspace --exclude frontend --all-targets -- -D warnings
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

say "unit and integration tests (SQLite and PostgreSQL)"
cargo test --workspace --exclude frontend -- --test-threads="${TEST_THREADS:-4}"

say "building the site for the end-to-end tests: the debug server, and the wasm as it ships"
# The wasm is built for release (wasm-opt included): the end-to-end suite weighs what a page
# loads against its budget (end2end/tests/budget.spec.ts), and runs the islands as they ship.
cargo leptos build --server-only
cargo leptos build --release --frontend-only

say "end-to-end tests in Chromium (JavaScript on and off, axe on every page)"
E2E_DATA="$ROOT/end2end/.data"
E2E_SERVER_LOG="$ROOT/end2end/server-log.jsonl"
rm -rf "$E2E_DATA" "$E2E_SERVER_LOG"
export APP_DATA_DIR="$E2E_DATA" APP_PORT="${E2E_PORT:-3123}" LEPTOS_SITE_ROOT="$ROOT/target/site"
export PORTAL_BIN="$ROOT/target/debug/server" APP_LOG_FORMAT=json E2E_SERVER_LOG
(cd "$ROOT/end2end" && npx playwright test)

say "the public API against its OpenAPI contract (schemathesis: no server error, no answer outside the contract)"
"$ROOT/scripts/contract.sh"

say "the run's log: JSON lines, each request with its id, no e-mail, IIN or name of anyone in the database"
python3 "$ROOT/scripts/check-logs.py" "$E2E_SERVER_LOG" "$E2E_DATA/portal.db"
say "all tests passed"
