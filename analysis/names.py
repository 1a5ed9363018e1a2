"""Personal names read with nameparser: "Martin Luther King Jr." has the surname King, "Sen.
Bernie Sanders" the first name Bernie, "Bill de Blasio" the surname "de Blasio"."""

from __future__ import annotations

import re
from functools import lru_cache

from nameparser import HumanName
from nameparser.config import CONSTANTS

# "jr", "sr", "iii", "esq": suffixes that are not also acronyms ("md", "cia").
SUFFIXES = frozenset(CONSTANTS.suffix_not_acronyms)

_NOT_NAME = re.compile(r"[.\u2019']")


def name_key(name: str) -> str:
    """The form names are matched on: case, dots and spacing ignored."""
    return " ".join(_NOT_NAME.sub("", name).split()).casefold()


@lru_cache(maxsize=8192)
def name_parts(name: str) -> tuple[str, tuple[str, ...], str]:
    """(first, middle names, surname), case and dots folded; a name of one word is a surname
    ("Putin"), as news copy uses it."""
    parsed = HumanName(name)
    if not parsed.last:
        return "", (), name_key(parsed.first or name)
    middle = tuple(name_key(m) for m in parsed.middle_list)
    return name_key(parsed.first), middle, name_key(parsed.last)


def surname(name: str) -> str:
    return name_parts(name)[2]


def may_be_same(a: str, b: str) -> bool:
    """Names that can be one person in one article: the same surname, and the same first name
    when both give one ("Clinton" = "Hillary Clinton" = "Hillary Rodham Clinton")."""
    first_a, _, last_a = name_parts(a)
    first_b, _, last_b = name_parts(b)
    return bool(last_a) and last_a == last_b and (not first_a or not first_b or first_a == first_b)


def same_person(a: str, b: str) -> bool:
    """Whether two full names can name one person: same first and last name, and any middle
    names or initials of one agree with the other's ("George W. Bush" = "George Bush")."""
    first_a, middle_a, last_a = name_parts(a)
    first_b, middle_b, last_b = name_parts(b)
    if not (first_a and first_b) or (first_a, last_a) != (first_b, last_b):
        return False
    if not middle_a or not middle_b:
        return True
    return len(middle_a) == len(middle_b) and all(
        m == n or (len(m) == 1 and n.startswith(m)) or (len(n) == 1 and m.startswith(n))
        for m, n in zip(middle_a, middle_b, strict=True))
