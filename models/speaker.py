"""Speakers: the people, organisations, countries and groups that make claims, and how a name
in a new article is matched to one already known."""


import peewee

from analysis.names import name_key, same_person, surname
from models.db import BaseModel, database, is_postgres, raw_rows, utcnow

SPEAKER_KINDS = ("person", "organization", "country", "group")
def surname_key(name: str) -> str:
    """A person's surname, the part news copy repeats ("Rice", "Putin", "King" of "Martin
    Luther King Jr.")."""
    return surname(name)


class Speaker(BaseModel):
    name = peewee.TextField()
    name_key = peewee.TextField(index=True)
    surname_key = peewee.TextField(null=True, index=True)
    kind = peewee.CharField(max_length=16, default="person")
    role = peewee.TextField(null=True)
    same_as = peewee.TextField(null=True)
    created_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("kind", "name_key", "id"), False),)


class SpeakerAlias(BaseModel):
    speaker = peewee.ForeignKeyField(Speaker, backref="alias_rows", on_delete="CASCADE")
    alias = peewee.TextField()
    alias_key = peewee.TextField(index=True)

    class Meta:
        indexes = ((("speaker", "alias_key"), True),)


def aliases_of(speaker_ids) -> dict[int, list[str]]:
    """Every alias of these speakers, in one query."""
    found: dict[int, list[str]] = {}
    for speaker_id, alias in raw_rows("SELECT speaker_id, alias FROM speaker_alias "
                                      "WHERE speaker_id IN ? ORDER BY id", list(speaker_ids)):
        found.setdefault(speaker_id, []).append(alias)
    return found


def add_aliases(speaker: Speaker, names) -> None:
    """Record surface forms of a speaker not seen before."""
    known = {key for (key,) in speaker.alias_rows.select(SpeakerAlias.alias_key).tuples()}
    for alias in names:
        key = name_key(alias)
        if key and key not in known:
            (SpeakerAlias.insert(speaker=speaker, alias=alias, alias_key=key)
             .on_conflict_ignore().execute())
            known.add(key)


def find_speaker(ref) -> Speaker | None:
    """The known speaker a SpeakerRef names, if one can be told apart from every other."""
    key = name_key(ref.name)
    exact = (Speaker.select()
             .where((Speaker.name_key == key) & (Speaker.kind == ref.kind))
             .order_by(Speaker.id).first())
    if exact is not None or ref.kind != "person":
        return exact or (Speaker.select().join(SpeakerAlias)
                         .where((SpeakerAlias.alias_key == key) & (Speaker.kind == ref.kind))
                         .order_by(Speaker.id).first())
    namesakes = list(Speaker.select().where((Speaker.surname_key == surname_key(ref.name))
                                            & (Speaker.kind == "person")).order_by(Speaker.id))
    if len(key.split()) > 1:
        # A full name: a full name that agrees with it, else a speaker known only by this
        # surname; never someone with another first name.
        matching = ([s for s in namesakes if same_person(s.name, ref.name)]
                    or [s for s in namesakes if len(s.name_key.split()) == 1])
    elif ref.role:
        matching = [s for s in namesakes if s.role and name_key(s.role) == name_key(ref.role)]
        matching = matching or (namesakes if len(namesakes) == 1 else [])
    else:
        matching = namesakes
    # A bare surname shared by several known people is ambiguous: better a new speaker an
    # editor can merge than a quote given to the wrong person.
    return matching[0] if len(matching) == 1 else None


def hold_names(refs) -> None:
    """Inside a write transaction: wait for any other that names one of these speakers (a
    person by surname) to end, so that two articles naming a new person create one speaker.
    PostgreSQL takes a lock per name, in one order whatever the article's, so two articles
    naming the same people cannot deadlock on them; SQLite runs one writer at a time already."""
    if not is_postgres():
        return
    keys = sorted({f"speaker:{ref.kind}:{_held_key(ref)}" for ref in refs})
    if keys:  # one statement, taking the locks one after another in the array's order
        database.execute_sql("SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) "
                             "FROM unnest(%s::text[]) AS k", (keys,))


def _held_key(ref) -> str:
    return surname_key(ref.name) if ref.kind == "person" else name_key(ref.name)


def resolve_speaker(ref) -> Speaker:
    """The stored speaker a SpeakerRef names, created when new (inside a transaction)."""
    hold_names([ref])
    speaker = find_speaker(ref)
    if speaker is None:
        speaker = Speaker.create(
            name=ref.name, name_key=name_key(ref.name), kind=ref.kind, role=ref.role,
            surname_key=surname_key(ref.name) if ref.kind == "person" else None)
    else:
        changes = {}
        if ref.role and ref.role != speaker.role:
            changes["role"] = ref.role
        if ref.kind == "person" and len(name_key(ref.name)) > len(speaker.name_key) \
                and same_person(ref.name, speaker.name):
            # "George Bush" known, "George W. Bush" now: keep the fuller name as canonical.
            changes.update(name=ref.name, name_key=name_key(ref.name))
        elif len(speaker.name_key.split()) == 1 and len(name_key(ref.name).split()) > 1:
            changes.update(name=ref.name, name_key=name_key(ref.name))
        if changes:
            for field, value in changes.items():
                setattr(speaker, field, value)
            speaker.save(only=[getattr(Speaker, f) for f in changes])
    add_aliases(speaker, [ref.name, *ref.aliases])
    return speaker
