#!/usr/bin/env bash
# The rush on seats over real HTTP: a private PostgreSQL and a real Kezek server process on this machine.
# Usage: bench/choose-rush.sh [--applicants 2000] [--seats 500] [--clients 100]
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/private-postgres.sh
trap stop_private_postgres EXIT
start_private_postgres
dotnet build bench/Kezek.Benchmarks -c Release -v quiet --nologo
dotnet bench/Kezek.Benchmarks/bin/Release/net10.0/Kezek.Benchmarks.dll choose-rush --postgres "$PRIVATE_POSTGRES" "$@"
