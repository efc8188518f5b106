#!/usr/bin/env bash
# API list endpoints under load: Paddock (Release) on a fresh database, seeded through its own API, then wrk offering
# about 500 requests/s to every list endpoint for DURATION seconds; p50/p90/p99. Each of BENCH_CONNECTIONS (13)
# connections pauses BENCH_DELAY_MS (18) after each answer: 13 x 1000 / (18 + ~8 ms latency) = 500 requests/s.
# Usage: bash bench/api.sh [duration-seconds]   (default 20; starts private servers unless PADDOCK_TEST_POSTGRES/DOCKER are set)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/servers.sh
command -v wrk >/dev/null || { echo "wrk (Debian package wrk) is required: apt-get install -y wrk"; exit 1; }
duration=${1:-20}
connections=${BENCH_CONNECTIONS:-13}
pause=${BENCH_DELAY_MS:-18}
# shellcheck source=paddock-server.sh
source bench/paddock-server.sh
start_paddock

# Seed: 30 projects; in one of them 10 environments, 20 blueprints, 10 members, 10 launched stacks (one busybox each).
for i in $(seq 1 30); do project=$(api -d "{\"name\":\"bench-$i\"}" "$base/api/v1/projects" | id_of); done
for i in $(seq 1 10); do environment=$(api -d "{\"name\":\"env-$i\"}" "$base/api/v1/projects/$project/environments" | id_of); done
yaml='apiVersion: paddock/v1\nkind: Blueprint\nservices:\n  app:\n    image: paddock/busybox:latest\n    command: [sleep, \"3600\"]\n'
for i in $(seq 1 20); do
  blueprint=$(api -d "{\"name\":\"bp-$i\",\"yaml\":\"$yaml\"}" "$base/api/v1/projects/$project/blueprints" | sed 's/.*"blueprintId":"\([^"]*\)".*/\1/')
done
for i in $(seq 1 10); do
  api -o /dev/null -d "{\"email\":\"member-$i@paddock.test\",\"displayName\":\"Member $i\",\"password\":\"Member-Passw0rd!\"}" "$base/api/v1/users"
  api -o /dev/null -d "{\"email\":\"member-$i@paddock.test\",\"role\":\"Viewer\"}" "$base/api/v1/projects/$project/members"
done
for i in $(seq 1 10); do
  api -o /dev/null -d "{\"blueprintId\":\"$blueprint\",\"environmentId\":\"$environment\",\"ttlHours\":1,\"name\":\"stack-$i\"}" "$base/api/v1/projects/$project/stacks"
done
# Measure only once the launches are done: the engine starting containers competes for the same cores.
for _ in $(seq 1 120); do
  [ "$(api "$base/api/v1/projects/$project/stacks?status=Running" | grep -o '"id":"' | wc -l)" -ge 10 ] && break
  sleep 1
done
sleep 2

paths=(
  "/api/v1/projects"
  "/api/v1/projects/$project/environments"
  "/api/v1/projects/$project/members"
  "/api/v1/projects/$project/blueprints"
  "/api/v1/projects/$project/stacks"
  "/api/v1/projects/$project/audit-events"
  "/api/v1/users"
)
for path in "${paths[@]}"; do
  # Warm up (JIT, pools), then measure.
  BENCH_PATH="$path" BENCH_TOKEN="$token" BENCH_DELAY_MS="$pause" wrk -t2 -c"$connections" -d3s -s bench/api-list.lua "$base" >/dev/null
  BENCH_PATH="$path" BENCH_TOKEN="$token" BENCH_DELAY_MS="$pause" wrk -t2 -c"$connections" -d"${duration}s" --latency -s bench/api-list.lua "$base" | grep '^BENCH'
done

for stack in $(api "$base/api/v1/projects/$project/stacks" | grep -o '"id":"[^"]*"' | sed 's/"id":"//;s/"//'); do
  api -o /dev/null -d '{"kind":"Destroy"}' "$base/api/v1/projects/$project/stacks/$stack/operations" || true
done
sleep 5
