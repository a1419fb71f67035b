#!/usr/bin/env bash
# Issue 6's search target at scale: consumer searches for one person (POST fhir/DocumentReference/_search: identifier
# resolution by the Identity Manager, Governance's decision per pointer, the audit append) over HTTP from the load
# generator in a second process, against the exchange on PostgreSQL (the production store, ADR 0001) holding about
# 2.5 M person records linked by the Identity Manager and 5 M pointers.
#
#   bench/locator-search-scale.sh            build the store if it is not built yet, then measure
#   bench/locator-search-scale.sh build      (re)build the store only (about 45 minutes on the shared machine)
#   bench/locator-search-scale.sh measure    measure only, the store built (4-5 minutes: the exchange's start with the
#                                            2.5 M-record index rebuild, then 2 x (10 s warm-up + 30 s))
#
# The store (a schema of its own, GMC_BENCH_POSTGRES's Search Path; emptied by build):
#   1. the Identity Manager's tables copied row for row from the pristine SQLite store GMC_BENCH_PRISTINE (2,163,836
#      records of the 1,000,000-person population, linked by IdentityManager.LoadAsync; see docs/benchmarks.md,
#      "Identity Manager", fifth session) — the two stores' tables have the same shape (Identity migrations), so this
#      stands in for the half hour that loading them again would take; the pristine file is only read;
#   2. `gmc identity load` of the records of GMC_BENCH_POPULATION (the 1,160,000-person population, 2,509,799 records:
#      `gmc demo population --people 1160000 --seed 1 --out /tmp/pop2500k`) that the pristine store does not hold as
#      they are (345,963 new, 1,570 changed): matched record by record in batches, the Identity Manager's own path;
#   3. POINTERS pointers through `gmc import` (the bulk producer path: Governance, identity resolution, audit, outbox):
#      half child protection plans published by dfe:352, half police incidents published by police:06, two per
#      record in turn, each under its record's source identifier.
# Measure: the exchange (Release, server GC) on 127.0.0.1:PORT and the load generator's `locator` scenario (searches
# by a random record's source identifier, the body form-encoded) with 4 and then 16 clients, a social worker of
# dfe:352 for safeguarding. Prints the load generator's figures, both processes' CPU seconds, the PostgreSQL
# backends' CPU seconds, the load average, and how many search audit entries the run wrote (warm-up included).
# Environment: GMC_BENCH_POSTGRES, GMC_BENCH_PRISTINE, GMC_BENCH_PRISTINE_POPULATION, GMC_BENCH_POPULATION,
# GMC_BENCH_POINTERS, GMC_BENCH_PORT (5094), GMC_BENCH_SECONDS (30), GMC_BENCH_WORK (/tmp/gmc-locsearch),
# GMC_BENCH_CLIENTS ("4 16": the load generator's client counts, one run each).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
mode=${1:-auto}
pg=${GMC_BENCH_POSTGRES:-"Host=127.0.0.1;Port=55433;Username=gmc;Password=gmc;Database=gmc_locsearch;Search Path=bench_locsearch"}
pristine=${GMC_BENCH_PRISTINE:-/tmp/idmfast-pristine.db}
population=${GMC_BENCH_POPULATION:-/tmp/pop2500k}
pristine_population=${GMC_BENCH_PRISTINE_POPULATION:-/tmp/idmfast-pop1m}
pointers=${GMC_BENCH_POINTERS:-5000000}
port=${GMC_BENCH_PORT:-5094}
seconds=${GMC_BENCH_SECONDS:-30}
work=${GMC_BENCH_WORK:-/tmp/gmc-locsearch}
mkdir -p "$work"

