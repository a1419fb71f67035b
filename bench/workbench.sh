#!/usr/bin/env bash
# Workbench end-to-end timings: synthetic returns for the ten GM authorities over ten years (and, with NATIONAL=1,
# 150 made-up authorities over seven years), then, in one gmc process, import, validation of every return against
# its previous year, the derived model and every measure (`validate-all --measures`); then `measures` alone.
# gmc is published ReadyToRun, as bench/linkage-febrl.sh does, so JIT start-up is not what is measured.
# Run from the repository root: bench/workbench.sh [workdir]. The machine is shared: the script prints the load
# average, and /usr/bin/time gives user+sys CPU seconds, the steadier figure.
set -euo pipefail
work=${1:-$(mktemp -d)}
publish="$work/gmc-r2r"
dotnet publish src/GmConnect.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$publish" -v q -nologo >/dev/null
gmc="$publish/gmc"
# Tiered PGO instruments and re-JITs hot methods, which costs a one-shot batch run about a third of its CPU
# (10.3 → 6.3–7.1 s user for GM, 29 Nov 2026); the figures below are taken with it off.
export DOTNET_TieredPGO=0
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ -d "$work/gm" ]] || $gmc ssda903 demo --years 2015-2025 --out "$work/gm"
for i in 1 2 3; do
  /usr/bin/time -f "validate-all --measures: %e s wall, %U s user, %S s sys, %M KB" \
    $gmc ssda903 validate-all "$work/gm" --out "$work/gm-errors.csv" --measures "$work/gm-measures.csv"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
/usr/bin/time -f "measures: %e s wall, %U s user, %S s sys, %M KB" $gmc ssda903 measures "$work/gm" --out "$work/gm-measures-only.csv"
if [[ "${NATIONAL:-0}" == "1" ]]; then
  [[ -d "$work/national" ]] || $gmc ssda903 demo --years 2019-2025 --authorities 150 --out "$work/national"
  /usr/bin/time -f "national validate-all --measures: %e s wall, %U s user, %S s sys, %M KB" \
    $gmc ssda903 validate-all "$work/national" --out "$work/national-errors.csv" --measures "$work/national-measures.csv"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
