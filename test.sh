#!/usr/bin/env bash
# The one test command: installs what is missing (PostgreSQL, xmlsec1), starts a private PostgreSQL on
# 127.0.0.1 for the run, runs every test suite on SQLite and PostgreSQL, stops what it started, and exits
# non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n==> %s\n' "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
need_package() { # need_package COMMAND-OR-PATH PACKAGE...
  if command -v "$1" >/dev/null 2>&1 || [ -e "$1" ]; then return; fi
  log "installing ${*:2}"
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${@:2}" >/dev/null
}

command -v dotnet >/dev/null || { echo "The .NET SDK (dotnet) is required." >&2; exit 1; }
need_package xmlsec1 xmlsec1
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  need_package /nonexistent-postgres postgresql
  # Debian's package may start its default cluster; this script runs its own, so leave none running.
  for cluster in /etc/postgresql/*/main; do
    [ -d "$cluster" ] && as_root pg_ctlcluster "$(basename "$(dirname "$cluster")")" main stop >/dev/null 2>&1 || true
  done
fi

# A private PostgreSQL cluster for this run only: its own folder, a free port, 127.0.0.1, trust auth.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/kezek-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_dir"; fi

stop_pg() {
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_pg EXIT

log "starting PostgreSQL ($("$pg_bin/postgres" --version)) on 127.0.0.1:$pg_port"
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U kezek -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c max_connections=300 -c fsync=off" start >/dev/null
export KEZEK_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=kezek;Password=kezek;Database=postgres;Maximum Pool Size=100"

log "building"
dotnet build Kezek.slnx -c Release -warnaserror --nologo -v quiet

log "testing"
status=0
for project in tests/Kezek.UnitTests tests/Kezek.IntegrationTests; do
  dotnet test "$project" -c Release --no-build --nologo --logger "console;verbosity=minimal" || status=1
done

if [ "$status" -ne 0 ]; then log "FAILED"; else log "all suites passed"; fi
exit "$status"
