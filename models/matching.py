"""Claim matching against the base: exact (same words, same speaker), near paraphrases and
contradictions, always scored on candidates drawn from the search index (a bounded top-k),
never on every stored claim. A claim's context (its first paragraph and headline) goes
with it to the contradiction scorer."""

from typing import NamedTuple

from peewee import chunked

from analysis import claim_key, score_contradiction, similarity
from analysis.contradiction import claim_context
from analysis.contradiction.frames import Frame, Side, frame_of_text
from analysis.contradiction.pairs import comparable
from analysis.contradiction.signature import is_current, may_clash, signature
from analysis.lexicon import FUNCTION_WORDS
from analysis.matching import may_be_one_claim
from models import search
from models.claim import Appearance, Claim
from models.db import raw_rows

SAME_CLAIM_THRESHOLD = 0.6
CONTRADICTION_THRESHOLD = 0.5
CANDIDATES = 20
COMMON_WORD = 1_000
MAX_SEARCH_WORDS = 24
# A claim made only of common words is looked for by its two rarest together among the newest
# claims that have both, fewer than a reader's search ranks: that many say as much of what is
# said about it, at a tenth of the cost on PostgreSQL at a million claims (each of two common
# words in tens of thousands of claims, every match read to keep the newest).
COMMON_WINDOW = 200
COUNTED_AT_ONCE = 100  # words counted in one query (a UNION ALL of one count per word)
CONTEXT_REACH = 1_500  # characters of source text read either side of a claim for its context


def search_words(text: str) -> str:
    """The distinctive words of a claim, as an any-term search query ('' when none)."""
    words = [w for w in dict.fromkeys(claim_key(text).split())
             if w not in FUNCTION_WORDS and len(w) > 2 and not w.isdigit()]
    return " ".join(words[:MAX_SEARCH_WORDS])


def same_claim(key: str, speaker_id: int | None) -> Claim | None:
    """The stored claim with these words from this speaker (or the same narration)."""
    return same_claims([(key, speaker_id)]).get((key, speaker_id))


def same_claims(wanted) -> dict[tuple[str, int | None], Claim]:
    """same_claim() of each (key, speaker id) pair that has one, in one query per 500 keys."""
    wanted = set(wanted)
    found: dict[tuple[str, int | None], Claim] = {}
    for keys in chunked(list({key for key, _ in wanted}), 500):
        for claim in (Claim.select(Claim, Appearance.speaker.alias("said_by")).join(Appearance)
                      .where(Claim.key.in_(keys)).order_by(Claim.id).objects()):
            if (claim.key, claim.said_by) in wanted:
                found.setdefault((claim.key, claim.said_by), claim)
    return found


class Candidate(NamedTuple):
    """A stored claim as matching reads it."""

    id: int
    text: str
    signature: str | None


def candidates(text: str, *, exclude: int | None = None) -> list[Candidate]:
    """The stored claims most about the same thing as text: the top hits of the search index
    for its distinctive words. A word in more than COMMON_WORD claims says little about what
    a claim is about and costs much to rank; a claim made only of such words is looked for by
    the two rarest of them together."""
    return candidate_lists([text], exclude=[exclude])[0]


def candidate_lists(texts: list[str], *, exclude: list[int | None] | None = None,
                    ) -> list[list[Candidate]]:
    """The candidates() of each text (not the stored claim excluded beside it): the words of
    them all counted at once and the claims found read at once, each text searched alone."""
    exclude = exclude or [None] * len(texts)
    words_of = [search_words(text).split() for text in texts]
    counts: dict[str, int] = {}
    for chunk in chunked(list(dict.fromkeys(w for words in words_of for w in words)),
                         COUNTED_AT_ONCE):
        counts.update(search.claim_counts(chunk, COMMON_WORD + 1))
    searched: dict[tuple[str, bool], list[int]] = {}  # claims of one story ask alike
    ids_of = [_candidate_ids(words, counts, excluded, searched)
              for words, excluded in zip(words_of, exclude, strict=True)]
    found = {row[0]: Candidate(*row) for row in raw_rows(
        "SELECT id, text, signature FROM claim WHERE id IN ?",
        list(dict.fromkeys(i for ids in ids_of for i in ids)))}
    return [[found[i] for i in sorted(ids) if i in found] for ids in ids_of]


