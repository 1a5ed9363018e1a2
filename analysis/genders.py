"""The gender a first name most often goes with, so that "she" does not look back to a man. The
table is learnt from PolNeAR train (`make train`): a person named as a subject, then the next
"he" or "she" of the text before anyone else is named, votes for that person's first name; so
does "Mrs." or "Mr." before the surname."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc

from analysis.lexicon import DATA, HONORIFICS, table_lines
from analysis.names import name_parts

TABLE = DATA / "first_names.txt"
_PRONOUNS = {"he": "m", "she": "f"}
# A name must have been followed by the same pronouns often enough, and nearly always.
MIN_VOTES = 3
MIN_SHARE = 0.8


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    return dict(line.split() for line in table_lines(TABLE.name))


def gender_of(name: str) -> str | None:
    """ "m", "f", or None when the first name is unknown or the name has none."""
    first = name_parts(name)[0]
    return _table().get(first) if first else None


def votes(articles: Iterable[Iterable[Doc]]) -> Counter[tuple[str, str]]:
    """(first name, gender) counts over articles given as their paragraphs' parses: each person
    named as a subject ("Hillary Clinton", later "Clinton"), then the first "he" or "she" that is
    the subject of a later sentence, before another person is named. A surname two first names
    share in one article ("Bill Clinton", "Hillary Clinton") votes for neither. An honorific
    before a surname whose first name the article gave ("Mrs. Clinton") votes too."""
    found: Counter[tuple[str, str]] = Counter()
    for paragraphs in articles:
        first_names: dict[str, set[str]] = defaultdict(set)
        waiting = None
        for doc in paragraphs:
            people = {e.start: e for e in doc.ents if e.label_ == "PERSON"}
            for token in doc:
                if token.i in people:
                    person = people[token.i]
                    first, _, surname = name_parts(person.text)
                    if first:
                        first_names[surname].add(first)
                    known = first_names.get(surname, set())
                    # "Mrs. Clinton" after "Hillary Clinton" says as much as a pronoun.
                    honorific = HONORIFICS.get(doc[max(0, person.start - 1)].lower_) or (
                        HONORIFICS.get(person[0].lower_))
                    if honorific and len(known) == 1:
                        found[next(iter(known)), honorific] += 1
                    # The subject of one sentence is the likeliest "he" or "she" of the next.
                    waiting = None
                    if person.root.dep_ == "nsubj" and len(known) == 1:
                        waiting = (next(iter(known)), doc, token.sent.start)
                elif (waiting and token.lower_ in _PRONOUNS and token.dep_ == "nsubj"
                      and (waiting[1] is not doc or token.sent.start > waiting[2])):
                    found[waiting[0], _PRONOUNS[token.lower_]] += 1
                    waiting = None
    return found


def learn(found: Counter[tuple[str, str]]) -> list[str]:
    """Table lines, "name gender", for the names the votes agree on."""
    by_name: dict[str, Counter[str]] = defaultdict(Counter)
    for (name, gender), count in found.items():
        by_name[name][gender] += count
    lines = []
    for name, genders in sorted(by_name.items()):
        gender, count = genders.most_common(1)[0]
        if count >= MIN_VOTES and count >= MIN_SHARE * sum(genders.values()):
            lines.append(f"{name} {gender}")
    return lines
