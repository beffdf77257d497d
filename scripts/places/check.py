#!/usr/bin/env python3
"""Check data/places/places.tsv: unique ids and GeoNames ids, coordinates in range, every first-level division of
the Arab states, Iran and Turkey present, Yemen's governorates with their Arabic names; print counts.

    python3 scripts/places/check.py [data/places/places.tsv]

Needs only the standard library. Exit status 0 when every check passes.
"""
from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARAB = "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split()
# GeoNames's first-level divisions per country (admin1CodesASCII), as counted when this check was written.
ADM1_COUNT = {
    "DZ": 58, "BH": 4, "KM": 3, "DJ": 6, "EG": 27, "IQ": 19, "JO": 12, "KW": 6, "LB": 8, "LY": 22, "MR": 15,
    "MA": 12, "OM": 11, "PS": 2, "QA": 8, "SA": 13, "SO": 18, "SD": 18, "SY": 14, "TN": 24, "AE": 7, "YE": 22,
    "IR": 31, "TR": 81,
}
# Yemen's governorates the seed articles name: GeoNames admin1 code -> Arabic name that must be among its names.
YEMEN = {
    "YE.24": "لحج",     # Lahij
    "YE.20": "البيضاء",  # Al Bayda
    "YE.02": "عدن",     # Aden
    "YE.26": "صنعاء",    # Amanat al-Asimah (Sanaa city)
    "YE.16": "صنعاء",    # Sanaa governorate
    "YE.14": "مأرب",     # Marib
    "YE.04": "حضرموت",   # Hadramawt
    "YE.25": "تعز",     # Taiz
    "YE.08": "الحديدة",  # Al Hudaydah
}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)?$")


def fold(s: str) -> str:
    return s.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"}))


def load(path: Path) -> list[dict]:
    rows, header = [], None
    for ln in open(path, encoding="utf-8"):
        if ln.startswith("#"):
            continue
        f = ln.rstrip("\n").split("\t")
        if header is None:
            header = f
            continue
        if len(f) != len(header):
            raise SystemExit(f"{path}: row with {len(f)} fields, want {len(header)}: {ln[:80]!r}")
        rows.append(dict(zip(header, f)))
    return rows


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else ROOT / "data" / "places" / "places.tsv"
    rows = load(path)
    errors: list[str] = []

    ids = collections.Counter(r["id"] for r in rows)
    errors += [f"duplicate id {i} ({n}x)" for i, n in ids.items() if n > 1]
    errors += [f"malformed id {i!r}" for i in ids if not ID_RE.match(i)]
    gids = collections.Counter(r["geonameid"] for r in rows if r["geonameid"])
    errors += [f"duplicate geonameid {g} ({n}x)" for g, n in gids.items() if n > 1]

    for r in rows:
        region = r["feature_code"] in ("CONT", "RGN")
        if region and (r["country"] or r["country3"]):
            errors.append(f"{r['id']}: a continent or region has no country")
        if not r["lat"] and "no-coords" in r["notes"] and (r["feature_code"].startswith("PCL") or region):
            continue
        try:
            lat, lon = float(r["lat"]), float(r["lon"])
        except ValueError:
            errors.append(f"{r['id']}: no coordinates")
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            errors.append(f"{r['id']}: coordinates out of range {lat},{lon}")
        if not r["feature_code"] or not r["name_en"] or (not region and (len(r["country"]) != 2 or len(r["country3"]) != 3)):
            errors.append(f"{r['id']}: missing feature code, English name or country codes")
        if r["feature_code"] != "ADM1" and not r["feature_code"].startswith("PCL") and r["country"] in ARAB + ["IR", "TR"]:
            if r["admin1_code"] and not r["admin1_code"].endswith(".00") and not r["admin1_name"]:
                errors.append(f"{r['id']}: admin1 {r['admin1_code']} has no name")
        names = [r["name_ar"]] + (r["ar_variants"].split("|") if r["ar_variants"] else [])
        if not r["feature_code"].startswith("PCL"):
            both = sorted(n for n in names if n.startswith("ال") and " " not in n and n[2:] in names)
            if both:
                errors.append(f"{r['id']}: listed with and without the article: {both} (the bare word is not the place)")
        for n in [r["name_ar"]] + (r["ar_variants"].split("|") if r["ar_variants"] else []):
            if n and re.search("[پچژکگیےۀ\u200c]", n):
                errors.append(f"{r['id']}: Persian/Urdu letter in {n!r}")

    adm1 = collections.defaultdict(dict)
    for r in rows:
        if r["feature_code"] == "ADM1":
            adm1[r["country"]][r["admin1_code"]] = r
    for cc, n in ADM1_COUNT.items():
        have = len(adm1[cc])
        if have != n:
            errors.append(f"{cc}: {have} first-level divisions, want {n}")
        for code, r in adm1[cc].items():
            if not r["name_ar"]:
                errors.append(f"{r['id']}: first-level division without an Arabic name")
    countries = {r["country"] for r in rows if r["feature_code"].startswith("PCL")}
    errors += [f"{cc}: no country record" for cc in ARAB + ["IR", "TR", "IL"] if cc not in countries]
    if len(countries) < 250:
        errors.append(f"only {len(countries)} countries")

    for code, ar in YEMEN.items():
        r = adm1["YE"].get(code)
        if r is None:
            errors.append(f"Yemen governorate {code} ({ar}) missing")
            continue
        names = {fold(n) for n in [r["name_ar"]] + r["ar_variants"].split("|") if n}
        if fold(ar) not in names:
            errors.append(f"{r['id']}: Arabic name {ar} missing (has {r['name_ar']})")

    by_fc = collections.Counter(r["feature_code"] for r in rows)
    cls = collections.Counter("country" if f.startswith("PCL") else "ADM1" if f == "ADM1" else
                              "populated place" if f.startswith("PPL") else "other" for f in by_fc.elements())
    forms = sum(bool(r["name_ar"]) + (len(r["ar_variants"].split("|")) if r["ar_variants"] else 0) for r in rows)
    print(f"places {len(rows)}; Arabic name forms {forms}; with an Arabic name "
          f"{sum(1 for r in rows if r['name_ar'])}")
    print("by class: " + ", ".join(f"{k} {v}" for k, v in cls.most_common()))
    print("by feature code: " + ", ".join(f"{k} {v}" for k, v in by_fc.most_common()))
    per = collections.Counter(r["country"] for r in rows)
    print("focus countries: " + ", ".join(f"{cc} {per[cc]}" for cc in ARAB + ["IR", "TR", "IL"]))
    size = path.stat().st_size
    print(f"{path.name}: {size / 1e6:.1f} MB")
    if size > 10e6:
        errors.append("places.tsv is over 10 MB")
    for e in errors:
        print("ERROR", e)
    print(f"check: {'ok' if not errors else f'{len(errors)} errors'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
