#!/usr/bin/env python3
"""Check the actor dictionary (data/actors/*.toml) and print its counts.

Usage: python3 scripts/actors/check.py [--quiet] [DIR]

Checks: every file parses (stdlib tomllib); every [[actor]] has the required keys with the right types and no
unknown key; ids are unique kebab-case; kind is PER ORG GPE NORP; sectors are known codes; country and descriptor
contexts are ISO 3166-1 alpha-3 (or a region code listed below); parents exist and have no cycle; generic_refs
name generic actors; no alias (after
the folding rasad's matcher does: marks and tatweel dropped, أ إ آ ٱ → ا, ى → ي, ة → ه, spaces collapsed) belongs
to two actors; no descriptor repeats with the same context for two actors; no alias or descriptor holds a Latin
letter (digits are fine: «اللواء 35»). Exits 1 on any error; warnings (a form repeated inside one actor) do not fail.
Prints: actors, aliases, descriptors, surface forms (distinct folded forms per actor: ar + aliases + descriptor
texts per context) in total and per file, and counts by kind.
"""
import re
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

KINDS = {"PER", "ORG", "GPE", "NORP"}
# CAMEO actor-type codes (CAMEO manual ch. 3: domestic roles, IGO/NGO types, religion-free subset)
SECTORS = {
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "LEG", "MED", "EDU", "BUS", "CRM", "CVL",
    "INS", "ELI", "LAB", "REF", "AGR", "HLH", "HRI", "UAF", "IGO", "NGO", "NGM", "IMG", "MNC", "SEP",
    "MOD", "RAD", "ENV", "DEV", "SET", "REL",
}
# ISO 3166-1 alpha-3 (officially assigned, plus XKX Kosovo as used by the EU/IMF and by GeoNames)
ISO3 = set("""
ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR BHS BIH
BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB
CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO
GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN
IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA
MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER
NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU
RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA
TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT
WLF WSM XKX YEM ZAF ZMB ZWE
""".split())
# descriptor contexts that are not one country: ANY (any article), regions
REGIONS = {"ANY", "GULF", "LEVANT", "MAGHREB", "SAHEL", "HORN", "KURD"}
REQUIRED = {"id": str, "kind": str, "en": str, "ar": str}
OPTIONAL = {
    "aliases": list, "descriptors": list, "country": str, "sectors": list, "cameo": str, "parent": str,
    "wikidata": str, "generic": bool, "note": str, "generic_refs": list,
}
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CAMEO_RE = re.compile(r"^([A-Z]{3})+$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f]")
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
LATIN_OR_DIGIT = re.compile(r"[A-Za-z]")


