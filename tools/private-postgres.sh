# Sourced by test.sh and bench/*.sh: installs PostgreSQL from Debian when missing, and starts a private cluster
# for this run only (its own folder, a free port, 127.0.0.1, trust auth). After `start_private_postgres`,
# PRIVATE_POSTGRES holds a connection string to it; `stop_private_postgres` stops it and removes its folder.

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
need_package() { # need_package COMMAND-OR-PATH PACKAGE...
  if command -v "$1" >/dev/null 2>&1 || [ -e "$1" ]; then return; fi
  printf '\n==> installing %s\n' "${*:2}"
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${@:2}" >/dev/null
}

start_private_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    need_package /nonexistent-postgres postgresql
    # Debian's package may start its default cluster; this script runs its own, so leave none running.
    for cluster in /etc/postgresql/*/main; do
      [ -d "$cluster" ] && as_root pg_ctlcluster "$(basename "$(dirname "$cluster")")" main stop >/dev/null 2>&1 || true
    done
  fi
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_dir=$(mktemp -d /tmp/kezek-pg.XXXXXX)
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_dir"; fi
  printf '\n==> starting PostgreSQL (%s) on 127.0.0.1:%s\n' "$("$pg_bin/postgres" --version)" "$pg_port"
  run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U kezek -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c max_connections=300 -c fsync=off" start >/dev/null
  PRIVATE_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=kezek;Password=kezek;Database=postgres;Maximum Pool Size=100"
}

stop_private_postgres() {
  [ -n "${pg_dir:-}" ] || return 0
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}

run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
