#!/usr/bin/env bash
# Installs what building and testing the portal needs; skips whatever is already there.
# Sourced by run.sh and test.sh. Nothing here downloads from GitHub or a CDN.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/end2end/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version 2>/dev/null | grep -q '0.3.10'; then
  say "installing cargo-leptos 0.3.10 (about 13 minutes, once)"
  cargo install --locked cargo-leptos --version 0.3.10
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q '0.2.130'; then
  say "installing wasm-bindgen-cli 0.2.130"
  cargo install wasm-bindgen-cli --version 0.2.130
fi

if [ ! -x /usr/bin/chromium ] && [ "${SKIP_BROWSER:-0}" != 1 ]; then
  say "installing Debian's Chromium"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi
fi

if [ ! -x "$ROOT/end2end/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/end2end/node_modules/@playwright/test" ]; then
  say "installing the end-to-end packages (Playwright, axe, binaryen's wasm-opt)"
  (cd "$ROOT/end2end" && npm ci --no-audit --no-fund)
fi
