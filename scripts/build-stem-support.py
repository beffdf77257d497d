#!/usr/bin/env python3
"""Build data/text/stem-support.tsv: the corpus evidence the clitic segmenter weighs.

Only sources whose licences allow the table to ship are read (data/text/README.md lists them with
their licences; the table is CC BY-SA 4.0 because of the first two):

  wordfreq   word frequencies of the wordfreq 3.1.1 package, its "large" Arabic list (Wikipedia,
             OpenSubtitles, news, web and Twitter text; CC BY-SA 4.0). The wheel is fetched from PyPI
             with `pip download wordfreq==3.1.1 --no-deps` into target/stem-support/ and checked
             against WORDFREQ_SHA256; the list is read straight from the wheel (a small msgpack
             reader below, so no package needs installing). Each form's frequency f becomes the
             count round(f x SCALE), at least 1: SCALE is the size of the corpus the counts stand
             for (7,000,000 words by default, the size of the news corpus the earlier table was
             counted on, so that the segmenter's fixed constants keep their meaning).
  anercorp   ANERcorp, CAMeL-style training part (CC BY-SA 4.0): every token counted as it occurs,
             times NEWS_WEIGHT (default 40).
  wojood     the Wojood NER sample, train and val (MIT): every token counted, times NEWS_WEIGHT.
             Both are edited news-like text (ANERcorp is news), small (127,000 words together)
             beside wordfreq's mixture, in which informal text makes short letter strings (جد، سا،
             يس) words of their own; weighted x40 they count about 5 M words against wordfreq's 7 M,
             which brought the hand-segmented gold list from 97.01% to 97.41% (x10: 97.01%).
  project    the project's own data files (Apache-2.0 here; data/places is GeoNames, CC BY 4.0):
             data/actors/*.toml, data/places/*.tsv, data/triggers/*.toml, data/time/*.tsv, comments
             left out. They give presence, not frequency: each distinct form found there adds
             PRESENCE (default 1) to its count, a nominal "seen once".

Every Arabic word is taken as written minus diacritics and tatweel (hamza forms and ta marbuta
kept: the segmenter looks at them). The merged count table goes to target/stem-support/forms.tsv
(FORM TAB COUNT, only counts), then crates/rasad-text/examples/build_stem_support.rs turns it into
stem support by hard EM with the real segmenter (see that file) and writes data/text/stem-support.tsv.

No news corpus with a non-commercial licence (SaudiNewsNet) is read here: it may be used to
evaluate the table, never to make it.

Evaluation, not input: `cargo run --release -p rasad-text --example compare_stem_support -- OLD.tsv
NEW.tsv FORMS.tsv` compares two tables' readings of a form list (e.g. one counted from SaudiNewsNet,
which may be read for evaluation) and their accuracy on the segmentation gold list.

usage: scripts/build-stem-support.py [--scale N] [--presence N] [--news-weight N] [--no-floor]
                                     [--min N] [--rounds N] [--without SOURCE[,SOURCE]]
                                     [--forms FILE] [--out FILE] [--forms-only]
"""
import collections, glob, gzip, hashlib, io, os, re, struct, subprocess, sys, zipfile

WORDFREQ = "wordfreq==3.1.1"
WORDFREQ_WHEEL = "wordfreq-3.1.1-py3-none-any.whl"
WORDFREQ_SHA256 = "4b1c6ecffc6198be3396d5cf871c4423ca71c907c231348d352dd54d62b97473"
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
WORD = re.compile("[\u0621-\u063a\u0641-\u064a\u0671\u067e\u0686\u06a4\u06a9\u06af\u06cc]+")


def option(name, default):
    if name in sys.argv:
        return sys.argv[sys.argv.index(name) + 1]
    return default


def words(text):
    return WORD.findall(DIACRITICS.sub("", text))


def msgpack(data):
    """The subset of msgpack that wordfreq's lists use: arrays, maps, strings, small integers."""
    def item(i):
        t = data[i]
        if t <= 0x7F:
            return t, i + 1
        if 0x80 <= t <= 0x8F:
            return mapping(i + 1, t & 0x0F)
        if 0x90 <= t <= 0x9F:
            return array(i + 1, t & 0x0F)
        if 0xA0 <= t <= 0xBF:
            return text(i + 1, t & 0x1F)
        if t == 0xC0:
            return None, i + 1
        if t in (0xC2, 0xC3):
            return t == 0xC3, i + 1
        width = {0xCC: 1, 0xCD: 2, 0xCE: 4, 0xD9: 1, 0xDA: 2, 0xDB: 4, 0xDC: 2, 0xDD: 4, 0xDE: 2, 0xDF: 4}
        if t in width:
            w = width[t]
            n = int.from_bytes(data[i + 1:i + 1 + w], "big")
            j = i + 1 + w
            if t <= 0xCE:
                return n, j
            if t <= 0xDB:
                return text(j, n)
            if t <= 0xDD:
                return array(j, n)
            return mapping(j, n)
        raise ValueError(f"msgpack type {t:#x} at {i} is not read here")

    def text(i, n):
        return data[i:i + n].decode("utf-8"), i + n

    def array(i, n):
        out = []
        for _ in range(n):
            v, i = item(i)
            out.append(v)
        return out, i

    def mapping(i, n):
        out = {}
        for _ in range(n):
            k, i = item(i)
            v, i = item(i)
            out[k] = v
        return out, i

    return item(0)[0]


