#!/usr/bin/env bash
# End-to-end FEBRL benchmark of `gmc link`: process start to cluster file written, unsupervised, with the
# shipped settings. Prints wall and CPU seconds, peak memory (GNU time) and the accuracy lines.
# Usage: bench/linkage-febrl.sh [runs]   (from the repository root)
set -euo pipefail
runs="${1:-3}"
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$root/test/GmConnect.Identity.Tests/Data/febrl"
out="$(mktemp -d)"
# gmc as published: Release, ReadyToRun-compiled (PublishReadyToRun is set in the project) so that start-up does not pay for JIT.
# Set GMC_BENCH_JIT=1 to measure the plain Release build instead.
if [ "${GMC_BENCH_JIT:-0}" = "1" ]; then
  dotnet build -c Release "$root/src/GmConnect.Cli" -v q -nologo >/dev/null
  gmc="$root/src/GmConnect.Cli/bin/Release/net10.0/gmc"
else
  dotnet publish "$root/src/GmConnect.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$out/gmc" -v q -nologo >/dev/null
  gmc="$out/gmc/gmc"
fi
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f "  wall %e s, user %U s, sys %S s, max RSS %M KB"); fi

run() {
  local name="$1"; shift
  echo "== $name"
  for i in $(seq "$runs"); do
    "${timer[@]}" "$gmc" link "$@" --output "$out/$name.csv" --truth-pattern 'rec-(\d+)' --quiet 2>&1 \
      | grep -E "wall|pairs within|^time" || true
  done
}

run febrl1 --settings "$root/configs/linkage/febrl.json" --input "$data/dataset1.csv"
run febrl2 --settings "$root/configs/linkage/febrl.json" --input "$data/dataset2.csv"
run febrl3 --settings "$root/configs/linkage/febrl.json" --input "$data/dataset3.csv"
run febrl4 --settings "$root/configs/linkage/febrl4.json" --input "$data/dataset4a.csv" --input "$data/dataset4b.csv"
rm -rf "$out"
