#!/usr/bin/env bash
# End-to-end import benchmark: generate a synthetic population, then import every records-*.csv
# with `gmc import person-records` into a fresh SQLite store and, when GMC_BENCH_POSTGRES holds
# a connection string, into PostgreSQL. Prints wall time and records per second for each.
#   bench/import-person-records.sh [PEOPLE]      (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-100000}
work=$(mktemp -d /tmp/gmc-bench-import.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet build src/GmConnect.Cli -c Release -v quiet -nologo >/dev/null
gmc() { dotnet src/GmConnect.Cli/bin/Release/net10.0/gmc.dll "$@"; }

gmc demo population --people "$people" --seed 1 --out "$work/pop" >/dev/null
records=$(( $(wc -l < "$work/pop/truth.csv") - 1 ))
echo "population: $people people, $records records"

run() {
  local label=$1 store=$2
  local start end
  start=$(date +%s.%N)
  gmc import person-records "$work"/pop/records-*.csv --store "$store" >/dev/null
  end=$(date +%s.%N)
  awk -v l="$label" -v s="$start" -v e="$end" -v n="$records" 'BEGIN { printf "%-22s %8.1f s  %9.0f records/s\n", l, e - s, n / (e - s) }'
  start=$(date +%s.%N)
  gmc import person-records "$work"/pop/records-*.csv --store "$store" >/dev/null
  end=$(date +%s.%N)
  awk -v l="$label (again, no-op)" -v s="$start" -v e="$end" 'BEGIN { printf "%-22s %8.1f s\n", l, e - s }'
}

run "SQLite" "Data Source=$work/bench.db"
if [ -n "${GMC_BENCH_POSTGRES:-}" ]; then
  run "PostgreSQL" "$GMC_BENCH_POSTGRES"
fi
