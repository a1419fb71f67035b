#!/usr/bin/env bash
# Workbench end-to-end timings: synthetic returns for the ten GM authorities over ten years (and, with NATIONAL=1,
# 150 made-up authorities over seven years), then, in one gmc process, import, validation of every return against
# its previous year, the derived model and every measure (`validate-all --measures`); then `measures` alone.
# gmc is published ReadyToRun, as bench/linkage-febrl.sh does, so JIT start-up is not what is measured.
# Run from the repository root: bench/workbench.sh [workdir]. The machine is shared: the script prints the load
# average, and /usr/bin/time gives user+sys CPU seconds, the steadier figure.
#
# Results check: the errors and measures files are compared with bench/workbench-results.sha256, the files gmc wrote
# for the same synthetic returns (seed 903) before the fifth session's speed work was merged (commit ed572bc, which
# added rules 205A-D, 1001, 217t and 230 and registered supported accommodation in the generator; the speed work
# before it left the fourth session's files, commit 7d035aa, byte for byte the same): GM, GM with 2%
# rule-breaking rows (`--error-rate 0.02`, 18,686 errors) and, with NATIONAL=1, national. A speed change must leave
# them byte for byte the same; a change to the validator, the measures or the demo generator changes them on purpose,
# and then the file is regenerated (sha256sum of the new files) in the same commit.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=${1:-$(mktemp -d)}
publish="$work/gmc-r2r"
dotnet publish src/GmConnect.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$publish" -v q -nologo >/dev/null
gmc="$publish/gmc"
# Tiered PGO instruments and re-JITs hot methods, which costs a one-shot batch run about a third of its CPU
# (10.3 → 6.3–7.1 s user for GM, 29 Nov 2026); the figures below are taken with it off.
export DOTNET_TieredPGO=0
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ -d "$work/gm" ]] || $gmc ssda903 demo --years 2015-2025 --out "$work/gm"
[[ -d "$work/gmerr" ]] || $gmc ssda903 demo --years 2015-2025 --error-rate 0.02 --out "$work/gmerr"
for i in 1 2 3; do
  /usr/bin/time -f "validate-all --measures: %e s wall, %U s user, %S s sys, %M KB" \
    $gmc ssda903 validate-all "$work/gm" --out "$work/gm-errors.csv" --measures "$work/gm-measures.csv"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
/usr/bin/time -f "measures: %e s wall, %U s user, %S s sys, %M KB" $gmc ssda903 measures "$work/gm" --out "$work/gm-measures-only.csv"
/usr/bin/time -f "validate-all --measures, 2%% rule-breaking rows: %e s wall, %U s user, %S s sys, %M KB" \
  $gmc ssda903 validate-all "$work/gmerr" --out "$work/gmerr-errors.csv" --measures "$work/gmerr-measures.csv"
rm -f "$work/national-errors.csv" "$work/national-measures.csv"
if [[ "${NATIONAL:-0}" == "1" ]]; then
  [[ -d "$work/national" ]] || $gmc ssda903 demo --years 2019-2025 --authorities 150 --out "$work/national"
  /usr/bin/time -f "national validate-all --measures: %e s wall, %U s user, %S s sys, %M KB" \
    $gmc ssda903 validate-all "$work/national" --out "$work/national-errors.csv" --measures "$work/national-measures.csv"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results check (errors and measures files against bench/workbench-results.sha256):"
if (cd "$work" && sha256sum --check --ignore-missing "$here/workbench-results.sha256") \
  && cmp "$work/gm-measures.csv" "$work/gm-measures-only.csv"; then
  echo "results: SAME as before the speed work (and measures alone = validate-all --measures)"
else
  echo "results: DIFFERENT — see above"
  exit 1
fi