def _candidate_ids(words: list[str], counts: dict[str, int], exclude: int | None,
                   searched: dict[tuple[str, bool], list[int]]) -> list[int]:
    itself = exclude is not None  # a stored claim counts in its own words' claims
    found = [w for w in words if counts[w] > itself]  # only these can find another claim
    rare = [w for w in found if counts[w] <= COMMON_WORD + itself]
    if rare:
        query, any_term = " ".join(rare), True
    else:
        # Counted further, the rarest of the common words say most of what the claim is
        # about (and cost the least to look for); among words past that count too, a longer
        # word is the likelier to be the rarer.
        counts = {**counts, **search.commonness(found)}
        rarest = sorted(found, key=lambda w: (counts[w], -len(w)))[:2]
        query, any_term = " ".join(sorted(rarest)), False
    if not query:
        return []
    if (query, any_term) not in searched:
        # One more than wanted: the claim itself is usually the best hit.
        searched[query, any_term] = search.ranked_ids(
            query, CANDIDATES + 1, any_term=any_term,
            window=search.SEARCH_WINDOW if any_term else COMMON_WINDOW)
    return [i for i in searched[query, any_term] if i != exclude][:CANDIDATES]


def claim_contexts(claim_ids) -> dict[int, str]:
    """The context of each claim where it first appeared: the paragraph of the source around
    it and the source's title, read in one query, the text only near the claim."""
    contexts: dict[int, str] = {}
    for claim_id, start, end, title, text in raw_rows(_CONTEXTS, list(dict.fromkeys(claim_ids))):
        if start is not None and end is not None and text is not None:
            shift = max(0, start - CONTEXT_REACH)
            start, end = start - shift, end - shift
        contexts[claim_id] = claim_context(text or "", start, end, title, reach=CONTEXT_REACH)
    return contexts


# The first appearance of each claim of a list.
_FIRST_APPEARANCES = "(SELECT MIN(id) FROM appearance WHERE claim_id IN ? GROUP BY claim_id)"
_OFFSET = f'CASE WHEN a.start > {CONTEXT_REACH} THEN a.start - {CONTEXT_REACH} ELSE 0 END'
# Each claim's first appearance, with its source's title and the source text near it.
_CONTEXTS = (f'SELECT a.claim_id, a.start, a."end", s.title, SUBSTR(s.text, {_OFFSET} + 1, '
             f'a."end" - {_OFFSET} + {CONTEXT_REACH}) FROM appearance a '
             f"LEFT JOIN source s ON s.id = a.source_id WHERE a.id IN {_FIRST_APPEARANCES}")


def claim_sources(claim_ids) -> dict[int, set[int]]:
    """The sources each claim appears in (none for a claim entered by hand), in one query."""
    found: dict[int, set[int]] = {}
    for claim_id, source_id in raw_rows("SELECT claim_id, source_id FROM appearance "
                                        "WHERE claim_id IN ?", list(dict.fromkeys(claim_ids))):
        found.setdefault(claim_id, set()).add(source_id)
    return found


def can_clash(text: str, others: list[Candidate], own: str | None = None) -> set[int]:
    """The ids of the candidates whose stored signatures say they can clash with text (own:
    the signature of text, when it is stored)."""
    own = own if is_current(own) else signature(text)
    return {other.id for other in others if may_clash(own, other.signature)}


