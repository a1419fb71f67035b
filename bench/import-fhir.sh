#!/usr/bin/env bash
# End-to-end import benchmark for issue 6's target (person records plus pointers): generate a synthetic population,
# import every records-*.csv with `gmc import`, then POINTERS DocumentReferences as FHIR NDJSON `--as dfe:352`
# (each through the Locator's producer path: Governance checks, identity resolution, audit, outbox), into a fresh
# SQLite store and, when GMC_BENCH_POSTGRES holds a connection string, into PostgreSQL. Prints wall time and rows/s.
#   bench/import-fhir.sh [PEOPLE] [POINTERS]      (defaults 50000 and 5000)
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-50000}
pointers=${2:-5000}
work=$(mktemp -d /tmp/gmc-bench-fhir.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet build src/GmConnect.Cli -c Release -v quiet -nologo >/dev/null
gmc() { dotnet src/GmConnect.Cli/bin/Release/net10.0/gmc.dll "$@"; }

gmc demo population --people "$people" --seed 1 --out "$work/pop" >/dev/null
records=$(( $(wc -l < "$work/pop/truth.csv") - 1 ))
# Pointers to child protection plans of the first POINTERS social-care records, under their source keys.
awk -F, -v n="$pointers" 'NR > 1 && NR <= n + 1 {
  printf "{\"resourceType\":\"DocumentReference\",\"masterIdentifier\":{\"system\":\"urn:bench:la352\",\"value\":\"cpp-%d\"},\"status\":\"current\",\"type\":{\"coding\":[{\"system\":\"urn:gmconnect:record-type\",\"code\":\"child-protection-plan\"}]},\"subject\":{\"identifier\":{\"system\":\"urn:gmconnect:source:%s\",\"value\":\"%s\"}},\"content\":[{\"attachment\":{\"contentType\":\"application/pdf\",\"url\":\"https://la352.example/plans/%d\"}}]}\n", NR, $1, $2, NR }' \
  "$(ls "$work"/pop/records-*.csv | head -1)" > "$work/pointers.ndjson"
count=$(wc -l < "$work/pointers.ndjson")
echo "population: $people people, $records person records; $count pointers; $(uptime)"

time_it() { # label rows command…
  local label=$1 rows=$2; shift 2
  local start end
  start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N)
  awk -v l="$label" -v s="$start" -v e="$end" -v n="$rows" 'BEGIN { printf "%-36s %8.1f s  %9.0f rows/s\n", l, e - s, n / (e - s) }'
}

run() {
  local label=$1 store=$2
  time_it "$label person records" "$records" gmc import "$work"/pop/records-*.csv --store "$store"
  time_it "$label pointers (FHIR NDJSON)" "$count" gmc import "$work/pointers.ndjson" --as dfe:352 --store "$store"
  time_it "$label both again (no-op)" $((records + count)) gmc import "$work"/pop/records-*.csv "$work/pointers.ndjson" --as dfe:352 --store "$store"
  echo "load: $(uptime)"
}

run "SQLite" "Data Source=$work/bench.db"
if [ -n "${GMC_BENCH_POSTGRES:-}" ]; then
  run "PostgreSQL" "$GMC_BENCH_POSTGRES"
fi
