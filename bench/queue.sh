#!/usr/bin/env bash
# Queue pickup benchmark: enqueue-to-start latency of Hangfire.PostgreSql as Paddock configures it (schema hangfire,
# QueuePollInterval 150 ms), on a fresh database created (and dropped) on the server.
# Usage: PADDOCK_TEST_POSTGRES='Host=...;Port=...;Username=...' bash bench/queue.sh [jobs]   (default 50)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/servers.sh
dotnet run -c Release --project bench/Paddock.Bench -- queue "${1:-50}"
