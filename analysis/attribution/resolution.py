"""Who each source is: people met in the text as they come (with the titles and appositions the
parse gives them), names merged, pronouns and descriptions looked back to the person they stand
for."""

from __future__ import annotations

from spacy.tokens import Span

from analysis.attribution import Attribution
from analysis.document import Document
from analysis.speakers import Cast, SpeakerRef, parse_mention, role_phrase

_SPEAKER_KINDS = frozenset({"person", "organization", "country", "group"})


def _titled(entity: Span) -> tuple[str, str | None]:
    """A person's name with the title words before it ("Finance Minister Ana Duarte") and the
    role an apposition gives ("Rosa Pereira, an energy analyst," -> "an energy analyst")."""
    doc = entity.doc
    start = entity.start
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i in range(
        entity.start, entity.end
    ):
        start -= 1
    appositive = next((c for c in entity.root.children if c.dep_ == "appos"), None)
    role = doc[appositive.left_edge.i : appositive.right_edge.i + 1].text if appositive else None
    return doc[start : entity.end].text, role


def name_speakers(document: Document, found: list[Attribution]) -> dict[int, SpeakerRef]:
    """Each attribution's speaker (by id of the attribution), reading the article in order."""
    cast = Cast(document.lower_case)
    events: list[tuple[int, int, object]] = []
    for paragraph in document.paragraphs:
        for entity in paragraph.doc.ents:
            if entity.label_ == "PERSON":
                events.append((paragraph.span(entity)[0], 0, _titled(entity)))
    events += [(a.source[0], 1, a) for a in found if a.source is not None]
    entities = {}
    for position, order, item in sorted(events, key=lambda e: (e[0], e[1])):
        if order == 0:
            name, role = item
            mention = parse_mention(name, document.lower_case)
            if mention is not None and mention.kind == "person":
                cast.add(mention, position, role_phrase(role) if role else None)
            continue
        mention = parse_mention(item.named_by or "", document.lower_case)
        entity = cast.resolve(mention, position) if mention is not None else None
        if entity is not None and entity.kind in _SPEAKER_KINDS:
            entities[id(item)] = entity
    return {key: entity.ref() for key, entity in entities.items()}
