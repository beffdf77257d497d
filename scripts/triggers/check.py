#!/usr/bin/env python3
"""Check the trigger lexicon in data/triggers/ (format: data/triggers/README.md).

usage: python3 scripts/triggers/check.py [DIR]      (DIR defaults to data/triggers next to this script's repo)

Parses every *.toml file with the standard library's tomllib and checks:
  - each type file holds `type` and a `trigger` array, and every entry's `type` is the file's type;
  - types are the 16 PLOVER types of ../shared/spec/ontology.md, modes and contexts come from the lists below
    (ontology.md's modes and those of openeventdata/PLOVER's CAMEO2PLOVER crosswalk);
  - `cameo` is a string of 2-4 digits whose root belongs to the type (ontology.md's CAMEO roots);
  - keys are known, values have the right shape, `...` only in phrases, frames use known keys;
  - no lemma appears twice within a type;
  - cues.toml: every cue has a known role, no duplicate (cue, role).
Prints entries per type and the total; exits 1 on any error.
"""
import pathlib
import sys
import tomllib
import unicodedata

TYPES = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"]

# Modes per type: ontology.md's list, completed with the modes of PLOVER's CAMEO crosswalk.
MODES = {
    "AGREE": set(),
    "CONSULT": {"phone", "visit", "host", "third-party"},
    "SUPPORT": set(),
    "COOPERATE": {"military", "intelligence", "security"},
    "AID": {"military", "economic", "humanitarian", "asylum", "peacekeeping"},
    "CONCEDE": set(),
    "RETREAT": {"release", "return", "withdraw", "ceasefire", "disarm", "ease", "access"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"investigate", "disapprove"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"violence", "restrict", "relations", "expel", "territory", "ban"},
    "PROTEST": {"demo", "hunger", "boycott", "obstruct", "riot"},
    "MOBILIZE": {"police", "troops"},
    "SANCTION": {"withdraw", "discontinue", "expel", "restrict"},
    "COERCE": {"arrest", "seize", "blockade", "confiscate", "restrict", "ban", "curfew", "martial-law", "deport"},
    "ASSAULT": {"abduct", "aerial", "firearms", "explosives", "suicide-attack", "assassinate", "heavy-weapons",
                "beat", "torture", "sexual", "destroy", "cleansing", "unconventional"},
}

CONTEXTS = {"diplomatic", "economic", "military", "legal", "intelligence", "peacekeeping", "political_institutions",
            "executive", "rights_freedoms", "human_rights", "humanitarian", "crime", "corruption", "democracy",
            "cbrn"}

# CAMEO roots per type (ontology.md): a code belongs to a type when it starts with one of these prefixes and
# does not start with one of the excluded ones.
ROOTS = {
    "AGREE": (["03", "057"], []),
    "CONSULT": (["04"], []),
    "SUPPORT": (["05"], ["057"]),
    "COOPERATE": (["06"], []),
    "AID": (["07"], []),
    "CONCEDE": (["080", "081", "082", "083"], ["0813", "0814"]),
    "RETREAT": (["084", "085", "086", "087", "0813", "0814"], []),
    "REQUEST": (["02", "10"], []),
    "ACCUSE": (["09", "11"], []),
    "REJECT": (["12"], []),
    "THREATEN": (["13"], []),
    "PROTEST": (["14"], []),
    "MOBILIZE": (["15"], []),
    "SANCTION": (["16"], []),
    "COERCE": (["17", "191", "192"], ["175", "1712"]),
    "ASSAULT": (["18", "19", "20", "175", "1712"], ["191", "192"]),
}

POS = {"verb", "masdar", "participle", "noun", "phrase"}
OBJECTS = {"person", "actor", "place", "property", "projectile", "aircraft", "forces", "agreement", "aid",
           "demand", "decision", "relations", "weapon"}
ENTRY_KEYS = {"lemma", "pos", "type", "mode", "context", "cameo", "masdar", "forms", "object", "frame", "block",
              "standalone"}
FRAME_KEYS = {"recipient", "actor", "with", "about", "symmetric"}
CUE_ROLES = {"reporting", "continuation", "anonymous", "document", "negation", "hedge", "planned", "threat",
             "background", "claim", "foiled"}
CUE_KEYS = {"cue", "role", "pos", "scope", "source", "forms", "relation", "block"}


def norm(s):
    """The spelling-insensitive key used for duplicate checks: no diacritics or tatweel, alef/yeh/teh marbuta
    variants folded, whitespace collapsed."""
    s = unicodedata.normalize("NFC", s)
    s = "".join(ch for ch in s if not ("\u064b" <= ch <= "\u0652" or ch in "\u0670\u0640"))
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ى", "ي"), ("ة", "ه")):
        s = s.replace(a, b)
    return " ".join(s.split())


def is_arabic_text(s):
    return isinstance(s, str) and s.strip() != "" and s == s.strip()


def check_cameo(code, typ):
    if not (isinstance(code, str) and code.isdigit() and 2 <= len(code) <= 4):
        return f"cameo {code!r} is not a 2-4 digit string"
    inc, exc = ROOTS[typ]
    if not any(code.startswith(p) for p in inc) or any(code.startswith(p) for p in exc):
        return f"cameo {code} is not under {typ}'s roots {inc}"
    return None


