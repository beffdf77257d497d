#!/usr/bin/env python3
"""Validate the development set tests/gold/*.gold.json against its texts (format: ../shared/spec/gold.md).

usage: python3 scripts/triggers/check_gold.py [DIR]        (DIR defaults to tests/gold of this repository)

For every gold file:
  - `doc` names an existing text (relative to the repository root) whose first line is `title`;
  - entities have a known kind and English names, and every mention occurs in the text;
  - places have names, coordinates in range and a tolerance; times and quantities occur in the text, with
    well-formed values and intervals;
  - events have unique ids, PLOVER types (and alt_types), modes valid for the type (the lists of
    scripts/triggers/check.py), actors and recipients that are entities with at least one mention, an
    `evidence` that occurs exactly once in the text and inside one sentence, a known place, a time with a
    TIMEX3-like value and a known relation, a quantity interval, a known source kind and status;
  - a symmetric event names at least two sides.
Also checks tests/no-event/sentences.txt (one sentence a line, # comments): no duplicates, no line holding
two sentences. Prints events per type, articles per country, statuses and sources; exits 1 on any error.
"""
import json
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from check import MODES, TYPES  # noqa: E402

KINDS = {"PER", "ORG", "GPE", "LOC", "FAC", "NORP"}
SOURCES = {"named", "anonymous", "outlet", "document"}
STATUSES = {"asserted", "reported", "hedged", "negated", "planned"}
RELATIONS = {"on", "since", "until", "before", "after"}
TIME_MODS = {"START", "MID", "END", "APPROX", "BEFORE", "AFTER", "MORE_THAN", "LESS_THAN"}
TIME_VALUE = re.compile(r"^(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?|\d{4}-W\d{2}|\d{4}-Q[1-4]|\d{3}X)$")
EVENT_KEYS = {"id", "type", "alt_types", "mode", "actor", "recipient", "symmetric", "evidence", "place", "time",
              "quantity", "source", "status", "required", "note"}
SENTENCE_END = re.compile(r"[.!?؟]\s|[.!?؟]$|\n")


