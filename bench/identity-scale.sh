#!/usr/bin/env bash
# The Identity Manager at scale, in one process, against an already loaded store (issue 4's targets):
#   start-up (rebuild of the in-memory index from the store: wall, CPU, GC pauses),
#   2,000 records submitted one at a time (p50/p95/p99 per record),
#   2,000 more in batches of 500 through SubmitBatchAsync (records/s; the path behind POST /fhir/Patient/$submit-batch),
#   300 PIX look-ups, 300 exact and 300 fuzzy PDQ searches (p50/p95/p99; the manager's share: no HTTP, Governance, audit).
# The submitted copies (sources bench-RUN:…) stay in the store; run it on a copy.
#   bench/identity-scale.sh [STORE] [CSV]
#   (defaults: the 2.16 M-record SQLite store /tmp/idmstart-1m.db, the 1,000,000-person population's social-care records)
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:-/tmp/idmstart-1m.db}
csv=${2:-/tmp/pop1m/records-socialcare.csv}
dotnet build -c Release bench/GmConnect.Identity.Benchmarks -v quiet -nologo >/dev/null
echo "load before: $(uptime)"
/usr/bin/time -f "process: %e s wall, %U s user + %S s system CPU, peak resident %M KB" \
  dotnet bench/GmConnect.Identity.Benchmarks/bin/Release/net10.0/GmConnect.Benchmarks.dll --submit "Data Source=$store" "$csv" 2000 500 300
echo "load after: $(uptime)"
