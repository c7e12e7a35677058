#!/usr/bin/env bash
# Regenerates the benchmark countries (seed 42): kezek_country_10k, _100k and _1m in the benchmarks' own PostgreSQL
# cluster, which keeps them for bench/run.sh. Usage: bench/generate.sh [SIZE...] (default: 10000 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/private-postgres.sh
start_bench_postgres
trap stop_bench_postgres EXIT
dotnet build bench/Kezek.Benchmarks -c Release -v quiet --nologo
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
for size in "${sizes[@]}"; do
  name=kezek_country_$(python3 -c "n=$size; print(f'{n//1_000_000}m' if n % 1_000_000 == 0 else f'{n//1000}k')")
  psql -h 127.0.0.1 -p "$bench_port" -U kezek -d postgres -qtAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1 \
    || psql -h 127.0.0.1 -p "$bench_port" -U kezek -d postgres -qc "CREATE DATABASE $name"
  dotnet bench/Kezek.Benchmarks/bin/Release/net10.0/Kezek.Benchmarks.dll generate --provider PostgreSql \
    --connection "${BENCH_POSTGRES/Database=postgres/Database=$name}" --applications "$size" --seed 42 --replace
done
