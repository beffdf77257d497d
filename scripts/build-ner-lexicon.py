#!/usr/bin/env python3
"""Build data/ner/lexicon.bin: how Arabic words behave in general text, for the NER tagger.

Input: wordfreq 3.1.1 (Robyn Speer et al.), its large Arabic list wordfreq/data/large_ar.msgpack.gz
(Wikipedia, OpenSubtitles, news, web and Twitter text), distributed under CC BY-SA 4.0. The wheel
is fetched with `pip download wordfreq==3.1.1 --no-deps` into target/stem-support/ and checked
against its sha256 by scripts/build-stem-support.py, whose reader is reused here. Nothing else is
read: no ANERcorp (the tagger is cross-validated on it), no SaudiNewsNet (CC BY-NC-SA).

Each form's frequency f becomes the count round(f x 10^9) (forms below 1 dropped: wordfreq's
large lists stop at 10^-8); target/ner-lexicon/forms.tsv gets FORM TAB COUNT, and
crates/rasad-ner/examples/build_lexicon.rs reads every form through the tagger's text layer and
writes, per stem key (hashed), its count and how often its forms take the article, a pronoun,
or stand bare (see crates/rasad-ner/src/lexicon.rs). The table depends on the segmenter
(data/text/stem-support.tsv): rebuild it, and retrain the tagger, when that changes.

The table is an adaptation of wordfreq's data: CC BY-SA 4.0, like data/ner/anercorp.model
(attribution in data/ner/README.md).

usage: scripts/build-ner-lexicon.py [--out FILE]
"""
import importlib.util, os, subprocess, sys

SCALE = 1_000_000_000


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, ".."))
    spec = importlib.util.spec_from_file_location("stem_support", os.path.join(here, "build-stem-support.py"))
    stem_support = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(stem_support)
    wheel_dir = os.path.join(root, "target", "stem-support")
    out_dir = os.path.join(root, "target", "ner-lexicon")
    os.makedirs(wheel_dir, exist_ok=True)
    os.makedirs(out_dir, exist_ok=True)
    counts, note = stem_support.wordfreq_counts(wheel_dir, SCALE, False)
    forms = os.path.join(out_dir, "forms.tsv")
    with open(forms, "w", encoding="utf-8") as f:
        f.write(f"# input: {note}\n")
        for form, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            f.write(f"{form}\t{n}\n")
    print(f"{forms}: {len(counts)} forms", file=sys.stderr)
    out = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else os.path.join(root, "data", "ner", "lexicon.bin")
    subprocess.run(["cargo", "run", "--release", "-q", "-p", "rasad-ner", "--example", "build_lexicon", "--", forms, out],
                   cwd=root, check=True)


if __name__ == "__main__":
    main()
