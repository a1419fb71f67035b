#!/usr/bin/env bash
# End-to-end import benchmark for issue 6's target (person records plus pointers): person records with `gmc import`,
# then POINTERS DocumentReferences as FHIR NDJSON `--as dfe:352` (through the Locator's bulk producer path, ADR 0009:
# Governance checks, identity resolution, audit, outbox per chunk; read by the fast DocumentReference reader, ADR 0014),
# into a fresh SQLite store and, when GMC_BENCH_POSTGRES holds a connection string, into PostgreSQL. Prints per phase
# and overall: wall time and rows/s, and the import process's own CPU time (user + system; PostgreSQL's server CPU not
# included) with rows per CPU-second, a figure a loaded machine disturbs far less than wall time.
#
#   bench/import-fhir.sh [PEOPLE] [POINTERS]          generate PEOPLE people (default 50000); POINTERS (default 5000)
#                                                     pointers to the first records of the first records file
#   GMC_BENCH_POPULATION=/tmp/pop1m bench/import-fhir.sh RECORDS POINTERS
#                                                     an already generated population (records-*.csv, read only): the
#                                                     first RECORDS records of its files in name order, and POINTERS
#                                                     pointers to those records in turn (1,000,000 each: about two per
#                                                     person, since the population has 2.16 records per person)
# Environment: GMC_BENCH_STORES=sqlite|postgres|both (default both; postgres needs GMC_BENCH_POSTGRES, whose schema is
# emptied first), GMC_BENCH_AGAIN=0 skips the idempotency re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
stores=${GMC_BENCH_STORES:-both}
work=$(mktemp -d /tmp/gmc-bench-fhir.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet build src/GmConnect.Cli -c Release -v quiet -nologo >/dev/null
GMC=(dotnet src/GmConnect.Cli/bin/Release/net10.0/gmc.dll)

mkdir -p "$work/pop"
if [ -n "${GMC_BENCH_POPULATION:-}" ]; then
  want=${1:-1000000}
  pointers=${2:-$want}
  left=$want
  for file in "$GMC_BENCH_POPULATION"/records-*.csv; do
    [ "$left" -gt 0 ] || break
    head -n $((left + 1)) "$file" > "$work/pop/$(basename "$file")"
    left=$((left - $(wc -l < "$work/pop/$(basename "$file")") + 1))
  done
  source_label="the first $want records of $GMC_BENCH_POPULATION"
else
  people=${1:-50000}
  pointers=${2:-5000}
  "${GMC[@]}" demo population --people "$people" --seed 1 --out "$work/gen" >/dev/null
  cp "$work"/gen/records-*.csv "$work/pop/"
  source_label="$people generated people"
fi
records=$(( $(cat "$work"/pop/records-*.csv | wc -l) - $(ls "$work"/pop/records-*.csv | wc -l) ))

# Pointers to child protection plans of the records in file order (cycling if there are more pointers than records),
# each under its record's source key.
tail -q -n +2 "$work"/pop/records-*.csv | cut -d, -f1,2 | awk -F, -v n="$pointers" '
  { src[NR] = $1; id[NR] = $2 }
  END { for (i = 1; i <= n; i++) { r = (i - 1) % NR + 1
    printf "{\"resourceType\":\"DocumentReference\",\"masterIdentifier\":{\"system\":\"urn:bench:la352\",\"value\":\"cpp-%d\"},\"status\":\"current\",\"type\":{\"coding\":[{\"system\":\"urn:gmconnect:record-type\",\"code\":\"child-protection-plan\"}]},\"subject\":{\"identifier\":{\"system\":\"urn:gmconnect:source:%s\",\"value\":\"%s\"}},\"content\":[{\"attachment\":{\"contentType\":\"application/pdf\",\"url\":\"https://la352.example/plans/%d\"}}]}\n", i, src[r], id[r], i } }' \
  > "$work/pointers.ndjson"
count=$(wc -l < "$work/pointers.ndjson")
echo "population: $source_label: $records person records; $count pointers; $(uptime)"

time_it() { # label rows command…  (wall time, and the import process's own CPU time: user + system)
  local label=$1 rows=$2; shift 2
  local start end cpu
  start=$(date +%s.%N); /usr/bin/time -f "%U %S" -o "$work/cpu" "$@" >/dev/null; end=$(date +%s.%N)
  cpu=$(awk '{ print $1 + $2 }' "$work/cpu")
  echo "$rows $start $end $cpu" >> "$work/phases"
  awk -v l="$label" -v s="$start" -v e="$end" -v n="$rows" -v c="$cpu" \
    'BEGIN { printf "%-40s %8.1f s  %9.0f rows/s  %7.1f s CPU  %9.0f rows/CPU-s\n", l, e - s, n / (e - s), c, (c > 0 ? n / c : 0) }'
}

run() {
  local label=$1 store=$2
  rm -f "$work/phases"
  time_it "$label person records" "$records" "${GMC[@]}" import "$work"/pop/records-*.csv --store "$store"
  time_it "$label pointers (FHIR NDJSON)" "$count" "${GMC[@]}" import "$work/pointers.ndjson" --as dfe:352 --store "$store"
  awk -v l="$label" '{ n += $1; w += $3 - $2; c += $4 } END {
    printf "%-40s %8.1f s  %9.0f rows/s  %7.1f s CPU  %9.0f rows/CPU-s\n", l " overall (records + pointers)", w, n / w, c, (c > 0 ? n / c : 0) }' "$work/phases"
  if [ "${GMC_BENCH_AGAIN:-1}" != 0 ]; then
    time_it "$label both again (no-op)" $((records + count)) "${GMC[@]}" import "$work"/pop/records-*.csv "$work/pointers.ndjson" --as dfe:352 --store "$store"
  fi
  echo "load: $(uptime)"
}

if [ "$stores" != postgres ]; then
  run "SQLite" "Data Source=$work/bench.db"
fi
if [ "$stores" != sqlite ] && [ -n "${GMC_BENCH_POSTGRES:-}" ]; then
  # A fresh schema each run: the search path's first schema is dropped and made again.
  schema=$(sed -n 's/.*[Ss]earch [Pp]ath=\([^;,]*\).*/\1/p' <<< "$GMC_BENCH_POSTGRES")
  if [ -n "$schema" ]; then
    PGPASSWORD=${PGPASSWORD:-} psql "$(sed 's/[Ss]earch [Pp]ath=[^;]*;\{0,1\}//' <<< "$GMC_BENCH_POSTGRES" | tr ';' '\n' | awk -F= '
      tolower($1) == "host" { h = $2 } tolower($1) == "port" { p = $2 } tolower($1) == "username" { u = $2 } tolower($1) == "password" { w = $2 } tolower($1) == "database" { d = $2 }
      END { printf "postgresql://%s:%s@%s:%s/%s", u, w, h, p, d }')" -q -c "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema" 2>/dev/null \
      || echo "note: could not reset schema $schema (psql missing?); it must be empty"
  fi
  run "PostgreSQL" "$GMC_BENCH_POSTGRES"
fi
