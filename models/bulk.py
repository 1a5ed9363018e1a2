"""Bulk loading of articles whose claims are already known (a benchmark corpus, a migration
from another system): the rows ingest would write, inserted in batches instead of one by one.

A claim is matched as ingest matches it (the same words from the same speaker, or the same
narration) among the claims this loader stored; a speaker by name and kind among all. One
writer at a time: ids are assigned here, so nothing else may write during a load.
"""

import datetime
from dataclasses import dataclass, field

from peewee import chunked, fn

from analysis import claim_key
from analysis.contradiction.signature import signature
from models.claim import Appearance, Claim, StatusChange, reindex
from models.db import database, is_postgres
from models.link import ClaimLink, kind_of, mark_contradicted
from models.source import Source, content_hash, normalise_text
from models.speaker import Speaker, SpeakerAlias, name_key, surname_key

_TABLES = (Source, Speaker, SpeakerAlias, Claim, Appearance, StatusChange, ClaimLink)


@dataclass
class BulkLoader:
    """Loads batches of articles into the bound database, each batch in one transaction."""

    actor: str = "bulk"
    _speakers: dict = field(default_factory=dict)   # (name_key, kind) -> speaker id
    _claims: dict = field(default_factory=dict)     # (claim key, speaker id) -> claim id
    _speaker_of: dict = field(default_factory=dict)  # claim id -> {speaker ids}
    _next: dict = field(default_factory=dict)       # model -> next id

    def __post_init__(self):
        for model in _TABLES:
            self._next[model] = (model.select(fn.MAX(model.id)).scalar() or 0) + 1

    def _ids(self, model, n: int) -> range:
        first = self._next[model]
        self._next[model] = first + n
        return range(first, first + n)

    def add_articles(self, articles) -> list[list[int]]:
        """Store articles (objects with text, title, outlet, published, url and claims, each
        claim with text, speaker (name, kind, role) or None, speaker_mention, quote, start, end
        and kind); answer the claim id of every claim, article by article."""
        articles = list(articles)
        sources, speakers, aliases, claims, appearances, audit = [], [], [], [], [], []
        touched, answer = set(), []
        source_ids = self._ids(Source, len(articles))
        for article, source_id in zip(articles, source_ids, strict=True):
            text = normalise_text(article.text)
            at = datetime.datetime.combine(article.published, datetime.time(12))
            sources.append({"id": source_id, "url": article.url, "title": article.title,
                            "outlet": article.outlet, "published": article.published,
                            "text": text, "content_hash": content_hash(text),
                            "language": "en", "created_at": at})
            ids = []
            for found in article.claims:
                speaker_id = self._speaker(found.speaker, speakers, aliases)
                key = claim_key(found.text)
                claim_id = self._claims.get((key, speaker_id))
                if claim_id is None:
                    claim_id = self._ids(Claim, 1)[0]
                    self._claims[(key, speaker_id)] = claim_id
                    claims.append({"id": claim_id, "text": found.text, "key": key,
                                   "signature": signature(found.text),
                                   "first_seen": article.published, "created_at": at,
                                   "updated_at": at})
                    audit.append({"claim": claim_id, "field": "created", "new": found.text,
                                  "actor": self.actor, "reason": f"found in source {source_id}",
                                  "at": at})
                self._speaker_of.setdefault(claim_id, set()).add(speaker_id)
                touched.add(claim_id)
                appearances.append({"claim": claim_id, "source": source_id,
                                    "speaker": speaker_id,
                                    "speaker_mention": found.speaker_mention,
                                    "quote": found.quote, "start": found.start,
                                    "end": found.end, "kind": found.kind, "created_at": at})
                ids.append(claim_id)
            answer.append(ids)
        for row, row_id in zip(appearances, self._ids(Appearance, len(appearances)), strict=True):
            row["id"] = row_id
        for row, row_id in zip(audit, self._ids(StatusChange, len(audit)), strict=True):
            row["id"] = row_id
        with database.atomic():
            for model, rows in ((Source, sources), (Speaker, speakers),
                                (SpeakerAlias, aliases), (Claim, claims),
                                (Appearance, appearances), (StatusChange, audit)):
                for chunk in chunked(rows, 1000):
                    model.insert_many(chunk).execute()
            for chunk in chunked(sorted(touched), 1000):
                reindex(chunk)
            self._sync_sequences()
        return answer

    def add_contradictions(self, pairs) -> int:
        """Store suggested contradictions between claims this loader stored, given as
        (claim id, claim id, cue); answer how many were new."""
        rows, seen = [], set()
        for a, b, cue in pairs:
            low, high = sorted((a, b))
            if low == high or (low, high) in seen:
                continue
            seen.add((low, high))
            kind, speaker = kind_of(self._speaker_of.get(low, set()),
                                    self._speaker_of.get(high, set()))
            rows.append({"claim_a": low, "claim_b": high, "relation": "contradicts",
                         "origin": "detected", "score": 0.8, "cues": [cue],
                         "explanation": f"Loaded in bulk as a contradiction ({cue}).",
                         "kind": kind, "speaker": speaker, "state": "suggested",
                         "created_by": self.actor})
        created = 0
        with database.atomic():
            for chunk in chunked(rows, 1000):
                created += len(list(ClaimLink.insert_many(chunk).on_conflict_ignore()
                                    .returning(ClaimLink.id).execute()))
            mark_contradicted(i for row in rows for i in (row["claim_a"], row["claim_b"]))
            self._sync_sequences()
        return created

    def _speaker(self, spec, speakers: list, aliases: list) -> int | None:
        if spec is None:
            return None
        ident = (name_key(spec.name), spec.kind)
        speaker_id = self._speakers.get(ident)
        if speaker_id is None:
            speaker_id = (Speaker.select(Speaker.id)
                          .where((Speaker.name_key == ident[0]) & (Speaker.kind == spec.kind))
                          .order_by(Speaker.id).scalar())
        if speaker_id is None:
            speaker_id = self._ids(Speaker, 1)[0]
            speakers.append({"id": speaker_id, "name": spec.name, "name_key": ident[0],
                             "kind": spec.kind, "role": spec.role,
                             "surname_key": surname_key(spec.name)
                             if spec.kind == "person" else None})
            aliases.append({"id": self._ids(SpeakerAlias, 1)[0], "speaker": speaker_id,
                            "alias": spec.name, "alias_key": ident[0]})
        self._speakers[ident] = speaker_id
        return speaker_id

    def _sync_sequences(self) -> None:
        """PostgreSQL: move each id sequence past the ids assigned here."""
        if not is_postgres():
            return
        for model in _TABLES:
            table = model._meta.table_name
            database.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                                 f"(SELECT COALESCE(MAX(id), 1) FROM \"{table}\"))")
