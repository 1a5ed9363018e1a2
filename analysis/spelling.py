"""British spellings folded into American ones, so that a search for "defense" finds
"defence" and one for "organise" finds "organize": the same fold on the indexed words and on
the query's, on either database (analysis/data/spellings.txt, and the regular -ise and -yse
endings)."""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.lexicon import table_lines

_WORD = re.compile(r"[^\W\d_]+")
# Inflections a listed word takes: colours, centres, defences, favoured, travelling.
_ENDINGS = ("", "s", "es", "d", "ed", "ing", "er", "ers", "ist", "ists", "ite", "ites")
# organise(s/d), organising, organisation(s), organiser(s); analyse(s/d), analysing.
_ISE = re.compile(r"^(\w{3,})is(e|es|ed|ing|ation|ations|er|ers)$")
_YSE = re.compile(r"^(\w{2,})ys(e|es|ed|ing)$")
# Words in -ise that American spelling keeps too.
_KEEP = frozenset(
    "advertise advise arise bruise chastise circumcise comprise compromise concise cruise "
    "demise despise devise disguise enterprise excise exercise expertise franchise improvise "
    "incise merchandise noise otherwise paradise poise praise precise premise promise raise "
    "reprise revise rise supervise surmise surprise televise treatise wise".split())


def _table() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for line in table_lines("spellings.txt"):
        british, american = (part.strip() for part in line.split("|"))
        for ending in _ENDINGS:
            vowel = ending[:1] in ("e", "i")  # centre + ed -> centred
            pairs.setdefault((british[:-1] if vowel and british.endswith("e") else british)
                             + ending,
                             (american[:-1] if vowel and american.endswith("e") else american)
                             + ending)
    return pairs


_PAIRS = _table()


@lru_cache(maxsize=65_536)
def fold_word(word: str) -> str:
    """The American spelling of one lower-case word."""
    if word in _PAIRS:
        return _PAIRS[word]
    match = _ISE.match(word)
    if match and match.group(1) + "ise" not in _KEEP:
        return f"{match.group(1)}iz{match.group(2)}"
    match = _YSE.match(word)
    if match:
        return f"{match.group(1)}yz{match.group(2)}"
    return word


def fold(text: str) -> str:
    """Text in lower case with every British spelling made American."""
    return _WORD.sub(lambda m: fold_word(m.group()), text.casefold())
