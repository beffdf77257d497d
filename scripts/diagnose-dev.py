#!/usr/bin/env python3
"""Why the development set's events fail: a breakdown of misses and false positives.

usage: python3 scripts/diagnose-dev.py [--bin target/release/rasad] [-v] [--gold FILE] [NAME ...]

For every required gold event that no system event matches it says why, checking in order:
  notype  no system event of the gold type (or an alt type) in the evidence sentence
  actor   one with the type, but its actors share no entity with the gold actors
  recip   type and actor fit, the recipients do not
  taken   a fitting system event was used by another gold event
For every system event that matches no gold event:
  args    a gold event of its type is in its sentence (the sides are wrong)
  dup     its sentence's gold events of that type are all matched already (a second telling)
  spur    no gold event of its type in the sentence (a trigger that should not fire, or a wrong type)
Matching follows ../shared/tools/score-gold (entities by name.en / aliases_en). -v prints each case.
"""
import argparse, glob, json, os, re, subprocess, sys, collections

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def norm(s):
    return re.sub(r"[-'’ ]+", " ", (s or "").lower()).strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/rasad"))
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--gold", help="one gold file outside tests/gold (its `doc` is relative to the gold dir's parent)")
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    counts = collections.Counter()
    pairs = [(t, t[:-4] + ".gold.json") for t in sorted(glob.glob(os.path.join(ROOT, "tests/gold/*.txt")))]
    if a.gold:
        g = json.load(open(a.gold, encoding="utf-8"))
        pairs = [(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(a.gold))), g["doc"]), a.gold)]
    for txt, gpath in pairs:
        name = os.path.basename(txt)[:-4]
        if a.names and not any(n in name for n in a.names):
            continue
        gold = json.load(open(gpath, encoding="utf-8"))
        d = json.loads(subprocess.run([a.bin, "extract", txt], capture_output=True, check=True).stdout)
        text, sents = d["text"], d["sentences"]
        by = {}
        for k, e in gold["entities"].items():
            for n in e["names_en"]:
                by.setdefault(norm(n), k)
        ek = {}
        for e in d["entities"]:
            for n in [(e.get("name") or {}).get("en", "")] + list(e.get("aliases_en", [])):
                if norm(n) in by:
                    ek[e["id"]] = by[norm(n)]
                    break
        keys = lambda ids: {ek.get(i, "?" + i) for i in ids or []}
        st = lambda i: text[sents[i]["start"]:sents[i]["end"]] if isinstance(i, int) and 0 <= i < len(sents) else ""
        evs = d["events"]

        def fit(g, e, part):
            if e["type"] not in {g["type"], *g.get("alt_types", [])} or g["evidence"] not in st(e["sentence"]):
                return False
            if part == "type":
                return True
            A, R = keys(e["actor"]), keys(e["recipient"])
            if g.get("symmetric"):
                return set(g["actor"]) <= (A | R) if part != "type" else True
            aok = not g["actor"] or bool(A & set(g["actor"]))
            if part == "actor":
                return aok
            return aok and (not g.get("recipient") or bool(R & set(g["recipient"])))

        used, matched = set(), {}
        order = [g for g in gold["events"] if g.get("required")] + [g for g in gold["events"] if not g.get("required")]
        for g in order:
            for j, e in enumerate(evs):
                if j not in used and fit(g, e, "all"):
                    used.add(j); matched[g["id"]] = j; break
        for g in gold["events"]:
            if not g.get("required") or g["id"] in matched:
                continue
            cands = [e for e in evs if fit(g, e, "type")]
            if not cands:
                why = "notype"
            elif not any(fit(g, e, "actor") for e in cands):
                why = "actor"
            elif not any(fit(g, e, "all") for e in cands):
                why = "recip"
            else:
                why = "taken"
            counts["miss-" + why] += 1
            if a.v:
                got = "; ".join(f"{e['type']} {e['trigger']['text']} A{sorted(keys(e['actor']))} R{sorted(keys(e['recipient']))}" for e in evs if g["evidence"] in st(e["sentence"]))
                print(f"{name} {g['id']} MISS-{why} {g['type']} A{g['actor']} R{g.get('recipient')} «{g['evidence']}» | sys: {got}")
        for j, e in enumerate(evs):
            if j in used:
                continue
            same = [g for g in gold["events"] if e["type"] in {g["type"], *g.get("alt_types", [])} and g["evidence"] in st(e["sentence"])]
            if not same:
                why = "spur"
            elif all(g["id"] in matched or not g.get("required") for g in same):
                why = "dup"
            else:
                why = "args"
            counts["fp-" + why] += 1
            if a.v:
                print(f"{name} FP-{why} {e['type']}/{e.get('mode')} «{e['trigger']['text']}» A{sorted(keys(e['actor']))} R{sorted(keys(e['recipient']))} in «{st(e['sentence'])[:90]}»")
    print(dict(sorted(counts.items())))


main()
