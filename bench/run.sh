#!/usr/bin/env bash
# Launch benchmark: Paddock's executor vs docker-compose up -d on the same private engine.
# Usage: PADDOCK_TEST_DOCKER=unix:///path/docker.sock bash bench/run.sh [counts] [runs]   (default 3,10,30 and 3)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/servers.sh
command -v docker-compose >/dev/null || { echo "docker-compose (Debian package docker-compose) is required"; exit 1; }
dotnet run -c Release --project bench/Paddock.Bench -- "${1:-3,10,30}" "${2:-3}"
# Results, machine and method: docs/benchmarks.md. Job queue pickup latency: bench/queue.sh.
# PADDOCK_BENCH_PARALLELISM overrides the executor's bound on parallel provider calls (default 8).