schema=$(sed -n 's/.*[Ss]earch [Pp]ath=\([^;,]*\).*/\1/p' <<< "$pg")
url=$(sed 's/[Ss]earch [Pp]ath=[^;]*;\{0,1\}//' <<< "$pg" | tr ';' '\n' | awk -F= '
  tolower($1) == "host" { h = $2 } tolower($1) == "port" { p = $2 } tolower($1) == "username" { u = $2 } tolower($1) == "password" { w = $2 } tolower($1) == "database" { d = $2 }
  END { printf "postgresql://%s:%s@%s:%s/%s", u, w, h, p, d }')
db=${url##*/}
psql_s() { psql "$url" -v ON_ERROR_STOP=1 -q -At -c "SET search_path TO $schema" "$@"; }

for project in src/GmConnect.Server src/GmConnect.Cli bench/GmConnect.LoadGenerator; do
  dotnet build -c Release "$project" -v quiet -nologo >/dev/null
done
GMC=(dotnet "$repo/src/GmConnect.Cli/bin/Release/net10.0/gmc.dll")
SERVER=(dotnet "$repo/src/GmConnect.Server/bin/Release/net10.0/GmConnect.Server.dll")
LG=(dotnet "$repo/bench/GmConnect.LoadGenerator/bin/Release/net10.0/GmConnect.LoadGenerator.dll")

cpu_of() { awk '{ printf "%.1f", ($14 + $15) / '"$(getconf CLK_TCK)"' }' "/proc/$1/stat"; }
backends_cpu() { # the summed CPU seconds of the PostgreSQL backends connected to the database now
  local sum=0 pid
  for pid in $(psql "$url" -Atc "SELECT pid FROM pg_stat_activity WHERE datname = '$db' AND pid <> pg_backend_pid()"); do
    [ -r "/proc/$pid/stat" ] && sum=$((sum + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
  done
  awk -v s="$sum" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", s / hz }'
}

start_server() { # log file; waits until the exchange answers /health
  env Store__ConnectionString="$pg" Demo__SeedOnFirstRun=false DOTNET_gcServer=1 \
    "${SERVER[@]}" --urls "http://127.0.0.1:$port" > "$1" 2>&1 &
  server=$!
  local i
  for i in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    kill -0 "$server" 2>/dev/null || { echo "the exchange stopped; see $1"; exit 1; }
    sleep 1
  done
  echo "the exchange did not answer in 600 s; see $1"; exit 1
}

build() {
  local started
  started=$(date +%s)
  echo "build: $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg); schema $schema emptied"
  psql "$url" -q -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "CREATE SCHEMA $schema"
  # Every component's migrations, by the exchange itself (no demo data).
  start_server "$work/migrate.log"
  kill "$server"; wait "$server" 2>/dev/null || true

  # 1. The Identity Manager's tables, row for row (text CSV; NULL as @NULL@; blobs as bytea hex; doubles to 17 digits).
  local table columns select
  for table in idm_person idm_record_version idm_record idm_history idm_review idm_cannot_link idm_model; do
    columns=$(psql_s -c "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = '$schema' AND table_name = '$table'")
    select=$(psql_s -c "SELECT string_agg(column_name || ' ' || data_type, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = '$schema' AND table_name = '$table'" \
      | tr ',' '\n' | awk '{ c = $1; t = $2 } t == "bytea" { c = "CASE WHEN " $1 " IS NULL THEN NULL ELSE '"'"'\\x'"'"' || hex(" $1 ") END" }
          t == "double" { c = "CASE WHEN " $1 " IS NULL THEN NULL ELSE printf('"'"'%!.17g'"'"', " $1 ") END" } { printf "%s%s", (NR > 1 ? "," : ""), c }')
    sqlite3 -readonly -csv -cmd ".nullvalue @NULL@" "file:$pristine?immutable=1" "SELECT $select FROM $table" \
      | psql_s -c "\\copy $table ($columns) FROM pstdin WITH (FORMAT csv, NULL '@NULL@')"
  done
  psql "$url" -q -c "ANALYZE" >/dev/null 2>&1
  echo "  identity tables copied: $(psql_s -c "SELECT count(*) FROM idm_record") records, $(psql_s -c "SELECT count(*) FROM idm_person") persons ($(( $(date +%s) - started )) s)"

  # 2. The population's records the pristine store does not hold as they are, through the Identity Manager.
  local header
  header=$(head -n 1 "$population/records-acute.csv")
  tail -q -n +2 "$pristine_population"/records-*.csv | LC_ALL=C sort > "$work/held.txt"
  { echo "$header"; tail -q -n +2 "$population"/records-*.csv | LC_ALL=C sort | LC_ALL=C comm -13 "$work/held.txt" -; } > "$work/delta.csv"
  rm -f "$work/held.txt"
  echo "  records to load: $(( $(wc -l < "$work/delta.csv") - 1 ))"
  /usr/bin/time -f "  identity load: %e s wall, %U + %S s CPU" "${GMC[@]}" identity load "$work/delta.csv" --store "$pg" | tail -n 3
  echo "  identity: $(psql_s -c "SELECT count(*) FROM idm_record") records, $(psql_s -c "SELECT count(*) FROM idm_person WHERE merged_into IS NULL") persons ($(( $(date +%s) - started )) s)"

  # 3. Pointers: two per record in turn (file order), as two producers.
  tail -q -n +2 "$population"/records-*.csv | cut -d, -f1,2 | awk -F, -v n="$pointers" -v dir="$work" '
    { src[NR] = $1; id[NR] = $2 }
    END { for (i = 1; i <= n; i++) { r = (i - 1) % NR + 1
      if (i % 2) printf "{\"resourceType\":\"DocumentReference\",\"masterIdentifier\":{\"system\":\"urn:bench:la352\",\"value\":\"cpp-%d\"},\"status\":\"current\",\"type\":{\"coding\":[{\"system\":\"urn:gmconnect:record-type\",\"code\":\"child-protection-plan\"}]},\"subject\":{\"identifier\":{\"system\":\"urn:gmconnect:source:%s\",\"value\":\"%s\"}},\"content\":[{\"attachment\":{\"contentType\":\"application/pdf\",\"url\":\"https://la352.example/plans/%d\"}}]}\n", i, src[r], id[r], i > (dir "/pointers-la.ndjson")
      else printf "{\"resourceType\":\"DocumentReference\",\"masterIdentifier\":{\"system\":\"urn:bench:gmp\",\"value\":\"inc-%d\"},\"status\":\"current\",\"type\":{\"coding\":[{\"system\":\"urn:gmconnect:record-type\",\"code\":\"police-incident\"}]},\"subject\":{\"identifier\":{\"system\":\"urn:gmconnect:source:%s\",\"value\":\"%s\"}},\"content\":[{\"attachment\":{\"contentType\":\"application/pdf\",\"url\":\"https://gmp.example/incidents/%d\"}}]}\n", i, src[r], id[r], i > (dir "/pointers-police.ndjson") } }'
  /usr/bin/time -f "  pointers dfe:352: %e s wall, %U + %S s CPU" "${GMC[@]}" import "$work/pointers-la.ndjson" --as dfe:352 --store "$pg" | tail -n 2
  /usr/bin/time -f "  pointers police:06: %e s wall, %U + %S s CPU" "${GMC[@]}" import "$work/pointers-police.ndjson" --as police:06 --store "$pg" | tail -n 2
  rm -f "$work"/pointers-*.ndjson
  psql "$url" -q -c "VACUUM ANALYZE" >/dev/null 2>&1
  echo "  pointers: $(psql_s -c "SELECT count(*) FROM loc_pointer"); built in $(( $(date +%s) - started )) s, $(date -u +%H:%M:%S) UTC"
  date -u > "$work/built-$schema"
}

measure() {
  echo "measure: $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg); $(psql_s -c "SELECT count(*) FROM idm_record") records, $(psql_s -c "SELECT count(*) FROM loc_pointer") pointers"
  "${GMC[@]}" token --practitioner demo-sw-352 --org dfe:352 --role social-worker --purpose safeguarding > "$work/token.txt"
  local before_start
  before_start=$(date +%s)
  start_server "$work/server.log"
  echo "  exchange ready after $(( $(date +%s) - before_start )) s (identity index rebuilt), $(cpu_of "$server") s CPU"
  # The Locator's involvement follower reads the Identity Manager's history from its cursor in the background; after
  # the bulk copy it starts from nothing (4.3 M entries, once). Measure after it has caught up, as a running exchange is.
  local history cursor i
  history=$(psql_s -c "SELECT COALESCE(max(seq), 0) FROM idm_history WHERE kind IN ('Merge', 'Unmerge', 'Link', 'Unlink')")
  for i in $(seq 1 900); do
    cursor=$(psql_s -c "SELECT COALESCE(max(seq), 0) FROM loc_identity_cursor")
    [ "$cursor" -ge "$history" ] && break
    sleep 2
  done
  echo "  involvement follower at $cursor of $history after $(( $(date +%s) - before_start )) s; server CPU $(cpu_of "$server") s"
  local clients audit0 audit1 cpu0 cpu1 pg0 pg1 lg
  for clients in ${GMC_BENCH_CLIENTS:-4 16}; do
    audit0=$(psql_s -c "SELECT count(*) FROM gov_audit WHERE event_type = 'search'")
    cpu0=$(cpu_of "$server"); pg0=$(backends_cpu)
    lg=$(/usr/bin/time -f "load generator CPU %U + %S s" "${LG[@]}" --url "http://127.0.0.1:$port" --token-file "$work/token.txt" \
      --population "$population" --scenario locator --clients "$clients" --seconds "$seconds" --warmup 10 2>&1)
    cpu1=$(cpu_of "$server"); pg1=$(backends_cpu)
    audit1=$(psql_s -c "SELECT count(*) FROM gov_audit WHERE event_type = 'search'")
    echo "--- locator x$clients (load $(cut -d' ' -f1-3 /proc/loadavg))"
    grep -E "requests in|status:|load generator CPU" <<< "$lg" | sed 's/^/  /'
    echo "  exchange CPU $(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN { printf "%.1f", b - a }') s; PostgreSQL backends $(awk -v a="$pg0" -v b="$pg1" 'BEGIN { printf "%.1f", b - a }') s (warm-up included); search audit entries written: $((audit1 - audit0))"
  done
  kill "$server"; wait "$server" 2>/dev/null || true
  echo "  server log lines at warning or above: $(grep -c -E '^(warn|fail|crit)' "$work/server.log" || true)"
}

case $mode in
  build) build ;;
  measure) measure ;;
  auto) [ -f "$work/built-$schema" ] || build; measure ;;
  *) echo "usage: $0 [build|measure]"; exit 2 ;;
esac
