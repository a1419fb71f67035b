#!/usr/bin/env bash
# The synthetic GM population through `gmc link`, end to end, with the truth report: precision and recall of pairs
# within clusters, missed true pairs by reason, and the twin-like / father-and-son-like joins; plus wall and CPU
# seconds and peak memory (GNU time). gmc is published Release, ReadyToRun, as bench/linkage-febrl.sh does.
# Usage: bench/linkage-population.sh [people] [population dir]   (from the repository root)
#   bench/linkage-population.sh 1000000 /tmp/pop1m     # generates the population there first if it is not there
# Add GMC_NO_TRUTH=1 for the plain end-to-end time (no truth loading and scoring).
set -euo pipefail
people="${1:-100000}"
pop="${2:-/tmp/gmc-pop$people}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp -d)"
dotnet publish "$root/src/GmConnect.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$out/gmc" -v q -nologo >/dev/null
gmc="$out/gmc/gmc"
if [ ! -f "$pop/truth.csv" ]; then
  "$gmc" demo population --people "$people" --seed 1 --out "$pop" >/dev/null
fi
truth=(--truth "$pop/truth.csv")
if [ "${GMC_NO_TRUTH:-0}" = "1" ]; then truth=(); fi
inputs=()
for f in "$pop"/records-*.csv; do inputs+=(--input "$f"); done
echo "load before: $(uptime)"
/usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB" \
  "$gmc" link --settings "$root/configs/linkage/uk-person.json" "${inputs[@]}" --output "$out/clusters.csv" "${truth[@]}" --quiet
echo "load after: $(uptime)"
rm -rf "$out"
