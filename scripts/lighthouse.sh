#!/usr/bin/env bash
# Lighthouse (npm `lighthouse`, pinned, in target/lighthouse-cli) on the release build with the
# demo data: home, catalogue, an offering, the order check page and the staff dashboard, mobile
# preset with simulated throttling in Debian's Chromium. Prints the table the README shows;
# the reports stay in target/lighthouse/. Not part of the test command: it measures.
#
#   LIGHTHOUSE_PORT (default 3190)   the port the portal listens on for the run
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
VERSION="12.8.2"
CLI="$ROOT/target/lighthouse-cli"
if [ ! -x "$CLI/node_modules/.bin/lighthouse" ] || ! grep -q "\"version\": \"$VERSION\"" "$CLI/node_modules/lighthouse/package.json"; then
  say "installing lighthouse $VERSION in $CLI"
  mkdir -p "$CLI"
  npm install --prefix "$CLI" --no-audit --no-fund --no-save "lighthouse@$VERSION" >/dev/null
fi

say "building the portal (release)"
cargo leptos build --release

PORT="${LIGHTHOUSE_PORT:-3190}"
DATA="$(mktemp -d)"
say "starting the portal on 127.0.0.1:$PORT with the demo data"
APP_DATA_DIR="$DATA" APP_PORT="$PORT" LEPTOS_SITE_ROOT="$ROOT/target/site" \
  "$ROOT/target/server-release/server" >"$ROOT/target/lighthouse-server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 180); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$ROOT/target/lighthouse-server.log" >&2; exit 1; }
  sleep 1
done

say "lighthouse: mobile, simulated throttling"
(cd "$ROOT/end2end" && node lighthouse.mjs "http://127.0.0.1:$PORT" "$CLI/node_modules/.bin/lighthouse" "$ROOT/target/lighthouse")
