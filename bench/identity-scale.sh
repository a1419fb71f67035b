#!/usr/bin/env bash
# The Identity Manager at scale, in one process, against an already loaded store (issue 4's targets):
#   start-up (rebuild of the in-memory index from the store: wall, CPU, GC pauses),
#   2,000 records submitted one at a time (p50/p95/p99 per record),
#   2,000 more in batches of 500 through SubmitBatchAsync (records/s; the path behind POST /fhir/Patient/$submit-batch),
#   300 PIX look-ups, 300 exact and 300 fuzzy PDQ searches (p50/p95/p99; the manager's share: no HTTP, Governance, audit).
# Each run works on a fresh copy of the pristine store (the submitted copies, sources bench-RUN:…, stay in the copy),
# so that runs are comparable.
#   bench/identity-scale.sh [PRISTINE_STORE] [CSV]
#   (defaults: the 2,163,836-record SQLite store /tmp/idmfast-pristine.db and the 1,000,000-person population's
#   social-care records /tmp/idmfast-pop1m/records-socialcare.csv; to make them, see docs/benchmarks.md, "Identity
#   Manager", fifth session)
# GMC_GC=workstation runs the benchmark under the workstation collector (default: server, as the exchange runs).
set -euo pipefail
cd "$(dirname "$0")/.."
pristine=${1:-/tmp/idmfast-pristine.db}
csv=${2:-/tmp/idmfast-pop1m/records-socialcare.csv}
copy=${pristine%.db}-run.db
dotnet build -c Release bench/GmConnect.Identity.Benchmarks -v quiet -nologo >/dev/null
rm -f "$copy" "$copy-wal" "$copy-shm"
cp "$pristine" "$copy"
gc=1
if [ "${GMC_GC:-server}" = "workstation" ]; then gc=0; fi
echo "load before: $(uptime)"
DOTNET_gcServer=$gc /usr/bin/time -f "process: %e s wall, %U s user + %S s system CPU, peak resident %M KB" \
  dotnet bench/GmConnect.Identity.Benchmarks/bin/Release/net10.0/GmConnect.Benchmarks.dll --submit "Data Source=$copy" "$csv" 2000 500 300
echo "load after: $(uptime)"
rm -f "$copy" "$copy-wal" "$copy-shm"
