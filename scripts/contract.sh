#!/usr/bin/env bash
# Tests the public API against its contract: schemathesis (from PyPI, in a virtual environment
# this script creates once) reads /api/v1/openapi.json from a running portal with the demo data
# and sends every documented operation generated requests, valid and invalid. The run fails on
# any server error or any answer that breaks the contract (status, content type, body schema,
# headers). Called by scripts/test.sh; needs the debug server built.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/target/schemathesis-venv"
VERSION="4.32.5"
if [ ! -x "$VENV/bin/schemathesis" ] || ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$VERSION"; then
  echo "==> installing schemathesis $VERSION in $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "schemathesis==$VERSION"
fi

PORT="${CONTRACT_PORT:-3131}"
DATA="$(mktemp -d)"
KEY="contract-test-ipr-key-$(date +%s)-0123456789abcdef"
LOG="$DATA/server.log"
APP_DATA_DIR="$DATA" APP_PORT="$PORT" LEPTOS_SITE_ROOT="$ROOT/target/site" APP_IPR_API_KEY="$KEY" \
  APP_API_REQUESTS_PER_MINUTE=1000000 APP_API_SYNCS_PER_MINUTE=1000000 "$ROOT/target/debug/server" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { echo "FAIL: the portal did not start:" >&2; cat "$LOG" >&2; exit 1; }
  sleep 1
done
curl -fsS "http://127.0.0.1:$PORT/readyz" >/dev/null || { echo "FAIL: the portal is not ready" >&2; cat "$LOG" >&2; exit 1; }

CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance
BASE="http://127.0.0.1:$PORT"
# Every operation but the supplier's sync, with the IPR feed's key.
"$VENV/bin/schemathesis" run "$BASE/api/v1/openapi.json" --checks "$CHECKS" \
  --exclude-path /api/v1/supplier/offerings \
  -H "Authorization: Bearer $KEY" \
  --max-examples "${CONTRACT_EXAMPLES:-100}" --seed 20261202

# The sync, with a key the approved demo supplier makes on its keys page.
JAR="$DATA/cookies"
curl -fsS -c "$JAR" -o /dev/null -H "Origin: $BASE" --data-urlencode "email=supplier@demo.kz" \
  --data-urlencode "password=demo-portal-2026" "$BASE/api/sign_in"
NEW=$(curl -fsS -b "$JAR" -c "$JAR" -o /dev/null -D - -H "Origin: $BASE" --data-urlencode "label=contract test" \
  "$BASE/api/supplier_create_api_key" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: ssp_new_api_key=\([^;]*\).*/\1/p')
SUPPLIER_KEY=$(python3 -c 'import base64,sys; v=sys.argv[1]; print(base64.urlsafe_b64decode(v + "=" * (-len(v) % 4)).decode())' "$NEW")
case "$SUPPLIER_KEY" in ssp_*) ;; *) echo "FAIL: no supplier key was made for the contract test" >&2; exit 1 ;; esac
"$VENV/bin/schemathesis" run "$BASE/api/v1/openapi.json" --checks "$CHECKS" \
  --include-path /api/v1/supplier/offerings \
  -H "Authorization: Bearer $SUPPLIER_KEY" \
  --max-examples "${CONTRACT_EXAMPLES:-100}" --seed 20261202
