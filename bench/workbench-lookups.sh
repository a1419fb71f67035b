#!/usr/bin/env bash
# What the lookup rules cost in `gmc ssda903 validate` (one authority's return with last year's): without lookups, with
# a national-size postcode file (--postcodes), and with Ofsted's lists too (--ofsted). Both lookup files are synthetic
# and made here: the postcode file has the ONS NSPL's 41 columns and 2.6 million rows (filler postcodes, plus every
# postcode the return uses with made-up grid references and districts); the Ofsted list has every URN the return uses.
# No real postcode data is used. Run from the repository root: bench/workbench-lookups.sh [workdir]. The machine may
# be shared: the script prints the load average, and /usr/bin/time gives user+sys CPU seconds, the steadier figure.
set -euo pipefail
work=${1:-$(mktemp -d)}
publish="$work/gmc-r2r"
dotnet publish src/GmConnect.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$publish" -v q -nologo >/dev/null
gmc="$publish/gmc"
export DOTNET_TieredPGO=0
[[ -d "$work/lookups-gm" ]] || $gmc ssda903 demo --years 2023-2025 --out "$work/lookups-gm" >/dev/null
now="$work/lookups-gm/Manchester/2024-25"
last="$work/lookups-gm/Manchester/2023-24"
if [[ ! -f "$work/nspl.csv" ]]; then
  # Columns 11 (HOME_POST) and 12 (PL_POST) of the episodes; districts by postcode area, grid references from a hash.
  awk -F, 'BEGIN {
      print "pcd,pcd2,pcds,dointr,doterm,usertype,oseast1m,osnrth1m,osgrdind,oa21,cty,ced,laua,ward,nhser,ctry,rgn,pcon,ttwa,itl,npark,lsoa21,msoa21,wz11,sicbl,bua24,ruc21,oac11,lat,long,lep1,lep2,pfa,imd,icb,oa11,lsoa11,msoa11,ruc11,bua22,wz21";
      for (i = 0; i < 2600000; i++)
        printf "ZZ%d %dAA,,,,,0,%d,%d,1,,E99999999,,E06000018,,,E92000001,,,,,,,,,,,,,,,,,,,,,,,,,\n", i % 99, i, 400000 + i % 100000, 300000 + i % 200000;
      area["M"] = "E08000003"; area["BL"] = "E08000001"; area["OL"] = "E08000004"; area["SK"] = "E08000007"; area["WN"] = "E08000010"; area["WA"] = "E06000007";
    }
    FNR > 1 { for (c = 11; c <= 12; c++) if ($c != "" && !($c in seen)) { seen[$c] = 1; a = $c; sub(/[0-9].*/, "", a);
        la = (a in area) ? area[a] : "E06000018"; h = 0; for (k = 1; k <= length($c); k++) h = (h * 31 + index("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ", substr($c, k, 1))) % 1000003;
        printf "%s,,,,,0,%d,%d,1,,E99999999,,%s,,,E92000001,,,,,,,,,,,,,,,,,,,,,,,,,\n", $c, 370000 + h % 30000, 390000 + int(h / 30) % 30000, la } }' \
    "$now/episodes.csv" "$last/episodes.csv" > "$work/nspl.csv"
fi
if [[ ! -f "$work/ofsted.csv" ]]; then
  awk -F, 'BEGIN { print "URN,Provider type,Placement code,Placement provider code,Deregistration date,Setting address postcode" }
    FNR > 1 && $13 != "" && !($13 in seen) { seen[$13] = 1; printf "%s,Synthetic,%s,%s,,%s\n", $13, $6, $7, $12 }' \
    "$now/episodes.csv" "$last/episodes.csv" > "$work/ofsted.csv"
fi
echo "postcode file: $(wc -l < "$work/nspl.csv") lines, $(du -m "$work/nspl.csv" | cut -f1) MB; Ofsted list: $(wc -l < "$work/ofsted.csv") lines"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in 1 2; do
  /usr/bin/time -f "validate, no lookups: %e s wall, %U s user, %S s sys, %M KB" \
    $gmc ssda903 validate "$now" --previous "$last" --year 2024/25 --out "$work/lookups-none.csv"
  /usr/bin/time -f "validate --postcodes (2.6 M rows): %e s wall, %U s user, %S s sys, %M KB" \
    $gmc ssda903 validate "$now" --previous "$last" --year 2024/25 --out "$work/lookups-postcodes.csv" --postcodes "$work/nspl.csv"
  /usr/bin/time -f "validate --postcodes --ofsted: %e s wall, %U s user, %S s sys, %M KB" \
    $gmc ssda903 validate "$now" --previous "$last" --year 2024/25 --out "$work/lookups-both.csv" --postcodes "$work/nspl.csv" --ofsted "$work/ofsted.csv"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "errors by rule with both lookups (the lookup rules only):"
cut -d, -f4 "$work/lookups-both.csv" | sort | uniq -c | grep -wE "164|169|179|392a|392c|406|411|420|452|453|503G|503H|503J|1015|1008|219|221|224|227|228|229" || true
