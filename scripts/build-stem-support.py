#!/usr/bin/env python3
"""Build data/text/stem-support.tsv: the corpus evidence the clitic segmenter weighs.

Two steps; this script does the first and runs the second.

1. Word-form counts (here). Input: the SaudiNewsNet daily zips (CC BY-NC-SA 4.0, research use),
   read from ../shared/research-data/saudinewsnet/dataset, EXCEPT 2015-08-08 and 2015-08-09, which
   are held out because the segmentation gold list (crates/rasad-text/tests/segmentation-gold.tsv)
   takes its forms from them. Every Arabic word of every title and body is counted as written, minus
   diacritics and tatweel (hamza forms and ta marbuta kept: the segmenter looks at them). The table
   goes to target/stem-support/forms.tsv (FORM TAB COUNT); only counts, no text.

2. Support by hard EM (crates/rasad-text/examples/build_stem_support.rs, run with the real
   Segmenter so the reading rules live in one place, clitics.rs):
   - round 0: every form's count goes to the stem of EVERY reading the segmenter admits
     (Segmenter::for_each_reading), the old "all readings" support;
   - rounds 1..: every form's count goes to the stem of its BEST reading under the segmenter built
     on the previous round's support, where the form's own count is first taken out of that
     support (leave-one-out: a stem must be attested by other forms, so يسهم cannot support يس by
     itself, and ليس, a guard word, no longer lends its count to يس at all).
   With each stem goes a "free" count (the words where it has no clitic but maybe the article;
   the segmenter splits a clitic off only when enough of the stem's support is free), and after
   each round the share of words read with each clitic becomes the segmenter's prior (written as
   #prior lines). Keys keep a hamza alef as written. The result is written to
   data/text/stem-support.tsv (stems below --min dropped).

usage: scripts/build-stem-support.py [DATASET_DIR] [--min N] [--rounds N] [--forms-only]
"""
import collections, json, os, re, subprocess, sys, zipfile

HELD_OUT = {"2015-08-08.zip", "2015-08-09.zip"}
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
WORD = re.compile("[\u0621-\u063a\u0641-\u064a\u0671\u067e\u0686\u06a4\u06a9\u06af\u06cc]+")


def option(name, default):
    if name in sys.argv:
        return sys.argv[sys.argv.index(name) + 1]
    return default


def main():
    args, skip = [], False
    for a in sys.argv[1:]:
        if skip:
            skip = False
        elif a in ("--min", "--rounds"):
            skip = True
        elif not a.startswith("--"):
            args.append(a)
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.join(here, "..")
    dataset = args[0] if args else os.path.join(root, "../shared/research-data/saudinewsnet/dataset")
    counts = collections.Counter()
    used = []
    for name in sorted(os.listdir(dataset)):
        if not name.endswith(".zip") or name in HELD_OUT:
            continue
        used.append(name)
        with zipfile.ZipFile(os.path.join(dataset, name)) as z:
            for member in z.namelist():
                for art in json.loads(z.read(member)):
                    for field in ("title", "content"):
                        counts.update(WORD.findall(DIACRITICS.sub("", art.get(field) or "")))
    out_dir = os.path.join(root, "target", "stem-support")
    os.makedirs(out_dir, exist_ok=True)
    forms = os.path.join(out_dir, "forms.tsv")
    with open(forms, "w", encoding="utf-8") as f:
        f.write(f"# input: SaudiNewsNet (CC BY-NC-SA 4.0) {used[0]}..{used[-1]}, {len(used)} daily zips, "
                f"2015-08-08/09 held out; {sum(counts.values())} words, {len(counts)} forms.\n")
        for form, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            f.write(f"{form}\t{n}\n")
    print(f"{forms}: {len(counts)} forms", file=sys.stderr)
    if "--forms-only" in sys.argv:
        return
    cmd = ["cargo", "run", "--release", "-q", "-p", "rasad-text", "--example", "build_stem_support", "--",
           forms, "--min", option("--min", "3"), "--rounds", option("--rounds", "4")]
    with open(os.path.join(root, "data", "text", "stem-support.tsv"), "w", encoding="utf-8") as out:
        subprocess.run(cmd, cwd=root, stdout=out, check=True)


if __name__ == "__main__":
    main()
