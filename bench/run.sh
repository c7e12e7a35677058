#!/usr/bin/env bash
# Runs every benchmark, in this order, and prints each figure beside the plainest way of doing the same work:
#   1. region rules in process (BenchmarkDotNet, short run)
#   2. queuePosition and the parent's journal at 10k, 100k and 1M applications: plain Npgsql, bare minimal API, Kezek
#      (32 clients for throughput; then 4 clients on 1M for latency)
#   3. publishPlaces of 10,000 queue seats and the sweep of 100,000 due timers on a copy of the 1M country
#   4. the rush: 5,000 applicants, 1,000 seats, 500 clients all at once, then again arriving at 500 per second, then all at
#      once against two server processes on the same database (CPU per choice and the invariants)
#   5. allocation (issue 18): deferred acceptance and the other runs in memory at 100,000 families, then an Almaty-size
#      release window (13,000 seats, 50,000 families) end to end through a real server
# Then every target beside its figure and its limit (bench/targets.py reads this run's output).
# The countries come from bench/generate.sh (run it first). The figures are written up in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/private-postgres.sh
start_bench_postgres
trap stop_bench_postgres EXIT
dotnet build bench/Kezek.Benchmarks -c Release -v quiet --nologo
log=$(mktemp /tmp/kezek-bench-XXXXXX.log)
exec > >(tee "$log") 2>&1
bench=bench/Kezek.Benchmarks/bin/Release/net10.0/Kezek.Benchmarks.dll
# The rush's servers run with the young-generation budget the image ships with (docker/Dockerfile, docs/operations.md).
gen0=DOTNET_GCgen0size=0x1000000
database() { echo "${BENCH_POSTGRES/Database=postgres/Database=$1}"; }
for name in kezek_country_10k kezek_country_100k kezek_country_1m; do
  psql -h 127.0.0.1 -p "$bench_port" -U kezek -d postgres -qtAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1 \
    || { echo "No $name: run bench/generate.sh first." >&2; exit 2; }
done

printf '\n==> 1. region rules (in process)\n'
(cd bench/Kezek.Benchmarks && dotnet "bin/Release/net10.0/Kezek.Benchmarks.dll" --filter '*RuleSet*' --job short) | grep -E '^\|' || true
for name in kezek_country_10k kezek_country_100k kezek_country_1m; do
  printf '\n==> 2. reads on %s\n' "$name"
  dotnet "$bench" reads --postgres "$(database "$name")" --clients 32 --seconds 20 --warmup 5
done
printf '\n==> 2. reads on kezek_country_1m at light load (latency)\n'
dotnet "$bench" reads --postgres "$(database kezek_country_1m)" --clients 4 --seconds 20 --warmup 5
printf '\n==> 3. operations on a copy of kezek_country_1m\n'
dotnet "$bench" operations --postgres "$(database kezek_country_1m)" --seats 10000 --timers 100000
printf '\n==> 4. the rush, all at once\n'
dotnet "$bench" choose-rush --postgres "$BENCH_POSTGRES" --applicants 5000 --seats 1000 --clients 500 --server-env "$gen0"
printf '\n==> 4. the rush, arriving at 500 per second\n'
dotnet "$bench" choose-rush --postgres "$BENCH_POSTGRES" --applicants 5000 --seats 1000 --clients 500 --rate 500 --server-env "$gen0"
printf '\n==> 4. the rush, all at once, two instances on the same database\n'
dotnet "$bench" choose-rush --postgres "$BENCH_POSTGRES" --applicants 5000 --seats 1000 --clients 500 --instances 2 --server-env "$gen0"
printf '\n==> 5. allocation in memory: 100,000 families, 3,000 kindergartens, 5 ranks\n'
dotnet "$bench" allocation --families 100000 --kindergartens 3000 --ranks 5
printf '\n==> 5. an Almaty-size release window, end to end\n'
dotnet "$bench" window --postgres "$BENCH_POSTGRES;Command Timeout=0" --seats 13000 --families 50000

printf '\n==> the targets (issues 16 and 18), from this run (%s)\n' "$log"
python3 bench/targets.py "$log"
