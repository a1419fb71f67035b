#!/usr/bin/env bash
# Workbench end-to-end timings: synthetic returns for the ten GM authorities over ten years (and, with
# NATIONAL=1, 150 made-up authorities over seven years), then validation of every return against its previous
# year and every measure. Run from the repository root: bench/workbench.sh [workdir]
set -euo pipefail
work=${1:-$(mktemp -d)}
dotnet build src/GmConnect.Cli -c Release -v q -nologo >/dev/null
gmc="dotnet src/GmConnect.Cli/bin/Release/net10.0/gmc.dll"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
$gmc ssda903 demo --years 2015-2025 --out "$work/gm"
for i in 1 2 3; do
  /usr/bin/time -f "validate-all: %e s wall, %U s user, %S s sys, %M KB" $gmc ssda903 validate-all "$work/gm" --out "$work/gm-errors.csv"
  /usr/bin/time -f "measures: %e s wall, %U s user, %S s sys, %M KB" $gmc ssda903 measures "$work/gm" --out "$work/gm-measures.csv"
done
if [[ "${NATIONAL:-0}" == "1" ]]; then
  $gmc ssda903 demo --years 2019-2025 --authorities 150 --out "$work/national"
  /usr/bin/time -f "national validate-all: %e s wall, %U s user, %S s sys, %M KB" $gmc ssda903 validate-all "$work/national" --out "$work/national-errors.csv"
  /usr/bin/time -f "national measures: %e s wall, %U s user, %S s sys, %M KB" $gmc ssda903 measures "$work/national" --out "$work/national-measures.csv"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
