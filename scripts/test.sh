#!/usr/bin/env bash
# The test command: builds Paddock, starts real throwaway servers (PostgreSQL, a private Docker engine, SMTP),
# runs every test project against them, stops the servers, and prints `tests: N passed, N failed`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

bash scripts/install-deps.sh

export PADDOCK_TEST_DIR=$(mktemp -d /tmp/paddock-test.XXXXXX)
chmod 755 "$PADDOCK_TEST_DIR"
# shellcheck source=scripts/test-servers.sh
source scripts/test-servers.sh
trap 'stop_test_servers; rm -rf "$PADDOCK_TEST_DIR/pg" "$PADDOCK_TEST_DIR/docker/data" 2>/dev/null || true' EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PADDOCK_SCREENSHOTS="$ROOT/artifacts/screenshots"
mkdir -p "$PADDOCK_SCREENSHOTS"

start_postgres
start_smtp
start_docker &
docker_job=$!

echo "Building ..."
dotnet build Platform.sln -c Debug -nologo -clp:ErrorsOnly -warnaserror
echo "Checking formatting ..."
dotnet format Platform.sln --verify-no-changes --no-restore -v q || { echo "dotnet format found changes: run 'dotnet format Platform.sln'"; exit 1; }
wait $docker_job || true
# start_docker ran in a subshell: re-export what it would have exported.
if [ -S "$PADDOCK_TEST_DIR/docker/docker.sock" ]; then export PADDOCK_TEST_DOCKER="unix://$PADDOCK_TEST_DIR/docker/docker.sock"; fi

results="$PADDOCK_TEST_DIR/results"
set +e
# One test project at a time: they share two cores and one Docker engine, and timing-sensitive browser and
# engine tests are reliable only when they do not starve each other.
dotnet test Platform.sln --no-build -nologo -m:1 --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=false
status=$?
set -e

read -r passed failed < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find(".//t:ResultSummary/t:Counters", ns)
    if c is not None:
        passed += int(c.get("passed", 0))
        failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
print(passed, failed)
PY
)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
