"""Who each source is: people and organisations met in the text as they come (with the titles
and appositions the parse gives them), names merged, pronouns and descriptions ("he", "the
minister", "the company") looked back to whom they stand for."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from analysis.attribution.frame import Attribution
from analysis.attribution.sources import DOCUMENTS
from analysis.document import Document
from analysis.furniture import in_title_case, runs_into_headline
from analysis.lexicon import COUNTRY_NAMES, DEMONYMS, METONYMS, ORGANIZATION_HEADS
from analysis.speakers import (
    Cast,
    Entity,
    Mention,
    SpeakerRef,
    is_possessive,
    parse_mention,
    role_phrase,
)

_SPEAKER_KINDS = frozenset({"person", "organization", "country", "group"})
# What the parser's entity types make of a source that names one.
_KINDS = {"PERSON": "person", "ORG": "organization", "NORP": "group"}
_DETERMINERS = ("the ", "The ", "a ", "A ", "an ", "An ")
_JOINED = re.compile(r"\s(?:and|or|nor|&)\s", re.I)


def _titled(entity: Span) -> tuple[str, str | None]:
    """A person's name with the title words before it ("Finance Minister Ana Duarte") and the
    role an apposition gives ("Rosa Pereira, an energy analyst," -> "an energy analyst")."""
    doc = entity.doc
    start = entity.start
    # "Cruz's rally": the recogniser may take the possessive into the name.
    end = entity.end - 1 if len(entity) > 1 and doc[entity.end - 1].dep_ == "case" else entity.end

    def titles(token: Token) -> bool:
        return token.dep_ == "compound" and token.head.i in range(entity.start, entity.end)

    # Title words hang from the name as compounds; "president-elect" is three tokens.
    while start > 0 and (titles(doc[start - 1]) or (start < entity.start
                                                    and not doc[start - 1].whitespace_)):
        start -= 1
    appositive = next((c for c in entity.root.children if c.dep_ == "appos"), None)
    role = doc[appositive.left_edge.i : appositive.right_edge.i + 1].text if appositive else None
    return doc[start:end].text, role


def _mention(found: Attribution, caseless: bool) -> Mention | None:
    """The source as a mention: a country or its capital ("Moscow says") speaks for the country;
    a title or an honorific makes a person; otherwise the parser's entity type decides the kind
    where the words do not."""
    words = found.named_by or ""
    if found.office:
        return Mention(words, "description", role=words.removeprefix("the "))
    bare = words.removeprefix(next((d for d in _DETERMINERS if words.startswith(d)), ""))
    country = METONYMS.get(bare.casefold()) or COUNTRY_NAMES.get(bare.casefold())
    if country:
        return Mention(words, "country", country)
    mention = parse_mention(words, caseless)
    titled = mention is not None and (mention.role or mention.gender)
    if mention is not None and mention.kind == "person" and not (
        titled or found.proper or found.entity == "PERSON" or caseless
    ):
        mention = None  # "Talks with officials said": a common noun names no person
    kind = _KINDS.get(found.entity)
    if kind == "person" and _JOINED.search(bare):
        kind = "group"  # "Republican Donald Trump and Democrat Hillary Clinton": two people
    if kind is not None and not titled and (mention is None or mention.kind != kind):
        name = bare.removesuffix("'s").removesuffix("’s").strip()  # "the Senate's"
        if name:
            return Mention(words, kind, name)
    if mention is None and bare.split() and bare.split()[-1].casefold() in DOCUMENTS:
        # "according to a new survey": a document with no author speaks for itself.
        return Mention(words, "organization", bare[:1].upper() + bare[1:])
    return mention


def _bare_description(mention: Mention) -> bool:
    """ "the company", "the state agency"; not "the United Auto Workers union", "the mayor's
    office", "the farmers' union"."""
    words = mention.surface.split()
    return (words[0].casefold() == "the" and words[-1].casefold() in ORGANIZATION_HEADS
            and not any(w[0].isupper() or is_possessive(w) or w.endswith(("'", "’"))
                        for w in words[1:]))


def _organisation_described(cast: Cast, mention: Mention, position: int) -> Entity | None:
    """ "The company said": the organisation last named, of that kind when the name says so."""
    head = mention.surface.split()[-1].casefold()
    named = [e for e in cast.entities if e.kind == "organization" and e.last_before(position) >= 0
             and e.name.casefold() != mention.name.casefold()]
    fitting = [e for e in named if head in e.name.casefold()] or named
    if not fitting:
        return None
    entity = max(fitting, key=lambda e: e.last_before(position))
    entity.seen_at(position)
    return entity


