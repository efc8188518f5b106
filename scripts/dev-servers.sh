#!/usr/bin/env bash
# For working on Paddock: starts the same throwaway servers as the test command (PostgreSQL, a private dockerd,
# SMTP) in a folder and writes <folder>/env.sh, so `source <folder>/env.sh && dotnet test tests/...` runs one
# test project against them. `dev-servers.sh stop <folder>` stops them.
#   bash scripts/dev-servers.sh start /tmp/my-servers
set -euo pipefail
cmd=${1:?start or stop}
export PADDOCK_TEST_DIR=${2:?a folder}
cd "$(dirname "$0")/.."
mkdir -p "$PADDOCK_TEST_DIR"
chmod 755 "$PADDOCK_TEST_DIR"
# shellcheck source=scripts/test-servers.sh
source scripts/test-servers.sh
case "$cmd" in
  start)
    start_postgres
    start_smtp
    start_docker
    cat >"$PADDOCK_TEST_DIR/env.sh" <<ENV
export PADDOCK_TEST_DIR='$PADDOCK_TEST_DIR'
export PADDOCK_TEST_POSTGRES='$PADDOCK_TEST_POSTGRES'
export PADDOCK_TEST_SMTP='$PADDOCK_TEST_SMTP'
export PADDOCK_TEST_MAILDIR='$PADDOCK_TEST_MAILDIR'
export PADDOCK_TEST_DOCKER='unix://$PADDOCK_TEST_DIR/docker/docker.sock'
export PADDOCK_SCREENSHOTS='$PADDOCK_TEST_DIR/screenshots'
ENV
    echo "source $PADDOCK_TEST_DIR/env.sh"
    ;;
  stop) stop_test_servers ;;
  *) echo "start or stop" >&2; exit 2 ;;
esac
