#!/usr/bin/env python3
"""Show which actor-dictionary entries a text hits: a reviewer's aid, not rasad's linker.

Usage: python3 scripts/actors/match.py FILE [--context ISO3] [--all]

Folds text and entries the way rasad's matcher does (check.py's fold), splits off the proclitics و ف ب ل ك and
ال-after-ل (لل), and takes the longest match at each word start. A descriptor counts only when --context matches
its context (or its context is ANY); in that context it wins over an alias of the same text. Prints each match
with its actor id and English name, then the actors found. --all also lists descriptors outside the context
(marked "~").
"""
import re
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check import fold  # noqa: E402

PROCLITICS = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")


def load(root):
    aliases, descs, names = {}, {}, {}
    for path in sorted(root.glob("*.toml")):
        for rec in tomllib.loads(path.read_text(encoding="utf-8")).get("actor", []):
            names[rec["id"]] = rec["en"]
            for a in [rec["ar"], *rec.get("aliases", [])]:
                aliases[fold(a)] = rec["id"]
            for d in rec.get("descriptors", []):
                descs.setdefault(fold(d["text"]), {})[d["context"]] = rec["id"]
    return aliases, descs, names


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    ctx = sys.argv[sys.argv.index("--context") + 1] if "--context" in sys.argv else None
    if ctx in args:
        args.remove(ctx)
    show_all = "--all" in sys.argv
    root = Path(__file__).resolve().parents[2] / "data" / "actors"
    aliases, descs, names = load(root)
    maxlen = max(len(k.split()) for k in list(aliases) + list(descs))
    text = Path(args[0]).read_text(encoding="utf-8")
    words = re.findall(r"[\u0621-\u063A\u0641-\u064A\u0660-\u0669\u0671-\u06D3A-Za-z0-9]+", fold(text))
    found = {}
    i = 0
    while i < len(words):
        best = None
        for n in range(min(maxlen, len(words) - i), 0, -1):
            first = words[i]
            cands = [first] + [first[len(p):] for p in PROCLITICS if first.startswith(p) and len(first) > len(p) + 1]
            cands += ["ال" + c[2:] for c in cands if c.startswith("لل")]
            for c in cands:
                key = " ".join([c] + words[i + 1:i + n])
                d = descs.get(key, {})
                if ctx and ctx in d:
                    best = (n, key, d[ctx], "descriptor")
                elif "ANY" in d and key not in aliases:
                    best = (n, key, d["ANY"], "descriptor")
                elif key in aliases:
                    best = (n, key, aliases[key], "alias")
                elif show_all and d:
                    best = (n, key, "|".join(f"{v}@{k}" for k, v in d.items()), "~")
                if best:
                    break
            if best:
                break
        if best:
            n, key, aid, via = best
            print(f"{key:<40} {via:<10} {aid}")
            for a in aid.split("|"):
                a = a.split("@")[0]
                found[a] = found.get(a, 0) + 1
            i += n
        else:
            i += 1
    print("\nactors:", ", ".join(f"{a} ({names.get(a, '?')}) ×{c}" for a, c in sorted(found.items(), key=lambda x: -x[1])))


if __name__ == "__main__":
    main()
