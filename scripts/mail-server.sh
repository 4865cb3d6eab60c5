#!/usr/bin/env bash
# Starts the real SMTP server the message tests deliver to: aiosmtpd (from PyPI, in a virtual
# environment this script creates once) on 127.0.0.1, keeping every message it receives as a
# file in a maildir. It serves this checkout only: the port (MAIL_PORT, or a free one) and the
# process id are written to target/mail-server.port and target/mail-server.pid, and a server
# this checkout started and that still runs is reused. Called by scripts/test.sh, which
# exports TEST_SMTP_URL and TEST_MAILDIR for the tests and stops the server at the end.
#
#   MAIL_PORT (default: a free port)          the port to listen on
#   MAIL_DIR  (default target/test-maildir)   the maildir (new/ holds the messages)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/target/mail-venv"
VERSION="1.4.6"
MAILDIR="${MAIL_DIR:-$ROOT/target/test-maildir}"
LOG="$ROOT/target/mail-server.log"
PID_FILE="$ROOT/target/mail-server.pid"
PORT_FILE="$ROOT/target/mail-server.port"
mkdir -p "$ROOT/target"

listening() {
  python3 - "$PORT" <<'EOF'
import socket, sys
s = socket.socket()
s.settimeout(1)
try:
    s.connect(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
EOF
}

# aiosmtpd creates a missing maildir but not the tmp/new/cur folders of one that exists (or of
# one removed while it runs).
mkdir -p "$MAILDIR/tmp" "$MAILDIR/new" "$MAILDIR/cur"

# This checkout's server, still running: reuse it.
if [ -f "$PID_FILE" ] && [ -f "$PORT_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
  PORT="$(cat "$PORT_FILE")"
  if listening; then
    echo "==> aiosmtpd already serves this checkout on 127.0.0.1:$PORT"
    exit 0
  fi
fi
PORT="${MAIL_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}"
if listening; then
  echo "FAIL: 127.0.0.1:$PORT is taken by another program; unset MAIL_PORT to use a free port." >&2
  exit 1
fi

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('aiosmtpd') != '$VERSION')" 2>/dev/null; then
  echo "==> installing aiosmtpd $VERSION in $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "aiosmtpd==$VERSION"
fi

echo "==> starting aiosmtpd on 127.0.0.1:$PORT, messages in $MAILDIR"
# Detached from this shell, so it outlives the script and serves the whole test run.
nohup setsid "$VENV/bin/python" -m aiosmtpd -n -l "127.0.0.1:$PORT" -c aiosmtpd.handlers.Mailbox "$MAILDIR" \
  >"$LOG" 2>&1 </dev/null &
echo $! >"$PID_FILE"
echo "$PORT" >"$PORT_FILE"
for _ in $(seq 1 50); do
  listening && exit 0
  sleep 0.2
done
echo "FAIL: aiosmtpd did not start on 127.0.0.1:$PORT:" >&2
cat "$LOG" >&2
exit 1