def compare(text: str, others: list[Candidate], *, context: str = "",
            contexts: dict[int, str] | None = None, together=frozenset(),
            clashing: set[int] | None = None) -> tuple[list, list]:
    """Split candidates into contradicting [(claim, score, verdict)] and similar [(claim,
    score)], best first; a contradiction is never also offered as the same claim. context is
    the text's own context, contexts those of the candidates by id (see claim_contexts);
    together, the ids of the candidates that stand in one source with the text (the others
    are scored as apart); clashing, the ids of those that can_clash (the only ones scored as
    contradictions), worked out here when not given."""
    contradicting, similar = [], []
    contexts = contexts or {}
    clashing = can_clash(text, others) if clashing is None else clashing
    for other in others:
        verdict = None
        if other.id in clashing:
            verdict = score_contradiction(text, other.text, context_a=context,
                                          context_b=contexts.get(other.id, ""),
                                          apart=other.id not in together)
        if verdict is not None and verdict.score >= CONTRADICTION_THRESHOLD:
            contradicting.append((other, verdict.score, verdict))
        else:
            closeness = similarity(text, other.text)
            if closeness >= SAME_CLAIM_THRESHOLD and may_be_one_claim(text, other.text):
                similar.append((other, closeness))
    return _best_first(contradicting), _best_first(similar)


def _best_first(found: list) -> list:
    return sorted(found, key=lambda f: (-f[1], f[0].id))


def _side(text: str, frame: str | None = None, start=None, end=None, speaker=None, name=None,
          kind=None, *, read=True) -> Side:
    """A claim where it stands, said by speaker (an id) named name, of kind; with no stored
    frame, its words are read (when read)."""
    found = Frame.from_json(frame) or (frame_of_text(text) if read else Frame())
    return Side(found, text, start or 0, end or 0, speaker, name, kind)


# Appearances as Sides: the claim, its text and frame, where it stands, its speaker and who
# says it in an explanation (the speaker's name, else the words naming its source, "the
# minister": never "the article" for a claim someone says) and the speaker's kind.
_SIDES = ('SELECT a.source_id, a.claim_id, c.text, a.frame, a.start, a."end", a.speaker_id, '
          "COALESCE(p.name, a.speaker_mention), p.kind FROM appearance a "
          "JOIN claim c ON c.id = a.claim_id LEFT JOIN speaker p ON p.id = a.speaker_id ")


def claim_sides(claim_ids) -> dict[int, Side]:
    """Each claim as it first appeared and who said it, for explanations (which need no
    frame: one not stored is left empty rather than read); a claim entered by hand, which
    appeared nowhere, by its text alone."""
    claim_ids = list(dict.fromkeys(claim_ids))
    sides = {claim_id: _side(*rest, read=False) for _, claim_id, *rest in raw_rows(
        f"{_SIDES}WHERE a.id IN {_FIRST_APPEARANCES}", claim_ids)}
    unseen = [i for i in claim_ids if i not in sides]
    if unseen:
        sides.update((claim_id, _side(text, read=False)) for claim_id, text
                     in raw_rows("SELECT id, text FROM claim WHERE id IN ?", unseen))
    return sides


def article_pairs(claim_ids, source: int | None = None
                  ) -> dict[tuple[int, int], tuple[Side, Side] | None]:
    """The pairs of claims of one source (of that source only, when given), one of them among
    claim_ids, by (lower id, higher id): those near each other as two Sides, the earlier
    first; the others None (the pair model weighs only the near ones). Two queries however
    many sources the claims are in."""
    claim_ids = list(dict.fromkeys(claim_ids))
    sources = [source] if source is not None else [i for (i,) in raw_rows(
        "SELECT DISTINCT source_id FROM appearance WHERE claim_id IN ? "
        "AND source_id IS NOT NULL", claim_ids)]
    wanted = set(claim_ids)
    found: dict[tuple[int, int], tuple[Side, Side] | None] = {}
    for chunk in chunked(sources, 100):
        by_source: dict[int, list[tuple[int, Side]]] = {}
        for source, claim_id, *rest in raw_rows(
                _SIDES + 'WHERE a.source_id IN ? AND a.start IS NOT NULL AND a."end" IS NOT '
                         "NULL ORDER BY a.source_id, a.start, a.id", chunk):
            by_source.setdefault(source, []).append((claim_id, _side(*rest)))
        for placed in by_source.values():
            for j, (y, second) in enumerate(placed):
                for x, first in placed[:j]:
                    if x == y or not (x in wanted or y in wanted):
                        continue
                    near = (first, second) if comparable(first, second) else None
                    key = min(x, y), max(x, y)
                    if found.get(key) is None:
                        found[key] = near
    return found
