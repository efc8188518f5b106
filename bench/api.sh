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
port=${PADDOCK_BENCH_PORT:-5199}
base="http://127.0.0.1:$port"
db="paddock_bench_$(date +%s)"
work=$(mktemp -d /tmp/paddock-api-bench.XXXXXX)

dotnet build -c Release src/Web -clp:ErrorsOnly -v q >/dev/null
connection="${PADDOCK_TEST_POSTGRES};Database=$db"
ConnectionStrings__Paddock="$connection" Paddock__Urls="$base" Paddock__Admin__Email=bench@paddock.test Paddock__Admin__Password='Bench-Passw0rd!' \
  Paddock__Sample=false Paddock__RateLimit__PermitLimit=100000000 Docker__Host="$PADDOCK_TEST_DOCKER" Logging__LogLevel__Default=Warning \
  dotnet src/Web/bin/Release/net10.0/Paddock.Web.dll >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
# The database is created by the server's migration; wait until it answers.
for _ in $(seq 1 120); do curl -fsS "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done

# Sign in with the form (antiforgery token and cookie), then make an admin-scoped API token.
page=$(curl -fsS -c "$work/jar" "$base/account/sign-in")
anti=$(grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' <<<"$page" | sed 's/.*value="//;s/"$//')
curl -fsS -b "$work/jar" -c "$work/jar" -o /dev/null --data-urlencode "email=bench@paddock.test" --data-urlencode "password=Bench-Passw0rd!" \
  --data-urlencode "returnUrl=/" --data-urlencode "__RequestVerificationToken=$anti" "$base/account/sign-in"
token=$(curl -fsS -b "$work/jar" -H 'Content-Type: application/json' -d '{"name":"bench","scopes":["admin"],"expiresInDays":1}' "$base/api/v1/me/tokens" \
  | sed 's/.*"secret":"\([^"]*\)".*/\1/')
api() { curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
id_of() { sed 's/^{"id":"\([^"]*\)".*/\1/'; }

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
sleep 5

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
