#!/usr/bin/env bash
# Launch benchmark: Paddock's executor vs docker-compose up -d on the same private engine.
# Usage: PADDOCK_TEST_DOCKER=unix:///path/docker.sock bash bench/run.sh [counts] [runs]   (default 3,10,30 and 3)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v docker-compose >/dev/null || { echo "docker-compose (Debian package docker-compose) is required"; exit 1; }
dotnet run -c Release --project bench/Paddock.Bench -- "${1:-3,10,30}" "${2:-3}"
# Measured 2 cores / Debian 12 / dockerd 20.10 / docker-compose 1.29.2, 3 runs each, medians (ms):
#   services | paddock | compose | ratio | unchanged re-apply
#   3        | 1437    | 2047    | 0.70  | 12
#   10       | 3302    | 3559    | 0.93  | 8
#   30       | 6727    | 7621    | 0.88  | 11
