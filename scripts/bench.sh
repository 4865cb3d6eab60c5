#!/usr/bin/env bash
# Load benchmark of the portal on this machine (loopback only, bounded): latency percentiles,
# throughput and peak memory per scenario. BENCH_DATABASE_URL=postgres://... for PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo bench -p server --bench load
