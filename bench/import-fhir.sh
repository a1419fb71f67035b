#!/usr/bin/env bash
# End-to-end import benchmark for issue 6's target (person records plus pointers): generate a synthetic population,
# import every records-*.csv with `gmc import`, then POINTERS DocumentReferences as FHIR NDJSON `--as dfe:352`
# (through the Locator's bulk producer path, ADR 0009: Governance checks, identity resolution, audit, outbox per chunk), into a fresh
# SQLite store and, when GMC_BENCH_POSTGRES holds a connection string, into PostgreSQL. Prints wall time and rows/s,
# and the import process's own CPU time (user + system; PostgreSQL's server CPU not included) with rows per CPU-second,
# a figure a loaded machine disturbs far less than wall time.
#   bench/import-fhir.sh [PEOPLE] [POINTERS]      (defaults 50000 and 5000)
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-50000}
pointers=${2:-5000}
work=$(mktemp -d /tmp/gmc-bench-fhir.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet build src/GmConnect.Cli -c Release -v quiet -nologo >/dev/null
GMC=(dotnet src/GmConnect.Cli/bin/Release/net10.0/gmc.dll)
gmc() { "${GMC[@]}" "$@"; }

gmc demo population --people "$people" --seed 1 --out "$work/pop" >/dev/null
records=$(( $(wc -l < "$work/pop/truth.csv") - 1 ))
# Pointers to child protection plans of the first POINTERS social-care records, under their source keys.
awk -F, -v n="$pointers" 'NR > 1 && NR <= n + 1 {
  printf "{\"resourceType\":\"DocumentReference\",\"masterIdentifier\":{\"system\":\"urn:bench:la352\",\"value\":\"cpp-%d\"},\"status\":\"current\",\"type\":{\"coding\":[{\"system\":\"urn:gmconnect:record-type\",\"code\":\"child-protection-plan\"}]},\"subject\":{\"identifier\":{\"system\":\"urn:gmconnect:source:%s\",\"value\":\"%s\"}},\"content\":[{\"attachment\":{\"contentType\":\"application/pdf\",\"url\":\"https://la352.example/plans/%d\"}}]}\n", NR, $1, $2, NR }' \
  "$(ls "$work"/pop/records-*.csv | head -1)" > "$work/pointers.ndjson"
count=$(wc -l < "$work/pointers.ndjson")
echo "population: $people people, $records person records; $count pointers; $(uptime)"

time_it() { # label rows command…  (wall time, and the import process's own CPU time: user + system)
  local label=$1 rows=$2; shift 2
  local start end cpu
  start=$(date +%s.%N); /usr/bin/time -f "%U %S" -o "$work/cpu" "$@" >/dev/null; end=$(date +%s.%N)
  cpu=$(awk '{ print $1 + $2 }' "$work/cpu")
  awk -v l="$label" -v s="$start" -v e="$end" -v n="$rows" -v c="$cpu" \
    'BEGIN { printf "%-36s %8.1f s  %9.0f rows/s  %7.1f s CPU  %9.0f rows/CPU-s\n", l, e - s, n / (e - s), c, (c > 0 ? n / c : 0) }'
}

run() {
  local label=$1 store=$2
  time_it "$label person records" "$records" "${GMC[@]}" import "$work"/pop/records-*.csv --store "$store"
  time_it "$label pointers (FHIR NDJSON)" "$count" "${GMC[@]}" import "$work/pointers.ndjson" --as dfe:352 --store "$store"
  time_it "$label both again (no-op)" $((records + count)) "${GMC[@]}" import "$work"/pop/records-*.csv "$work/pointers.ndjson" --as dfe:352 --store "$store"
  echo "load: $(uptime)"
}

run "SQLite" "Data Source=$work/bench.db"
if [ -n "${GMC_BENCH_POSTGRES:-}" ]; then
  run "PostgreSQL" "$GMC_BENCH_POSTGRES"
fi
