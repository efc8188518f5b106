#!/usr/bin/env bash
# The run command: builds and serves Paddock on http://127.0.0.1:5080 (Paddock:Urls). Without
# ConnectionStrings__Paddock it starts a private PostgreSQL in .paddock/ (reused next time, stopped on Ctrl+C).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ -z "${ConnectionStrings__Paddock:-}" ]; then
  bash scripts/install-deps.sh
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Web -nologo -clp:ErrorsOnly -v q
cd src/Web
exec dotnet run --no-build --no-launch-profile -- --Paddock:DataDirectory="$(cd ../.. && pwd)/.paddock" "$@"
