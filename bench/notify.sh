#!/usr/bin/env bash
# Notification delivery benchmark: an event committed to the outbox until a webhook receiver on 127.0.0.1 has it, through
# the real delivery pump, one at a time and then as a burst, on a fresh database created (and dropped) on the server.
# Usage: PADDOCK_TEST_POSTGRES='Host=...;Port=...;Username=...' bash bench/notify.sh [events] [burst]   (default 100 500)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/servers.sh
dotnet run -c Release --project bench/Paddock.Bench -- notify "${1:-100}" "${2:-500}"
