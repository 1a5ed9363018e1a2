"""Speakers: the people, organisations, countries and groups that make claims."""

import re

import peewee

from models.db import BaseModel, utcnow

SPEAKER_KINDS = ("person", "organization", "country", "group")


def name_key(name: str) -> str:
    """The form names are matched on: case, dots and spacing ignored."""
    return re.sub(r"\s+", " ", re.sub(r"[.\u2019']", "", name)).strip().casefold()


class Speaker(BaseModel):
    name = peewee.TextField()
    name_key = peewee.TextField(index=True)
    kind = peewee.CharField(max_length=16, default="person", index=True)
    role = peewee.TextField(null=True)
    same_as = peewee.TextField(null=True)
    created_at = peewee.DateTimeField(default=utcnow)


class SpeakerAlias(BaseModel):
    speaker = peewee.ForeignKeyField(Speaker, backref="alias_rows", on_delete="CASCADE")
    alias = peewee.TextField()
    alias_key = peewee.TextField(index=True)

    class Meta:
        indexes = ((("speaker", "alias_key"), True),)


def aliases_of(speaker_ids) -> dict[int, list[str]]:
    """Every alias of these speakers, in one query."""
    found: dict[int, list[str]] = {}
    query = (SpeakerAlias
             .select(SpeakerAlias.speaker, SpeakerAlias.alias)
             .where(SpeakerAlias.speaker.in_(list(speaker_ids)))
             .order_by(SpeakerAlias.id)
             .tuples())
    for speaker_id, alias in query:
        found.setdefault(speaker_id, []).append(alias)
    return found


def add_aliases(speaker: Speaker, names) -> None:
    """Record surface forms of a speaker not seen before."""
    known = {key for (key,) in speaker.alias_rows.select(SpeakerAlias.alias_key).tuples()}
    for alias in names:
        key = name_key(alias)
        if key and key not in known:
            SpeakerAlias.create(speaker=speaker, alias=alias, alias_key=key)
            known.add(key)


def resolve_speaker(ref) -> Speaker:
    """The stored speaker an analysed SpeakerRef names, created when new (call inside a transaction)."""
    keys = {name_key(ref.name)} | {name_key(a) for a in ref.aliases}
    speaker = (Speaker.select()
               .where((Speaker.name_key == name_key(ref.name)) & (Speaker.kind == ref.kind))
               .first())
    if speaker is None:
        speaker = (Speaker.select()
                   .join(SpeakerAlias)
                   .where(SpeakerAlias.alias_key.in_(list(keys)) & (Speaker.kind == ref.kind))
                   .order_by(Speaker.id)
                   .first())
    if speaker is None:
        speaker = Speaker.create(name=ref.name, name_key=name_key(ref.name), kind=ref.kind,
                                 role=ref.role)
    elif ref.role and ref.role != speaker.role:
        speaker.role = ref.role
        speaker.save(only=[Speaker.role])
    add_aliases(speaker, [ref.name, *ref.aliases])
    return speaker