def check_type_file(path, data, errors):
    typ = data.get("type")
    if typ not in TYPES:
        errors.append(f"{path.name}: top-level type {typ!r} is not a PLOVER type")
        return typ, 0
    entries = data.get("trigger")
    if not isinstance(entries, list) or not entries:
        errors.append(f"{path.name}: no `trigger` array")
        return typ, 0
    extra = set(data) - {"type", "trigger"}
    if extra:
        errors.append(f"{path.name}: unknown top-level keys {sorted(extra)}")
    seen = {}
    for i, e in enumerate(entries, 1):
        where = f"{path.name}#{i} {e.get('lemma', '?')}"
        unknown = set(e) - ENTRY_KEYS
        if unknown:
            errors.append(f"{where}: unknown keys {sorted(unknown)}")
        lemma = e.get("lemma")
        if not is_arabic_text(lemma):
            errors.append(f"{where}: lemma missing or padded")
            continue
        pos = e.get("pos")
        if pos not in POS:
            errors.append(f"{where}: pos {pos!r} not one of {sorted(POS)}")
        if "..." in lemma and pos != "phrase":
            errors.append(f"{where}: `...` only in phrases")
        if pos == "phrase" and " " not in lemma:
            errors.append(f"{where}: a phrase needs more than one word")
        if pos in ("verb", "masdar", "participle", "noun") and " " in lemma:
            errors.append(f"{where}: a {pos} is one word (use pos = \"phrase\")")
        if e.get("type") != typ:
            errors.append(f"{where}: type {e.get('type')!r} differs from the file's {typ}")
        mode = e.get("mode")
        if mode is not None and mode not in MODES[typ]:
            errors.append(f"{where}: mode {mode!r} is not a {typ} mode {sorted(MODES[typ])}")
        ctx = e.get("context")
        if ctx is not None and ctx not in CONTEXTS:
            errors.append(f"{where}: context {ctx!r} unknown")
        msg = check_cameo(e.get("cameo"), typ)
        if msg:
            errors.append(f"{where}: {msg}")
        for key in ("masdar", "forms", "block"):
            v = e.get(key)
            if v is not None and (not isinstance(v, list) or not v or not all(is_arabic_text(x) for x in v)):
                errors.append(f"{where}: {key} must be a non-empty list of strings")
        obj = e.get("object")
        if obj is not None and obj not in OBJECTS:
            errors.append(f"{where}: object {obj!r} not one of {sorted(OBJECTS)}")
        if "standalone" in e and not isinstance(e["standalone"], bool):
            errors.append(f"{where}: standalone must be true or false")
        frame = e.get("frame")
        if frame is not None:
            if not isinstance(frame, dict):
                errors.append(f"{where}: frame must be a table")
            else:
                bad = set(frame) - FRAME_KEYS
                if bad:
                    errors.append(f"{where}: unknown frame keys {sorted(bad)}")
                for k in ("recipient", "actor", "with", "about"):
                    v = frame.get(k)
                    if v is not None and (not isinstance(v, list) or not all(is_arabic_text(x) for x in v)):
                        errors.append(f"{where}: frame.{k} must be a list of prepositions")
                if "symmetric" in frame and not isinstance(frame["symmetric"], bool):
                    errors.append(f"{where}: frame.symmetric must be true or false")
        key = norm(lemma)
        if key in seen:
            errors.append(f"{where}: duplicate lemma within {typ} (also entry #{seen[key]})")
        seen[key] = i
    return typ, len(entries)


def check_cues(path, data, errors):
    cues = data.get("cue")
    if not isinstance(cues, list) or not cues:
        errors.append(f"{path.name}: no `cue` array")
        return {}
    counts, seen = {}, set()
    for i, c in enumerate(cues, 1):
        where = f"{path.name}#{i} {c.get('cue', '?')}"
        unknown = set(c) - CUE_KEYS
        if unknown:
            errors.append(f"{where}: unknown keys {sorted(unknown)}")
        if not is_arabic_text(c.get("cue")):
            errors.append(f"{where}: cue missing")
            continue
        role = c.get("role")
        if role not in CUE_ROLES:
            errors.append(f"{where}: role {role!r} not one of {sorted(CUE_ROLES)}")
            continue
        key = (norm(c["cue"]), role)
        if key in seen:
            errors.append(f"{where}: duplicate cue for role {role}")
        seen.add(key)
        counts[role] = counts.get(role, 0) + 1
    return counts


def main(argv):
    root = pathlib.Path(argv[1]) if len(argv) > 1 else pathlib.Path(__file__).resolve().parents[2] / "data" / "triggers"
    errors, per_type, cue_counts = [], {}, {}
    files = sorted(root.glob("*.toml"))
    if not files:
        sys.exit(f"no .toml files in {root}")
    for path in files:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            errors.append(f"{path.name}: does not parse: {exc}")
            continue
        if path.name == "cues.toml":
            cue_counts = check_cues(path, data, errors)
            continue
        typ, n = check_type_file(path, data, errors)
        if typ in per_type:
            errors.append(f"{path.name}: type {typ} already has a file")
        if typ in TYPES:
            per_type[typ] = per_type.get(typ, 0) + n
            if path.stem != typ.lower():
                errors.append(f"{path.name}: file for {typ} should be named {typ.lower()}.toml")
    for t in TYPES:
        if t not in per_type:
            errors.append(f"no entries for {t}")
    width = max(len(t) for t in TYPES)
    for t in TYPES:
        print(f"{t:<{width}}  {per_type.get(t, 0):4d}")
    total = sum(per_type.values())
    print(f"{'total':<{width}}  {total:4d}  lemmas and phrases")
    if cue_counts:
        print("cues: " + ", ".join(f"{r} {n}" for r, n in sorted(cue_counts.items())) + f" (total {sum(cue_counts.values())})")
    for e in errors:
        print("error: " + e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