def sentences(text):
    """Sentence spans by a deliberately simple rule (end punctuation followed by space, or a line break):
    evidence that crosses one of these boundaries would cross a sentence boundary of any splitter."""
    spans, start = [], 0
    for m in re.finditer(r"(?<=[.!?؟])\s+|\n+", text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def check_file(path, root, errors, stats):
    name = path.name
    try:
        g = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        errors.append(f"{name}: not JSON: {exc}")
        return
    err = lambda msg: errors.append(f"{name}: {msg}")  # noqa: E731
    doc = root / g.get("doc", "")
    if not g.get("doc") or not doc.is_file():
        err(f"doc {g.get('doc')!r} not found")
        return
    if g["doc"] != f"tests/gold/{name[:-len('.gold.json')]}.txt":
        err(f"doc {g['doc']!r} should be tests/gold/{name[:-len('.gold.json')]}.txt")
    text = doc.read_text(encoding="utf-8")
    first = text.split("\n", 1)[0]
    if first.strip() != g.get("title", "").strip():
        err("title differs from the text's first line")
    for h in g.get("headings", []):
        if h not in text:
            err(f"heading {h!r} not in text")
    for b in g.get("boilerplate", []):
        if not isinstance(b, str):
            err("boilerplate entries must be strings")
    country = g.get("country")
    if not country:
        err("no country")
    stats["countries"][country] = stats["countries"].get(country, 0) + 1

    ents = g.get("entities", {})
    mentioned = set()
    for key, e in ents.items():
        if e.get("kind") not in KINDS:
            err(f"entity {key}: kind {e.get('kind')!r}")
        if not e.get("names_en") or not all(isinstance(n, str) and n for n in e["names_en"]):
            err(f"entity {key}: names_en missing")
        for m in e.get("mentions", []):
            if m not in text:
                err(f"entity {key}: mention {m!r} not in text")
            else:
                mentioned.add(key)
        stats["mentions"] += len(e.get("mentions", []))
    places = g.get("places", {})
    for key, p in places.items():
        if not p.get("names_en"):
            err(f"place {key}: names_en missing")
        if not (is_num(p.get("lat")) and -90 <= p["lat"] <= 90 and is_num(p.get("lon")) and -180 <= p["lon"] <= 180):
            err(f"place {key}: bad coordinates")
        if not (is_num(p.get("tolerance_km")) and p["tolerance_km"] > 0):
            err(f"place {key}: bad tolerance_km")
    for t in g.get("times", []):
        if t.get("text") not in text:
            err(f"time {t.get('text')!r} not in text")
        if not TIME_VALUE.match(str(t.get("value"))):
            err(f"time {t.get('text')!r}: value {t.get('value')!r}")
        if "mod" in t and t["mod"] not in TIME_MODS:
            err(f"time {t.get('text')!r}: mod {t['mod']!r}")
        if "span" in t and t["span"] not in t.get("text", ""):
            err(f"time {t.get('text')!r}: span not inside text")
    stats["times"] += len(g.get("times", []))
    for q in g.get("quantities", []):
        if q.get("text") not in text:
            err(f"quantity {q.get('text')!r} not in text")
        lo, hi = q.get("min"), q.get("max")
        if not ((lo is None or is_num(lo)) and (hi is None or is_num(hi))) or (lo is not None and hi is not None and lo > hi):
            err(f"quantity {q.get('text')!r}: bad interval")
    stats["quantities"] += len(g.get("quantities", []))

    spans = sentences(text)
    ids = set()
    for ev in g.get("events", []):
        eid = ev.get("id", "?")
        where = f"event {eid}"
        if eid in ids:
            err(f"{where}: duplicate id")
        ids.add(eid)
        extra = set(ev) - EVENT_KEYS
        if extra:
            err(f"{where}: unknown keys {sorted(extra)}")
        typ = ev.get("type")
        if typ not in TYPES:
            err(f"{where}: type {typ!r}")
            continue
        for alt in ev.get("alt_types", []):
            if alt not in TYPES or alt == typ:
                err(f"{where}: alt_type {alt!r}")
        mode = ev.get("mode")
        if mode is not None and mode not in MODES[typ]:
            err(f"{where}: mode {mode!r} not a {typ} mode")
        for side in ("actor", "recipient"):
            for a in ev.get(side, []):
                if a not in ents:
                    err(f"{where}: {side} {a!r} is not an entity")
                elif a not in mentioned:
                    err(f"{where}: {side} {a!r} has no mention in the text")
        if ev.get("symmetric"):
            if len(set(ev.get("actor", [])) | set(ev.get("recipient", []))) < 2:
                err(f"{where}: a symmetric event needs two sides")
        evidence = ev.get("evidence", "")
        n = text.count(evidence) if evidence else 0
        if n != 1:
            err(f"{where}: evidence {evidence!r} occurs {n} times")
        else:
            at = text.find(evidence)
            if not any(s <= at and at + len(evidence) <= e for s, e in spans):
                err(f"{where}: evidence {evidence!r} crosses a sentence boundary")
        if "place" in ev and ev["place"] not in places:
            err(f"{where}: place {ev['place']!r} unknown")
        if "time" in ev:
            t = ev["time"]
            if not TIME_VALUE.match(str(t.get("value"))):
                err(f"{where}: time value {t.get('value')!r}")
            if t.get("relation", "on") not in RELATIONS:
                err(f"{where}: time relation {t.get('relation')!r}")
            if "mod" in t and t["mod"] not in TIME_MODS:
                err(f"{where}: time mod {t['mod']!r}")
        if "quantity" in ev:
            q = ev["quantity"]
            lo, hi = q.get("min"), q.get("max")
            if (lo is not None and not is_num(lo)) or (hi is not None and not is_num(hi)) or (lo is not None and hi is not None and lo > hi):
                err(f"{where}: bad quantity")
        if "source" in ev and ev["source"] not in SOURCES:
            err(f"{where}: source {ev['source']!r}")
        status = ev.get("status", "asserted")
        if status not in STATUSES:
            err(f"{where}: status {status!r}")
        if not isinstance(ev.get("required"), bool):
            err(f"{where}: required must be true or false")
        req = bool(ev.get("required"))
        stats["types"].setdefault(typ, [0, 0])[0 if req else 1] += 1
        stats["status"][status] = stats["status"].get(status, 0) + 1
        src = ev.get("source", "-")
        stats["source"][src] = stats["source"].get(src, 0) + 1
        stats["events"] += 1
    stats["articles"] += 1


def main(argv):
    repo = pathlib.Path(__file__).resolve().parents[2]
    gold_dir = pathlib.Path(argv[1]) if len(argv) > 1 else repo / "tests" / "gold"
    files = sorted(gold_dir.glob("*.gold.json"))
    if not files:
        sys.exit(f"no gold files in {gold_dir}")
    errors = []
    stats = {"types": {}, "countries": {}, "status": {}, "source": {}, "events": 0, "articles": 0,
             "mentions": 0, "times": 0, "quantities": 0}
    for path in files:
        check_file(path, repo, errors, stats)
    texts = {p.name[:-len(".txt")] for p in gold_dir.glob("*.txt")}
    golds = {p.name[:-len(".gold.json")] for p in files}
    for lonely in sorted(texts - golds):
        errors.append(f"{lonely}.txt has no gold file")

    print(f"{stats['articles']} articles, {stats['events']} events, {stats['mentions']} mentions, "
          f"{stats['times']} times, {stats['quantities']} quantities")
    print("events per type (required + optional):")
    for t in TYPES:
        r, o = stats["types"].get(t, [0, 0])
        print(f"  {t:<10} {r:4d} + {o}")
    print("articles per country:")
    for c, n in sorted(stats["countries"].items(), key=lambda kv: (-kv[1], str(kv[0]))):
        print(f"  {c:<14} {n:3d}")
    print("status: " + ", ".join(f"{k} {v}" for k, v in sorted(stats["status"].items())))
    print("source: " + ", ".join(f"{k} {v}" for k, v in sorted(stats["source"].items())))
    no_event = repo / "tests" / "no-event" / "sentences.txt"
    if no_event.is_file() and len(argv) <= 1:
        lines = [ln.strip() for ln in no_event.read_text(encoding="utf-8").splitlines()]
        sents = [ln for ln in lines if ln and not ln.startswith("#")]
        seen = set()
        for ln in sents:
            if ln in seen:
                errors.append(f"no-event: duplicate sentence {ln[:40]!r}")
            seen.add(ln)
            if len(sentences(ln)) != 1 or not ln.endswith((".", "؟", "!")):
                errors.append(f"no-event: not one sentence: {ln[:40]!r}")
        print(f"no-event sentences: {len(sents)}")
    missing = [t for t in TYPES if sum(stats["types"].get(t, [0, 0])) == 0]
    if missing:
        errors.append(f"types without a gold event: {missing}")
    for e in errors:
        print("error: " + e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
