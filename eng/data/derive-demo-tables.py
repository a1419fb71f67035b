#!/usr/bin/env python3
"""Derive the compact tables that GmConnect.Demo embeds, from the shared public data.

Run by hand, from the repository root, when the source data change:

    python3 eng/data/derive-demo-tables.py /path/to/shared/data

It writes src/GmConnect.Demo/Data/*.csv.gz (gzip with a fixed mtime, so re-running on the same
input gives byte-identical files). Origins and licences: src/GmConnect.Demo/Data/README.md.
The hand-written tables (names-curated.csv, ethnic-mix.csv, streets.csv) are not made here.
"""
import csv
import gzip
import io
import json
import os
import sys
from collections import defaultdict

SRC = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "GmConnect.Demo", "Data")

ONS_TO_DFE = {f"E0800000{i}" if i < 10 else "E08000010": 349 + i for i in range(1, 11)}


def write_gz(name, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    path = os.path.join(OUT, name)
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(buf.getvalue().encode("utf-8"))
    print(f"{name}: {len(rows)} rows, {os.path.getsize(path)} bytes")


def postcodes():
    rows = []
    with open(os.path.join(SRC, "geography/codepoint-open/gm_codepoint_open_2025-10.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows.append((ONS_TO_DFE[r["Admin_district_code"]], r["Postcode"], r["Admin_ward_code"]))
    rows.sort()
    write_gz("postcodes.csv.gz", ["la", "postcode", "ward"], rows)
    with open(os.path.join(SRC, "boundaries/gm_ward_2023_generalised.geojson"), encoding="utf-8") as f:
        wards = json.load(f)["features"]
    ward_rows = sorted((w["properties"]["area_code"], w["properties"]["area_name"]) for w in wards)
    write_gz("wards.csv.gz", ["ward", "name"], ward_rows)


def ages():
    persons, males, females = {}, {}, {}
    with open(os.path.join(SRC, "population/gm_mye_single_year_of_age.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if not r["dfe_la_code"]:
                continue
            key = (int(r["dfe_la_code"]), int(r["age"]))
            if r["year"] == "2020" and r["sex"] == "Persons":
                persons[key] = int(r["population"])
            elif r["year"] == "2014" and r["sex"] == "Males":
                males[key] = int(r["population"])
            elif r["year"] == "2014" and r["sex"] == "Females":
                females[key] = int(r["population"])
    rows = []
    for key in sorted(persons):
        share = males[key] / (males[key] + females[key])
        m = round(persons[key] * share)
        rows.append((key[0], key[1], m, persons[key] - m))
    write_gz("age-sex.csv.gz", ["la", "age", "males", "females"], rows)


def given_names():
    cohorts = [(1996, 2000), (2001, 2005), (2006, 2010), (2011, 2018)]
    rows = []
    for sex, fname in (("M", "boyname1996to2018EW.csv"), ("F", "girlname1996to2018EW.csv")):
        counts = defaultdict(lambda: defaultdict(int))
        with open(os.path.join(SRC, "names/ons-baby-names-and-variants", fname), encoding="utf-8") as f:
            for r in csv.DictReader(f):
                name = r["firstname"].strip()
                if not name.isalpha():
                    continue
                year = int(r["year"])
                for lo, hi in cohorts:
                    if lo <= year <= hi:
                        counts[lo][name.title()] += int(r["count"].replace(",", ""))
        for lo, _ in cohorts:
            top = sorted(counts[lo].items(), key=lambda kv: (-kv[1], kv[0]))[:400]
            rows.extend((sex, lo, n, c) for n, c in top)
    write_gz("given-names-ons.csv.gz", ["sex", "cohort", "name", "count"], rows)
    return {r[2].lower() for r in rows}


def surnames():
    rows = []
    with open(os.path.join(SRC, "names/ons-baby-names-and-variants/lastname_uk.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows.append((r["surname"].strip(), float(r["freq"])))
    rows.sort(key=lambda kv: (-kv[1], kv[0]))
    top = [(n, max(1, round(fr * 1_000_000))) for n, fr in rows[:3000] if n.isalpha()]
    write_gz("surnames-uk.csv.gz", ["surname", "per_million"], top)
    return {n for n, _ in top}


def curated_names():
    given, family = set(), set()
    with open(os.path.join(OUT, "names-curated.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            (family if r["kind"] == "s" else given).add(r["name"].lower())
    return given, family


def variants(given_pool, surname_pool):
    nick = []
    with open(os.path.join(SRC, "names/nicknames/names.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["name1"] in given_pool:
                nick.append((r["name1"], r["name2"]))
    write_gz("nicknames.csv.gz", ["name", "nickname"], sorted(set(nick)))
    var = []
    with open(os.path.join(SRC, "names/ons-baby-names-and-variants/firstname_uk_variant.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["forename"] in given_pool and r["forename2"] != r["forename"]:
                var.append((r["forename"], r["forename2"]))
    write_gz("given-variants.csv.gz", ["name", "variant"], sorted(set(var)))
    sv = []
    with open(os.path.join(SRC, "names/ons-baby-names-and-variants/lastname_uk_variant.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["lastname1"] in surname_pool and r["lastname2"] != r["lastname1"]:
                sv.append((r["lastname1"], r["lastname2"]))
    write_gz("surname-variants.csv.gz", ["name", "variant"], sorted(set(sv)))


if __name__ == "__main__":
    postcodes()
    ages()
    ons_given = given_names()
    uk_surnames = surnames()
    cur_given, cur_family = curated_names()
    variants(ons_given | cur_given, uk_surnames | cur_family)
