#!/usr/bin/env bash
# Sourced by the bench scripts after servers.sh: `start_paddock` builds Paddock (Release), starts it on a fresh database
# on 127.0.0.1:$PADDOCK_BENCH_PORT (5199), signs in as its admin and makes an admin-scoped API token. Then `api` is curl
# with that token and `id_of` reads the id of a created resource. Paddock (and the servers servers.sh started) stop on exit.
port=${PADDOCK_BENCH_PORT:-5199}
base="http://127.0.0.1:$port"
work=$(mktemp -d /tmp/paddock-bench-server.XXXXXX)

stop_paddock() {
  if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
  if [ -n "${BENCH_STARTED_SERVERS:-}" ]; then stop_test_servers; fi
}
trap stop_paddock EXIT

start_paddock() {
  local db="paddock_bench_$(date +%s)" page anti
  dotnet build -c Release src/Web -clp:ErrorsOnly -v q >/dev/null
  ConnectionStrings__Paddock="${PADDOCK_TEST_POSTGRES};Database=$db" Paddock__Urls="$base" Paddock__Admin__Email=bench@paddock.test \
    Paddock__Admin__Password='Bench-Passw0rd!' Paddock__Sample=false Paddock__RateLimit__PermitLimit=100000000 Docker__Host="$PADDOCK_TEST_DOCKER" \
    Logging__LogLevel__Default=Warning dotnet src/Web/bin/Release/net10.0/Paddock.Web.dll >"$work/server.log" 2>&1 &
  server=$!
  # The database is created by the server's migration; wait until it answers.
  for _ in $(seq 1 120); do curl -fsS "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  # Sign in with the form (antiforgery token and cookie), then make an admin-scoped API token.
  page=$(curl -fsS -c "$work/jar" "$base/account/sign-in")
  anti=$(grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' <<<"$page" | sed 's/.*value="//;s/"$//')
  curl -fsS -b "$work/jar" -c "$work/jar" -o /dev/null --data-urlencode "email=bench@paddock.test" --data-urlencode "password=Bench-Passw0rd!" \
    --data-urlencode "returnUrl=/" --data-urlencode "__RequestVerificationToken=$anti" "$base/account/sign-in"
  token=$(curl -fsS -b "$work/jar" -H 'Content-Type: application/json' -d '{"name":"bench","scopes":["admin"],"expiresInDays":1}' "$base/api/v1/me/tokens" \
    | sed 's/.*"secret":"\([^"]*\)".*/\1/')
}

api() { curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
id_of() { sed 's/^{"id":"\([^"]*\)".*/\1/'; }