def wordfreq_counts(out_dir, scale, floor):
    wheel = os.path.join(out_dir, WORDFREQ_WHEEL)
    if not os.path.exists(wheel):
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", out_dir, WORDFREQ],
                       check=True)
    digest = hashlib.sha256(open(wheel, "rb").read()).hexdigest()
    if digest != WORDFREQ_SHA256:
        sys.exit(f"{wheel}: sha256 {digest}, expected {WORDFREQ_SHA256}")
    with zipfile.ZipFile(wheel) as z:
        packed = msgpack(gzip.decompress(z.read("wordfreq/data/large_ar.msgpack.gz")))
    if not isinstance(packed[0], dict) or packed[0].get("format") != "cB":
        sys.exit(f"{wheel}: not a wordfreq cB list")
    counts = collections.Counter()
    # entry i (from 1) holds the words of frequency 10^(-(i-1)/100)
    for i, bucket in enumerate(packed[1:]):
        n = round(scale * 10 ** (-i / 100))
        if n < 1:
            if not floor:
                break
            n = 1
        for w in bucket:
            for form in words(w):
                if form == DIACRITICS.sub("", w):
                    counts[form] += n
    tail = "at least 1 each" if floor else "forms below 1 dropped"
    return counts, f"wordfreq 3.1.1 large_ar (CC BY-SA 4.0; wheel sha256 {digest[:16]}…), frequencies x {scale}, {tail}"


def token_file_counts(paths):
    counts = collections.Counter()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                cols = line.split()
                if cols:
                    counts.update(words(cols[0]))
    return counts


def project_forms(root):
    forms = set()
    patterns = ["data/actors/*.toml", "data/places/*.tsv", "data/triggers/*.toml", "data/time/*.tsv"]
    for pattern in patterns:
        for path in sorted(glob.glob(os.path.join(root, pattern))):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    # comments quote news text as examples; only the data itself is taken
                    data = line.split("#", 1)[0]
                    forms.update(words(data))
    return forms


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, ".."))
    shared = os.path.normpath(os.path.join(root, "..", "shared", "research-data"))
    out_dir = os.path.join(root, "target", "stem-support")
    os.makedirs(out_dir, exist_ok=True)
    scale = int(option("--scale", "7000000"))
    presence = int(option("--presence", "1"))
    news_weight = int(option("--news-weight", "40"))
    without = set(option("--without", "").split(",")) - {""}

    counts = collections.Counter()
    header = ["licence: CC BY-SA 4.0 (derived from wordfreq's data and ANERcorp; Wojood MIT, GeoNames CC BY 4.0); "
              "sources and attribution in data/text/README.md. No SaudiNewsNet data."]
    if "wordfreq" not in without:
        c, note = wordfreq_counts(out_dir, scale, "--no-floor" not in sys.argv)
        counts.update(c)
        header.append(f"input: {note}: {len(c)} forms")
    if "anercorp" not in without:
        c = token_file_counts([os.path.join(shared, "anercorp", "ANERCorp_CamelStyle_train.txt")])
        for form, n in c.items():
            counts[form] += n * news_weight
        header.append(f"input: ANERcorp CAMeL-style train (CC BY-SA 4.0): {sum(c.values())} words, {len(c)} forms, "
                      f"counts x {news_weight}")
    if "wojood" not in without:
        c = token_file_counts([os.path.join(shared, "wojood-sample", n) for n in ("train.txt", "val.txt")])
        for form, n in c.items():
            counts[form] += n * news_weight
        header.append(f"input: Wojood sample train+val (MIT): {sum(c.values())} words, {len(c)} forms, "
                      f"counts x {news_weight}")
    if "project" not in without:
        forms = project_forms(root)
        for form in forms:
            counts[form] += presence
        header.append(f"input: data/actors, places (GeoNames, CC BY 4.0), triggers, time: {len(forms)} forms, "
                      f"{presence} each (presence only)")

    forms_path = option("--forms", os.path.join(out_dir, "forms.tsv"))
    with open(forms_path, "w", encoding="utf-8") as f:
        for h in header:
            f.write(f"# {h}\n")
        f.write(f"# merged: {sum(counts.values())} words, {len(counts)} forms\n")
        for form, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            f.write(f"{form}\t{n}\n")
    print(f"{forms_path}: {len(counts)} forms", file=sys.stderr)
    if "--forms-only" in sys.argv:
        return
    cmd = ["cargo", "run", "--release", "-q", "-p", "rasad-text", "--example", "build_stem_support", "--",
           forms_path, "--min", option("--min", "3"), "--rounds", option("--rounds", "4")]
    out_path = option("--out", os.path.join(root, "data", "text", "stem-support.tsv"))
    with open(out_path, "w", encoding="utf-8") as out:
        subprocess.run(cmd, cwd=root, stdout=out, check=True)


if __name__ == "__main__":
    main()
