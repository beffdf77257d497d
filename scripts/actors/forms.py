#!/usr/bin/env python3
"""Print the Arabic surface forms of a nisba demonym, to paste into data/actors/*.toml when adding a state.

Usage: python3 scripts/actors/forms.py إيراني [كوري_جنوبي ...]

A demonym stem is the masculine singular indefinite (إيراني). Its forms: feminine (إيرانية), definite (الإيراني،
الإيرانية), adverbial/accusative -ًا written without the tanwin (إيرانيا), sound plurals (إيرانيون، إيرانيين،
إيرانيات) and their definite forms. A two-word demonym (كوري_جنوبي) inflects both words in agreement. Broken plurals
(الأتراك، الروس، الألمان) are not regular: add them by hand.
"""
import sys


def inflect(stem: str) -> list[str]:
    words = stem.replace("_", " ").split()

    def each(suffix: str, definite: bool) -> str:
        return " ".join(("ال" if definite else "") + w + suffix for w in words)

    out = []
    for suffix in ("", "ة", "ون", "ين", "ات"):
        for definite in (False, True):
            out.append(each(suffix, definite))
    if len(words) == 1:
        out.insert(2, stem + "ا")
    return out


if __name__ == "__main__":
    for s in sys.argv[1:]:
        print(", ".join(f'"{f}"' for f in inflect(s)))