def name_speakers(document: Document, found: list[Attribution]) -> dict[int, SpeakerRef]:
    """Each attribution's speaker (by id of the attribution), reading the article in order."""
    cast = Cast(document.caseless)
    events: list[tuple[int, int, object]] = []
    # The words that name a source name its person more fully than the recogniser may ("dr.
    # leila haddad" in lower case, where it finds "Leila" alone).
    names = [a.named_at for a in found if a.named_at is not None]
    for paragraph in document.paragraphs:
        # "DETROIT (Reuters) -": the dateline names no one the article is about.
        furniture = document.prefix_end(paragraph.start, paragraph.end)
        headline = not document.caseless and in_title_case(
            document.text[paragraph.start : paragraph.end])
        for entity in paragraph.doc.ents:
            start = paragraph.span(entity)[0]
            if entity.label_ == "PERSON" and any(a <= start < b for a, b in names):
                continue
            # A headline in title case runs names into its words: "CNN President On Trump".
            if headline and runs_into_headline([token.text for token in entity]):
                continue
            # Names inside a quotation are the speaker's words: no antecedent for "he says".
            if entity.label_ in ("PERSON", "ORG") and start >= furniture and not document.quoted(
                start
            ):
                events.append((start, 0, (entity.label_, *_titled(entity))))
    events += [(a.source[0], 1, a) for a in found if a.source is not None]
    entities: dict[int, Entity] = {}
    for position, order, item in sorted(events, key=lambda e: (e[0], e[1])):
        if order == 0:
            label, name, role = item
            mention = parse_mention(name, document.caseless)
            # The small model often takes "Councillor Ines Carvalho" for an organisation, and
            # sometimes "GOP" or "AP" for a person: a name in capitals where the text has case
            # is an acronym, no one "he" can stand for.
            acronym = not document.caseless and name.isupper()
            if mention is not None and mention.kind == "person" and not acronym:
                cast.add(mention, position, role_phrase(role) if role else None)
            elif label == "ORG" and (document.caseless or not name.islower()):
                # Not "state" of "the former secretary of state", written without a capital.
                cast.add(Mention(name, "organization", name.removeprefix("the ")), position)
            continue
        mention = _mention(item, document.caseless)
        named = parse_mention(item.named_by or "", document.caseless)
        if (named is None or named.kind == "description") and item.proper and item.named_by:
            named = Mention(item.named_by, "person", item.named_by)  # "King", also a title
        if named is not None and named.kind == "person" and cast.find("person", named.name):
            mention = named  # "Pike said", after "Councillor Joan Pike", whatever the parser says
        if mention is None:
            continue
        entity = None
        described = not item.entity and _bare_description(mention)
        if described:
            entity = _organisation_described(cast, mention, position)
        if entity is not None:
            pass
        elif mention.kind in _SPEAKER_KINDS:
            role = item.role
            if role and mention.kind == "person":
                role = role_phrase(role) or role
            entity = cast.add(mention, position, role)
            # "The company said", no company named before: "it" may look back to it.
            entity.unnamed = entity.unnamed or (described and mention.kind == "organization")
        else:
            entity = cast.resolve(mention, position)
        if entity is not None and entity.kind in _SPEAKER_KINDS:
            entities[id(item)] = entity
    sentences = [(p.offset(a), p.offset(b - 1) + 1) for p in document.paragraphs
                 for a, b in ((s.start_char, s.end_char) for s in p.doc.sents)]
    merged = cast.name_the_described(document.text, sentences)
    refs = {}
    for key, entity in entities.items():
        entity = merged.get(id(entity), entity)
        speaks = not entity.unnamed and (not entity.described or _a_countrys_office(entity.role))
        refs[key] = replace(entity.ref(), named=speaks)
    return refs


def _a_countrys_office(role: str | None) -> bool:
    """A role no one in the article is named for names a speaker only as a country's office,
    which one person holds at a time ("Spain's Foreign Minister", "the British prime
    minister"); as a speaker, "the prime minister" or "its chairman" of an organisation the
    article only describes would gather every prime minister and chairman of the archive."""
    return bool(role) and _COUNTRY.search(role) is not None


# A country's name or its people's ("South Korea", "British"), as a whole word or words.
_COUNTRIES = "|".join(re.escape(name) for name in
                      sorted({*COUNTRY_NAMES, *DEMONYMS}, key=len, reverse=True))
_COUNTRY = re.compile(rf"(?<!\w)(?:{_COUNTRIES})(?!\w)", re.IGNORECASE)
