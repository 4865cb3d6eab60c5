#!/usr/bin/env python3
"""Reads the log of an end-to-end run (APP_LOG_FORMAT=json) and the run's database, and fails
when a line is not JSON, when requests were logged without their id, or when any e-mail
address, IIN or person's name held in the database appears anywhere in the log.

Usage: check-logs.py LOG_FILE SQLITE_DATABASE
"""
import json
import sqlite3
import sys


def main(log_path: str, db_path: str) -> int:
    with open(log_path, encoding="utf-8") as f:
        text = f.read()
    lines = [l for l in text.splitlines() if l.strip()]
    problems = []
    requests = 0
    for n, line in enumerate(lines, 1):
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            problems.append(f"line {n} is not JSON: {line[:120]}")
            continue
        if entry.get("message") in ("request answered", "request failed"):
            requests += 1
            if not entry.get("span", {}).get("request_id"):
                problems.append(f"line {n} logs a request without its id")
    if requests < 100:
        problems.append(f"only {requests} requests were logged; the run should have made hundreds")
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    personal = set()
    for (email, name) in db.execute("SELECT email, display_name FROM accounts"):
        personal.add(email)
        if name and len(name) >= 6:
            personal.add(name)
    for (iin, name) in db.execute("SELECT iin, full_name FROM recipients"):
        personal.add(iin)
        if name and len(name) >= 6:
            personal.add(name)
    leaks = sorted(p for p in personal if p and p in text)
    for p in leaks:
        problems.append(f"personal data in the log: {p}")
    print(f"check-logs: {len(lines)} lines, {requests} requests, {len(personal)} personal values looked for")
    for p in problems:
        print(f"check-logs: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
