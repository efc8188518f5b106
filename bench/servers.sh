#!/usr/bin/env bash
# Sourced by the bench scripts: when PADDOCK_TEST_POSTGRES / PADDOCK_TEST_DOCKER are not set, start the same private
# throwaway servers the test command uses, and stop them when the benchmark ends.
if [ -z "${PADDOCK_TEST_POSTGRES:-}" ] || [ -z "${PADDOCK_TEST_DOCKER:-}" ]; then
  bash scripts/install-deps.sh
  export PADDOCK_TEST_DIR=$(mktemp -d /tmp/paddock-bench.XXXXXX)
  chmod 755 "$PADDOCK_TEST_DIR"
  # shellcheck source=../scripts/test-servers.sh
  source scripts/test-servers.sh
  BENCH_STARTED_SERVERS=1
  trap 'stop_test_servers' EXIT
  [ -n "${PADDOCK_TEST_POSTGRES:-}" ] || start_postgres
  [ -n "${PADDOCK_TEST_DOCKER:-}" ] || start_docker
fi