def fold(s: str) -> str:
    return " ".join(MARKS.sub("", s).translate(FOLD).split())


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    quiet = "--quiet" in sys.argv
    root = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "data" / "actors"
    errors, warnings = [], []
    actors = {}  # id -> (file, record)
    per_file = {}
    for path in sorted(root.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as e:
            errors.append(f"{path.name}: does not parse: {e}")
            continue
        extra = set(data) - {"actor"}
        if extra:
            errors.append(f"{path.name}: top-level keys other than [[actor]]: {sorted(extra)}")
        recs = data.get("actor", [])
        per_file[path.name] = recs
        for i, rec in enumerate(recs):
            where = f"{path.name}: actor #{i + 1} ({rec.get('id', '?')})"
            for k, t in REQUIRED.items():
                if not isinstance(rec.get(k), t) or not rec.get(k):
                    errors.append(f"{where}: missing or bad `{k}`")
            for k, v in rec.items():
                if k in REQUIRED:
                    continue
                if k not in OPTIONAL:
                    errors.append(f"{where}: unknown key `{k}`")
                elif not isinstance(v, OPTIONAL[k]):
                    errors.append(f"{where}: `{k}` should be {OPTIONAL[k].__name__}")
            aid = rec.get("id")
            if not isinstance(aid, str):
                continue
            if not ID_RE.match(aid):
                errors.append(f"{where}: id is not kebab-case")
            if aid in actors:
                errors.append(f"{where}: id also in {actors[aid][0]}")
            actors[aid] = (path.name, rec)
            if rec.get("kind") not in KINDS:
                errors.append(f"{where}: kind {rec.get('kind')!r} not in {sorted(KINDS)}")
            for s in rec.get("sectors", []):
                if s not in SECTORS:
                    errors.append(f"{where}: unknown sector {s!r}")
            c = rec.get("country")
            if c is not None and c not in ISO3:
                errors.append(f"{where}: country {c!r} is not ISO 3166-1 alpha-3")
            cam = rec.get("cameo")
            if cam is not None and not CAMEO_RE.match(cam):
                errors.append(f"{where}: cameo {cam!r} is not a run of 3-letter codes")
            q = rec.get("wikidata")
            if q is not None and not QID_RE.match(q):
                errors.append(f"{where}: wikidata {q!r} is not a QID")
            for a in rec.get("aliases", []):
                if not isinstance(a, str) or not a.strip():
                    errors.append(f"{where}: empty or non-string alias")
                elif LATIN_OR_DIGIT.search(a):
                    errors.append(f"{where}: alias {a!r} holds Latin letters")
            for d in rec.get("descriptors", []):
                if not isinstance(d, dict) or set(d) - {"text", "context", "note"} or not isinstance(d.get("text"), str):
                    errors.append(f"{where}: descriptor {d!r} should be {{ text = ..., context = ... }}")
                    continue
                ctx = d.get("context")
                if not isinstance(ctx, str) or (ctx not in ISO3 and ctx not in REGIONS):
                    errors.append(f"{where}: descriptor {d['text']!r} has bad context {ctx!r}")
                if LATIN_OR_DIGIT.search(d["text"]):
                    errors.append(f"{where}: descriptor {d['text']!r} holds Latin letters")
    # parents
    for aid, (fname, rec) in actors.items():
        p = rec.get("parent")
        if p is not None and p not in actors:
            errors.append(f"{fname}: {aid}: parent {p!r} does not exist")
        for g in rec.get("generic_refs", []):
            if g not in actors or not actors[g][1].get("generic"):
                errors.append(f"{fname}: {aid}: generic_refs {g!r} is not a generic actor")
    for aid in actors:
        seen, cur = set(), aid
        while cur is not None and cur in actors:
            if cur in seen:
                errors.append(f"{aid}: parent cycle through {cur}")
                break
            seen.add(cur)
            cur = actors[cur][1].get("parent")
    # alias ownership and descriptor clashes
    owner = defaultdict(set)  # folded alias -> ids
    downer = defaultdict(set)  # (folded descriptor, context) -> ids
    forms_of = {}
    for aid, (fname, rec) in actors.items():
        forms = set()
        seen_alias = Counter(fold(a) for a in rec.get("aliases", []) if isinstance(a, str))
        for a, n in seen_alias.items():
            if n > 1:
                warnings.append(f"{fname}: {aid}: alias {a!r} repeated (after folding)")
        names = {fold(rec.get("ar", ""))} | set(seen_alias)
        names.discard("")
        for a in names:
            owner[a].add(aid)
            forms.add(("alias", a))
        for d in rec.get("descriptors", []):
            if isinstance(d, dict) and isinstance(d.get("text"), str):
                key = (fold(d["text"]), d.get("context"))
                if aid in downer[key]:
                    warnings.append(f"{fname}: {aid}: descriptor {key} repeated")
                downer[key].add(aid)
                if key[0] in names:
                    warnings.append(f"{fname}: {aid}: descriptor {key[0]!r} is also its alias")
                forms.add(("desc",) + key)
        forms_of[aid] = forms
    for a, ids in sorted(owner.items()):
        if len(ids) > 1:
            errors.append(f"alias {a!r} belongs to {len(ids)} actors: {', '.join(sorted(ids))}")
    for (t, ctx), ids in sorted(downer.items()):
        if len(ids) > 1:
            errors.append(f"descriptor {t!r} in context {ctx} belongs to {len(ids)} actors: {', '.join(sorted(ids))}")
    # counts
    tot = Counter()
    rows = []
    for fname, recs in per_file.items():
        c = Counter()
        for rec in recs:
            aid = rec.get("id")
            if aid not in forms_of:
                continue
            c["actors"] += 1
            c["aliases"] += sum(1 for f in forms_of[aid] if f[0] == "alias")
            c["descriptors"] += sum(1 for f in forms_of[aid] if f[0] == "desc")
        c["forms"] = c["aliases"] + c["descriptors"]
        tot.update(c)
        rows.append((fname, c))
    if not quiet:
        for w in warnings:
            print("warning:", w)
    for e in errors:
        print("error:", e)
    print(f"{'file':<26}{'actors':>8}{'aliases':>9}{'descr.':>8}{'forms':>8}")
    for fname, c in rows:
        print(f"{fname:<26}{c['actors']:>8}{c['aliases']:>9}{c['descriptors']:>8}{c['forms']:>8}")
    print(f"{'total':<26}{tot['actors']:>8}{tot['aliases']:>9}{tot['descriptors']:>8}{tot['forms']:>8}")
    kinds = Counter(rec.get("kind") for _, rec in actors.values())
    print("by kind:", ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())),
          f"| generic {sum(1 for _, r in actors.values() if r.get('generic'))}",
          f"| with wikidata {sum(1 for _, r in actors.values() if r.get('wikidata'))}")
    print("aliases = distinct folded names per actor (ar + aliases); descriptors = distinct (text, context) pairs;"
          " forms = both")
    if errors:
        print(f"FAILED: {len(errors)} error(s), {len(warnings)} warning(s)")
        return 1
    print(f"OK ({len(warnings)} warning(s))")
    return 0


if __name__ == "__main__":
    sys.exit(main())
