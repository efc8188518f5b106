#!/usr/bin/env bash
# Launch benchmark through the API, as an integration launches: POST /stacks on a running Paddock (Release, real job queue), then
# GET …/operations/{id}?wait=120 until the launch has ended (BENCH_FOLLOW=poll: GET the stack every BENCH_POLL_SECONDS, 0.1, instead); against `docker-compose up -d` of the compose file Paddock exports for the same
# blueprint version, on the same engine, alternating run by run, after one warm-up run of each. N busybox services in chains of three (s2 depends on
# s1, s3 on s2, s5 on s4...). Medians in ms.
# Usage: bash bench/launch-api.sh [counts] [runs]   (default 3,10,30 and 5; starts private servers unless PADDOCK_TEST_POSTGRES/DOCKER are set)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/servers.sh
command -v docker-compose >/dev/null || { echo "docker-compose (Debian package docker-compose) is required"; exit 1; }
counts=${1:-3,10,30}
runs=${2:-5}
# shellcheck source=paddock-server.sh
source bench/paddock-server.sh
start_paddock

project=$(api -d '{"name":"launch-bench"}' "$base/api/v1/projects" | id_of)
environment=$(api -d '{"name":"bench"}' "$base/api/v1/projects/$project/environments" | id_of)
now_ms() { date +%s%3N; }
status_of() { api "$base/api/v1/projects/$project/stacks/$1" | grep -o '"status":"[A-Za-z]*"' | head -1 | sed 's/.*:"//;s/"//'; }
wait_for() {
  local status
  while true; do
    status=$(status_of "$1")
    [ "$status" = "$2" ] && return 0
    [ "$status" = "Failed" ] && { echo "stack $1 failed" >&2; exit 1; }
    sleep "${BENCH_POLL_SECONDS:-0.1}"
  done
}
# CPU in core-seconds ×100 (USER_HZ): the whole machine (user, nice, system, irq, softirq) and Paddock's own process.
machine_cpu() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
paddock_cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
# Follows an operation with waiting reads (each answers as soon as it has ended); true when it succeeded.
follow() {
  local status
  while true; do
    status=$(api "$base/api/v1/projects/$project/stacks/$1/operations/$2?wait=120" | grep -o '"status":"[A-Za-z]*"' | head -1 | sed 's/.*:"//;s/"//')
    case "$status" in
      Queued | Running | AwaitingApproval) ;;
      Succeeded) return 0 ;;
      *) echo "operation $2 of stack $1 ended $status" >&2; exit 1 ;;
    esac
  done
}
median() { python3 -c 'import statistics,sys; print(round(statistics.median(float(x) for x in sys.argv[1:])))' "$@"; }

echo "services | paddock (API) median ms | compose median ms | ratio | machine CPU s per launch: paddock side, compose side | paddock process CPU s"
for count in ${counts//,/ }; do
  yaml="apiVersion: paddock/v1\nkind: Blueprint\nservices:\n"
  for i in $(seq 1 "$count"); do
    yaml+="  s$i:\n    image: paddock/busybox:latest\n    command: [sleep, \"3600\"]\n"
    if [ $((i % 3)) -ne 1 ]; then yaml+="    depends_on: [s$((i - 1))]\n"; fi
  done
  blueprint=$(api -d "{\"name\":\"chain-$count\",\"yaml\":\"${yaml//\"/\\\"}\"}" "$base/api/v1/projects/$project/blueprints" | sed 's/.*"blueprintId":"\([^"]*\)".*/\1/')
  mkdir -p "$work/compose-$count"
  api "$base/api/v1/projects/$project/blueprints/$blueprint/versions/1/compose" >"$work/compose-$count/docker-compose.yml"
  ours=() theirs=() our_cpu=() their_cpu=() own_cpu=()
  # Run 0 is a warm-up on both sides, not counted: Paddock's first launches pay for JIT compilation (a fresh server burns
  # ~4 s of CPU on its first 10-service launch, ~0.8 s from the fourth on), which a long-running server pays once.
  for run in $(seq 0 "$runs"); do
    for side in $([ $((run % 2)) -eq 1 ] && echo "paddock compose" || echo "compose paddock"); do
      if [ "$side" = paddock ]; then
        start=$(now_ms) cpu=$(machine_cpu) own=$(paddock_cpu)
        launched=$(api -d "{\"blueprintId\":\"$blueprint\",\"environmentId\":\"$environment\",\"ttlHours\":1,\"name\":\"b$count-$run\"}" \
          "$base/api/v1/projects/$project/stacks")
        stack=$(sed 's/.*"stackId":"\([^"]*\)".*/\1/' <<<"$launched")
        if [ "${BENCH_FOLLOW:-wait}" = poll ]; then wait_for "$stack" Running; else follow "$stack" "$(sed 's/.*"operationId":"\([^"]*\)".*/\1/' <<<"$launched")"; fi
        [ "$run" -eq 0 ] || { ours+=($(($(now_ms) - start))); our_cpu+=($(($(machine_cpu) - cpu))); own_cpu+=($(($(paddock_cpu) - own))); }
        api -o /dev/null -d '{"kind":"Destroy"}' "$base/api/v1/projects/$project/stacks/$stack/operations"
        wait_for "$stack" Destroyed
      else
        start=$(now_ms) cpu=$(machine_cpu)
        DOCKER_HOST="$PADDOCK_TEST_DOCKER" docker-compose -f "$work/compose-$count/docker-compose.yml" -p "bench${count}c$run" up -d >/dev/null 2>&1
        [ "$run" -eq 0 ] || { theirs+=($(($(now_ms) - start))); their_cpu+=($(($(machine_cpu) - cpu))); }
        DOCKER_HOST="$PADDOCK_TEST_DOCKER" docker-compose -f "$work/compose-$count/docker-compose.yml" -p "bench${count}c$run" down -v -t 0 >/dev/null 2>&1
      fi
    done
  done
  p=$(median "${ours[@]}") c=$(median "${theirs[@]}")
  echo "$count | $p | $c | $(python3 -c "print(f'{$p / $c:.2f}')") | $(median "${our_cpu[@]}" | awk '{print $1 / 100}'), $(median "${their_cpu[@]}" | awk '{print $1 / 100}') | $(median "${own_cpu[@]}" | awk '{print $1 / 100}')"
done
