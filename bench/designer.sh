#!/usr/bin/env bash
# Designer benchmark: time to interactive of a 200-service blueprint in headless Debian Chromium (/usr/bin/chromium).
# Usage: PADDOCK_TEST_POSTGRES='Host=...;Port=...;Username=...' bash bench/designer.sh [services] [runs]   (default 200 and 5)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/servers.sh
dotnet run -c Release --project bench/Paddock.Bench -- designer "${1:-200}" "${2:-5}"
