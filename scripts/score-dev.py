#!/usr/bin/env python3
"""Score rasad's event extraction on the development set and the no-event sentences.

usage: python3 scripts/score-dev.py [--bin target/release/rasad] [--min-f1 X] [--max-no-event N]
                                    [--quiet] [--show-no-event] [NAME ...]

Runs `rasad extract` on every tests/gold/*.txt (or the NAMEs given), scores each output with
../shared/tools/score-gold GOLD SYS --json, prints per-file and micro P/R/F1 (tp/fp/fn summed over the
files) and the attribute accuracies, then runs the sentences of tests/no-event/sentences.txt (each as
the body of a one-line article, like tests/events_rules.rs) and counts those that produce an event.
Exits 1 when micro-F1 < --min-f1 or more than --max-no-event sentences produce events.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/rasad"))
    ap.add_argument("--scorer", default=os.path.join(ROOT, "../shared/tools/score-gold"))
    ap.add_argument("--min-f1", type=float, default=None)
    ap.add_argument("--max-no-event", type=int, default=None)
    ap.add_argument("--quiet", action="store_true", help="only the summary lines")
    ap.add_argument("--show-no-event", action="store_true", help="print sentences that produce events")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()

    texts = sorted(glob.glob(os.path.join(ROOT, "tests/gold/*.txt")))
    if args.names:
        texts = [t for t in texts if any(n in os.path.basename(t) for n in args.names)]
    tot = {"tp": 0, "fp": 0, "fn": 0}
    attrs = {}
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for txt in texts:
            name = os.path.basename(txt)[:-4]
            gold = txt[:-4] + ".gold.json"
            if not os.path.exists(gold):
                continue
            out = os.path.join(tmp, name + ".json")
            with open(out, "wb") as f:
                r = subprocess.run([args.bin, "extract", txt], stdout=f, stderr=subprocess.PIPE)
            if r.returncode != 0:
                print(f"{name}: extract failed: {r.stderr.decode(errors='replace').strip()}")
                failed = True
                continue
            r = subprocess.run([sys.executable, args.scorer, gold, out, "--json"], capture_output=True, text=True)
            lines = [l for l in r.stdout.splitlines() if l.startswith("{")]
            if r.returncode != 0 or not lines:
                print(f"{name}: score-gold failed: {r.stderr.strip()}")
                failed = True
                continue
            rep = json.loads(lines[0])
            ev = rep["events"]
            for k in tot:
                tot[k] += ev[k]
            for k, v in rep["attributes"].items():
                a, b = map(int, v.split("/"))
                x = attrs.setdefault(k, [0, 0])
                x[0] += a
                x[1] += b
            if not args.quiet:
                missed = " ".join(rep["missed"])
                print(f"{name:45s} P {ev['p']:.2f} R {ev['r']:.2f} F1 {ev['f1']:.2f}  tp {ev['tp']:2d} fp {ev['fp']:2d} "
                      f"fn {ev['fn']:2d}  missed {missed}")
    tp, fp, fn = tot["tp"], tot["fp"], tot["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print("attributes: " + ", ".join(f"{k} {a}/{b} ({a / b if b else 0:.0%})" for k, (a, b) in attrs.items()))
    print(f"dev micro: tp {tp} fp {fp} fn {fn}  P {p:.3f} R {r:.3f} F1 {f1:.3f}")

    # the precision set
    no_event = os.path.join(ROOT, "tests/no-event/sentences.txt")
    n_fire = 0
    if os.path.exists(no_event) and not args.names:
        sents = [l.strip() for l in open(no_event, encoding="utf-8") if l.strip() and not l.startswith("#")]
        batch = "".join(json.dumps({"id": str(i), "text": "عنوان\n\n" + s}, ensure_ascii=False) + "\n"
                        for i, s in enumerate(sents))
        r = subprocess.run([args.bin, "extract", "--jsonl", "-"], input=batch.encode(), capture_output=True)
        outs = [json.loads(l) for l in r.stdout.decode().splitlines() if l.strip()]
        for s, d in zip(sents, outs):
            evs = d.get("events", [])
            if evs:
                n_fire += 1
                if args.show_no_event:
                    kinds = ", ".join(f"{e['type']}:{e['trigger']['text']}" for e in evs)
                    print(f"  no-event fires [{kinds}]: {s}")
        print(f"no-event: {n_fire}/{len(sents)} sentences produce events")
    if args.min_f1 is not None and f1 < args.min_f1:
        print(f"FAIL: micro-F1 {f1:.3f} < {args.min_f1}")
        failed = True
    if args.max_no_event is not None and n_fire > args.max_no_event:
        print(f"FAIL: {n_fire} no-event sentences produce events > {args.max_no_event}")
        failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
