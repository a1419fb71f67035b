#!/usr/bin/env bash
# The exchange's identity API over HTTP at scale, from a second process on loopback (issue 4's PIXm/PDQm targets):
# starts the Release server on a fresh copy of the pristine store, then runs bench/GmConnect.LoadGenerator's scenarios
# pix, pdqm (exact), fuzzy (4 clients each) and submit ($submit-batch, 2 clients, batches of 100), and, with
# GMC_MIXED=1, fuzzy reads while submits run beside them (reads in parallel with writes). Prints each scenario's
# requests/s and p50/p95/p99, the load average before each, and the server's start-up. GMC_SCENARIOS (default
# "pix pdqm fuzzy submit") picks the scenarios.
#   bench/identity-http.sh [PRISTINE_STORE] [POPULATION_DIR] [PORT]
#   (defaults: /tmp/idmfast-pristine.db, the 2,163,836-record SQLite store; /tmp/idmfast-pop1m; port 5093.
#   To make them, see docs/benchmarks.md, "Identity Manager", fifth session.)
# The copy (PRISTINE_STORE without .db, + -http.db) is deleted at the end. The server needs about 4.5 GB.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
pristine=${1:-/tmp/idmfast-pristine.db}
population=${2:-/tmp/idmfast-pop1m}
port=${3:-5093}
copy=${pristine%.db}-http.db
work=$(mktemp -d /tmp/identity-http.XXXXXX)
for p in src/GmConnect.Server bench/GmConnect.LoadGenerator src/GmConnect.Cli; do
  dotnet build -c Release "$p" -v quiet -nologo >/dev/null
done
rm -f "$copy" "$copy-wal" "$copy-shm"
cp "$pristine" "$copy"
# The token is signed with the key the server reads from its working directory: both run in $work.
cd "$work"
"$repo/src/GmConnect.Cli/bin/Release/net10.0/gmc" token --practitioner demo-sw-352 --org dfe:352 --role social-worker --purpose safeguarding > "$work/token.txt"
echo "server start $(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg)"
env Store__ConnectionString="Data Source=$copy" Demo__SeedOnFirstRun=false DOTNET_gcServer=1 "Logging__LogLevel__Microsoft.AspNetCore=Warning" \
  dotnet "$repo/src/GmConnect.Server/bin/Release/net10.0/GmConnect.Server.dll" --urls "http://127.0.0.1:$port" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -f "$copy" "$copy-wal" "$copy-shm"; rm -rf "$work"' EXIT
for i in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 1; done
echo "server ready $(date -u +%H:%M:%S) after ${i} s"
if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(cat "$work/token.txt")" "http://127.0.0.1:$port/fhir/Patient?family=x")" = "401" ]; then
  echo "the server refuses the token (401): stopping" >&2; exit 1
fi
lg() { dotnet "$repo/bench/GmConnect.LoadGenerator/bin/Release/net10.0/GmConnect.LoadGenerator.dll" --url "http://127.0.0.1:$port" --token-file "$work/token.txt" --population "$population" "$@"; }
for s in ${GMC_SCENARIOS:-pix pdqm fuzzy submit}; do
  if [ "$s" = submit ]; then
    echo "--- submit x2, batches of 100 (load $(cut -d' ' -f1-3 /proc/loadavg))"
    lg --scenario submit --clients 2 --batch 100 --seconds 20 --warmup 5 2>&1 | tail -4
  else
    echo "--- $s x4 (load $(cut -d' ' -f1-3 /proc/loadavg))"
    lg --scenario "$s" --clients 4 --seconds 20 --warmup 5 2>&1 | tail -3
  fi
done
if [ "${GMC_MIXED:-0}" = "1" ]; then
  echo "--- fuzzy x4 while submit x1 (batches of 100) runs beside it (load $(cut -d' ' -f1-3 /proc/loadavg))"
  lg --scenario submit --clients 1 --batch 100 --seconds 30 --warmup 2 --seed 2 > "$work/mixed-submit.txt" 2>&1 &
  writer=$!
  sleep 3
  lg --scenario fuzzy --clients 4 --seconds 20 --warmup 2 2>&1 | tail -3
  wait $writer
  echo "  (the submits beside it:)"; tail -3 "$work/mixed-submit.txt"
fi
echo "server: CPU $(ps -o cputime= -p $server), request lines in its log: $(grep -c 'Request starting' "$work/server.log" || true)"
echo "done $(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg)"
