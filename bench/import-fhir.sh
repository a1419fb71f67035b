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
# emptied first), GMC_BENCH_AGAIN=0 skips the idempotency re-run. On PostgreSQL the server's CPU time for the phase is
# printed too when the server runs on this machine and its processes' /proc entries are readable (the backends
# connected to the bench database, sampled twice a second; the WAL writer and checkpointer are not counted), and
# GMC_BENCH_DUMP=FILE writes a sorted dump of what the import stored (COPY of its tables, times and generated ids
# left out) so that two builds' results can be compared with cmp.
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

pg_url() { # the libpq URL of a Npgsql connection string (without its search path)
  sed 's/[Ss]earch [Pp]ath=[^;]*;\{0,1\}//' <<< "$1" | tr ';' '\n' | awk -F= '
    tolower($1) == "host" { h = $2 } tolower($1) == "port" { p = $2 } tolower($1) == "username" { u = $2 } tolower($1) == "password" { w = $2 } tolower($1) == "database" { d = $2 }
    END { printf "postgresql://%s:%s@%s:%s/%s", u, w, h, p, d }'
}

server_cpu() { # url database out: CPU seconds of the server's backends connected to the database, until killed
  local url=$1 db=$2 out=$3
  declare -A ticks
  report() { local sum=0 t; for t in "${ticks[@]}"; do sum=$((sum + t)); done
    awk -v s="$sum" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", s / hz }' > "$out"; exit 0; }
  trap report TERM
  while true; do
    for pid in $(psql "$url" -Atc "SELECT pid FROM pg_stat_activity WHERE datname = '$db' AND pid <> pg_backend_pid()" 2>/dev/null); do
      [ -r "/proc/$pid/stat" ] && ticks[$pid]=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo "${ticks[$pid]:-0}")
    done
    sleep 0.5 & wait $!
  done
}

time_it() { # label rows command…  (wall time, and the import process's own CPU time: user + system)
  local label=$1 rows=$2; shift 2
  local start end cpu sampler="" server=""
  if [ -n "${server_url:-}" ]; then
    rm -f "$work/server"; server_cpu "$server_url" "$server_db" "$work/server" & sampler=$!
  fi
  start=$(date +%s.%N); /usr/bin/time -f "%U %S" -o "$work/cpu" "$@" >/dev/null; end=$(date +%s.%N)
  if [ -n "$sampler" ]; then
    kill -TERM "$sampler"; wait "$sampler" 2>/dev/null || true
    server=$(cat "$work/server" 2>/dev/null || true)
  fi
  cpu=$(awk '{ print $1 + $2 }' "$work/cpu")
  echo "$rows $start $end $cpu ${server:-0}" >> "$work/phases"
  awk -v l="$label" -v s="$start" -v e="$end" -v n="$rows" -v c="$cpu" -v v="$server" \
    'BEGIN { printf "%-40s %8.1f s  %9.0f rows/s  %7.1f s CPU  %9.0f rows/CPU-s%s\n", l, e - s, n / (e - s), c, (c > 0 ? n / c : 0), (v == "" ? "" : sprintf("  %7.1f s server CPU", v)) }'
}

run() {
  local label=$1 store=$2
  rm -f "$work/phases"
  time_it "$label person records" "$records" "${GMC[@]}" import "$work"/pop/records-*.csv --store "$store"
  time_it "$label pointers (FHIR NDJSON)" "$count" "${GMC[@]}" import "$work/pointers.ndjson" --as dfe:352 --store "$store"
  awk -v l="$label" -v server="${server_url:+1}" '{ n += $1; w += $3 - $2; c += $4; v += $5 } END {
    printf "%-40s %8.1f s  %9.0f rows/s  %7.1f s CPU  %9.0f rows/CPU-s%s\n", l " overall (records + pointers)", w, n / w, c, (c > 0 ? n / c : 0), (server ? sprintf("  %7.1f s server CPU", v) : "") }' "$work/phases"
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
  url=$(pg_url "$GMC_BENCH_POSTGRES")
  if [ -n "$schema" ]; then
    psql "$url" -q -c "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema" 2>/dev/null \
      || echo "note: could not reset schema $schema (psql missing?); it must be empty"
  fi
  # The server's CPU, when its backends are processes of this machine that /proc lets us read.
  if grep -Eq '^(127\.0\.0\.1|localhost|::1)$' <<< "$(sed -n 's/.*@\(.*\):.*/\1/p' <<< "$url")" && [ -n "$(ps -C postgres -o pid= | head -n 1)" ]; then
    server_url=$url
    server_db=${url##*/}
  fi
  run "PostgreSQL" "$GMC_BENCH_POSTGRES"
  server_url=""
  if [ -n "${GMC_BENCH_DUMP:-}" ]; then
    # What the import stored, without what differs between two runs of it (times, generated pointer ids, batch ids).
    {
      psql "$url" -q -Atc "SET search_path TO $schema; COPY (SELECT source, record_id, nhs_number, upn, nino, pnc_id, given_name, middle_names, family_name, sex, date_of_birth, postcode, address, phone, email, recorded_on, row_hash, version FROM integration_person_record ORDER BY 1, 2) TO STDOUT"
      psql "$url" -q -Atc "SET search_path TO $schema; COPY (SELECT c.source, c.record_id, c.kind, c.version FROM integration_change c ORDER BY c.seq) TO STDOUT"
      psql "$url" -q -Atc "SET search_path TO $schema; COPY (SELECT organisation, resource_type, resource_key, content_hash FROM integration_fhir_resource ORDER BY 1, 2, 3) TO STDOUT"
      psql "$url" -q -Atc "SET search_path TO $schema; COPY (SELECT p.custodian_id, p.master_id, p.type, p.category, p.status, p.version, s.keys, COALESCE(e.n, 0)
        FROM loc_pointer p
        LEFT JOIN (SELECT pointer_id, string_agg(subject_key, ' ' ORDER BY subject_key) AS keys FROM loc_pointer_subject GROUP BY pointer_id) s ON s.pointer_id = p.id
        LEFT JOIN (SELECT pointer_id, count(*) AS n FROM notif_event GROUP BY pointer_id) e ON e.pointer_id = p.id
        ORDER BY 1, 2) TO STDOUT"
      psql "$url" -q -Atc "SET search_path TO $schema; COPY (SELECT a.event_type, a.outcome, a.organisation_id, a.detail, COALESCE(g.n, 0)
        FROM gov_audit a LEFT JOIN (SELECT seq, count(*) AS n FROM gov_audit_person GROUP BY seq) g ON g.seq = a.seq ORDER BY a.seq) TO STDOUT"
      psql "$url" -q -Atc "SET search_path TO $schema; COPY (SELECT format, file_name, status, lines_done, rows_accepted, rows_rejected, rows_created, rows_updated, rows_unchanged FROM integration_import_batch ORDER BY id) TO STDOUT"
    } > "$GMC_BENCH_DUMP"
    echo "dump: $GMC_BENCH_DUMP ($(wc -l < "$GMC_BENCH_DUMP") lines, sha256 $(sha256sum < "$GMC_BENCH_DUMP" | cut -c1-16))"
  fi
fi
