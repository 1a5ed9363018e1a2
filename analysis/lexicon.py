"""Word tables from analysis/data, read once at import."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"


def table_lines(name: str) -> list[str]:
    """Non-blank, non-comment lines of a data file in analysis/data: every word table of the
    analysis is read through here."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [s.strip() for s in text.splitlines() if s.strip() and not s.lstrip().startswith("#")]


def _words(name: str) -> frozenset[str]:
    """First column of a data file, case-folded."""
    return frozenset(line.split()[0].casefold() for line in table_lines(name))


@dataclass(frozen=True)
class ReportingVerb:
    """One surface form of a reporting verb."""

    form: str
    lemma: str
    takes_object: bool = False


def _reporting_verbs() -> dict[str, ReportingVerb]:
    verbs: dict[str, ReportingVerb] = {}
    for line in table_lines("reporting_verbs.txt"):
        forms, _, flag = line.partition("|")
        words = [w.replace("_", " ").casefold() for w in forms.split()]
        for form in words:
            flags = flag.split()
            verbs[form] = ReportingVerb(form, words[0], "object" in flags)
    return verbs


def _honorifics() -> dict[str, str | None]:
    table: dict[str, str | None] = {}
    for line in table_lines("honorifics.txt"):
        word, *gender = line.split()
        table[word.casefold()] = gender[0] if gender else None
    return table


def _countries() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for line in table_lines("countries.txt"):
        canonical, aliases, adjectives = (part.strip() for part in line.split("|"))
        for alias in [canonical, *aliases.split(",")]:
            if alias.strip():
                names[alias.strip().casefold()] = canonical
        for adjective in adjectives.split(","):
            if adjective.strip():
                demonyms[adjective.strip().casefold()] = canonical
    return names, demonyms


def _metonymy() -> dict[str, str]:
    table = {}
    for line in table_lines("metonymy.txt"):
        place, country = (part.strip() for part in line.split("|"))
        table[place.casefold()] = country
    return table


REPORTING_VERBS = _reporting_verbs()
HONORIFICS = _honorifics()
TITLE_HEADS = _words("title_heads.txt")
TITLE_MODIFIERS = _words("title_modifiers.txt")
GROUP_HEADS = _words("group_heads.txt")
ORGANIZATION_HEADS = _words("organization_heads.txt")
SCRIPT_MARKERS = _words("script_markers.txt")
COUNTRY_NAMES, DEMONYMS = _countries()
METONYMS = _metonymy()
FUNCTION_WORDS = frozenset(
    w.casefold() for line in table_lines("function_words.txt") for w in line.split()
)
# A document speaks for its author: "a report by the water board", "the board's study".
DOCUMENTS = frozenset(
    {"report", "study", "survey", "poll", "audit", "analysis", "statement", "memo", "letter",
     "estimate", "estimates", "data", "figures", "document", "documents", "review", "release"}
)
BOILERPLATE = frozenset(line.casefold() for line in table_lines("boilerplate.txt"))
# Verbs that report the opposite of their clause: "denied that P" says P is not so.
DENIAL_VERBS = frozenset(
    word.strip() for line in table_lines("contradiction_cues.txt")
    if line.partition("|")[0].strip() == "denial_verb"
    for word in line.partition("|")[2].split(",") if " " not in word.strip()
)
