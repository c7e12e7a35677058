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

ensure_postgres() { # installs Debian's PostgreSQL when missing; pg_bin is its bin folder
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    need_package /nonexistent-postgres postgresql
    # Debian's package may start its default cluster; these scripts run their own, so leave none running.
    for cluster in /etc/postgresql/*/main; do
      [ -d "$cluster" ] && as_root pg_ctlcluster "$(basename "$(dirname "$cluster")")" main stop >/dev/null 2>&1 || true
    done
  fi
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
}

start_private_postgres() {
  ensure_postgres
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

# The benchmarks' cluster keeps its data between runs (bench/generate.sh fills it, bench/run.sh reads it): a folder
# of its own (KEZEK_BENCH_DATA, default /var/tmp/kezek-bench, which the postgres user can reach), a free port on 127.0.0.1, settings for a 2-core, 24 GiB
# machine, and durable commits as in production. After `start_bench_postgres`, BENCH_POSTGRES holds a connection string.
start_bench_postgres() {
  ensure_postgres
  bench_dir=${KEZEK_BENCH_DATA:-/var/tmp/kezek-bench}
  mkdir -p "$bench_dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$bench_dir"; fi
  if [ ! -f "$bench_dir/data/PG_VERSION" ]; then
    run_pg "$pg_bin/initdb" -D "$bench_dir/data" -U kezek -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  bench_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  printf '\n==> starting the benchmarks'"'"' PostgreSQL (%s) on 127.0.0.1:%s, data in %s\n' "$("$pg_bin/postgres" --version)" "$bench_port" "$bench_dir"
  run_pg "$pg_bin/pg_ctl" -D "$bench_dir/data" -l "$bench_dir/postgres.log" -w -o "-c listen_addresses=127.0.0.1 -p $bench_port -k $bench_dir \
    -c max_connections=300 -c shared_buffers=2GB -c effective_cache_size=8GB -c work_mem=16MB -c maintenance_work_mem=512MB \
    -c max_wal_size=8GB -c checkpoint_timeout=30min -c random_page_cost=1.1" start >/dev/null
  BENCH_POSTGRES="Host=127.0.0.1;Port=$bench_port;Username=kezek;Password=kezek;Database=postgres;Maximum Pool Size=100"
}

stop_bench_postgres() {
  [ -n "${bench_dir:-}" ] || return 0
  run_pg "$pg_bin/pg_ctl" -D "$bench_dir/data" -m fast stop >/dev/null 2>&1 || true
}
