#!/usr/bin/env bash
# The run command: builds and serves Paddock on http://127.0.0.1:5080 (Paddock:Urls). Without
# ConnectionStrings__Paddock it starts a private PostgreSQL in .paddock/ (reused next time, stopped on Ctrl+C);
# without Docker__Host it uses /var/run/docker.sock or starts a private dockerd in .paddock/docker.
set -euo pipefail
cd "$(dirname "$0")/.."
# Without a configured database and engine, Paddock runs its own: make sure PostgreSQL and docker.io are installed.
if [ -z "${ConnectionStrings__Paddock:-}" ] || { [ -z "${Docker__Host:-}" ] && [ ! -S /var/run/docker.sock ]; }; then
  bash scripts/install-deps.sh run || echo "Continuing without installing: set ConnectionStrings__Paddock and Docker__Host to use your own servers."
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Web -nologo -clp:ErrorsOnly -v q
cd src/Web
exec dotnet run --no-build --no-launch-profile -- --Paddock:DataDirectory="$(cd ../.. && pwd)/.paddock" "$@"
