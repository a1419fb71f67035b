#!/usr/bin/env bash
# The synthetic GM population through `gmc link`, end to end, with the truth report: precision and recall of pairs
# within clusters, missed true pairs by reason, and the twin-like / father-and-son-like joins; plus wall and CPU
# seconds and peak memory (GNU time). gmc is published Release, ReadyToRun, as bench/linkage-febrl.sh does.
# Usage: bench/linkage-population.sh [people] [population dir]   (from the repository root)
#   bench/linkage-population.sh 1000000 /tmp/pop1m     # generates the population there first if it is not there
# Two runs by default: first WITHOUT the name-variant pairs of origin gm-curated (the honest recall: the demo population
# draws its spellings from that very list, so its gain here is circular), then the shipped model (uk-person.json as is,
# gm-curated included). GMC_NAMES=honest or GMC_NAMES=shipped runs one of them only.
# Add GMC_NO_TRUTH=1 for the plain end-to-end time (no truth loading and scoring; the shipped model only).
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
names="${GMC_NAMES:-both}"
if [ "${GMC_NO_TRUTH:-0}" = "1" ]; then names=shipped; fi
# The shipped settings with one key added: the gm-curated pairs left out of the name table.
sed 's/^  "link_type": "link_and_dedupe",/  "link_type": "link_and_dedupe",\n  "name_variant_origins_excluded": ["gm-curated"],/' \
  "$root/configs/linkage/uk-person.json" > "$out/uk-person-without-gm-curated.json"
grep -q name_variant_origins_excluded "$out/uk-person-without-gm-curated.json"
run() {
  echo "load before: $(uptime)"
  /usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB" \
    "$gmc" link --settings "$1" "${inputs[@]}" --output "$out/clusters.csv" "${truth[@]}" --quiet
  echo "load after: $(uptime)"
}
if [ "$names" = "both" ] || [ "$names" = "honest" ]; then
  echo "== recall WITHOUT the gm-curated name variants (the honest figure: the generator draws its spellings from them)"
  run "$out/uk-person-without-gm-curated.json"
fi
if [ "$names" = "both" ] || [ "$names" = "shipped" ]; then
  echo "== shipped model (configs/linkage/uk-person.json, gm-curated name variants included)"
  run "$root/configs/linkage/uk-person.json"
fi
rm -rf "$out"
