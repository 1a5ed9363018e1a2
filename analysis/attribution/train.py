"""`make train`: the casing table, the first names, the verbs whose infinitive reports a stance,
the cue model and the frame model rebuilt from PolNeAR train (../shared/polnear/train) alone,
each article parsed once for all of them (about four minutes; the same files every run).

Cues: every candidate token of every train article is an example, positive when it heads an
annotated cue (the cue's token whose syntactic head lies outside the cue). Frames: every frame
the new cue model gives with a source is an example, positive when the measure of
analysis/attribution/polnear.py finds it right (content and source). Each is a logistic
regression fitted with scikit-learn (a development dependency) and written as plain weights to
a JSON file, which is all the running service reads.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from analysis import genders
from analysis.attribution import attribute, cues, intents, keep
from analysis.attribution.cues import features, is_candidate
from analysis.attribution.linear import LinearModel
from analysis.attribution.polnear import Article, Found, articles, names_source, overlaps
from analysis.attribution.resolution import name_speakers
from analysis.casing import MIN_ARTICLES, MIN_COUNT, MIN_SHARE, TABLE, learn
from analysis.document import Document, read_document

TRAIN = Path(__file__).resolve().parents[3] / "shared" / "polnear" / "train"


Read = tuple[Article, Document]  # an annotated article and its parse


def read(folder: Path) -> list[Read]:
    """Every article of the folder, parsed once for all the tables and models."""
    return [(article, read_document(article.text)) for article in articles(folder)]


def _cue_pieces(article: Article) -> dict[int, tuple[int, int]]:
    """The annotated cue piece each character of a cue belongs to."""
    return {i: piece for a in article.attributions for piece in a.cue for i in range(*piece)}


def article_examples(article: Article, document: Document
                     ) -> Iterator[tuple[dict[str, float], bool]]:
    """(features, is cue head) for every candidate token of one annotated article. A cue may
    come in pieces ("attacked ... saying"): the head of each piece is a cue head."""
    pieces = _cue_pieces(article)
    for paragraph in document.paragraphs:
        for token in paragraph.doc:
            if not is_candidate(token):
                continue
            start = paragraph.token_start(token)
            piece = pieces.get(start)
            heads = piece is not None and (
                token.head.i == token.i
                or not piece[0] <= paragraph.token_start(token.head) < piece[1]
            )
            yield dict.fromkeys(features(token, document.quoted(start)), 1.0), heads


def frame_examples(article: Article, document: Document
                   ) -> Iterator[tuple[dict[str, float], bool]]:
    """(features, is right) for every frame with a source the reading gives one article, but
    those made by rule, which the model does not weigh."""
    text = article.text
    found = attribute(document)
    speakers = name_speakers(document, found)
    heard = keep.heard_nearby(found, speakers)
    for frame in found:
        if frame.source is None or frame.ruled or frame.viewpoint:
            continue
        speaker = speakers.get(id(frame))
        seen = Found(*frame.content, frame.mention, speaker.name if speaker else None)
        right = any(names_source(text, seen, gold) for gold in article.attributions
                    if overlaps(frame.content, gold.content_range))
        yield keep.features(text, frame, speaker, id(frame) in heard), right


def fitted(found: list[tuple[dict[str, float], bool]], **options) -> tuple[float, dict]:
    """The intercept and weights of a logistic regression fitted on (features, label)
    examples; options replace those of the regression."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    labels = [label for _, label in found]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([features for features, _ in found]).tocsr()
    # liblinear takes 32-bit indices only.
    matrix.indices, matrix.indptr = matrix.indices.astype("int32"), matrix.indptr.astype("int32")
    # An L1 penalty keeps a few thousand weights (held-out train cues: the same precision and
    # recall as L2 with 90,000).
    regression = LogisticRegression(**{"C": 1.0, "l1_ratio": 1.0, "solver": "liblinear",
                                       "max_iter": 2000, "random_state": 0, **options})
    regression.fit(matrix, labels)
    weights = {
        name: round(float(weight), 4)
        for name, weight in zip(vectorizer.get_feature_names_out(), regression.coef_[0],
                                strict=True)
        if abs(weight) >= 0.01
    }
    return round(float(regression.intercept_[0]), 4), dict(sorted(weights.items()))


def fit(found: list[tuple[dict[str, float], bool]], model: LinearModel, about: str, *,
        script: str = "analysis/attribution/train.py", extra: dict | None = None,
        **options) -> None:
    """Fit a model on (features, label) examples and write it to model, with extra values
    beside the weights."""
    labels = [label for _, label in found]
    intercept, weights = fitted(found, **options)
    model.path.write_text(
        json.dumps(
            {
                "about": f"{about} trained on PolNeAR train by {script}; "
                "rebuild with `make train`.",
                "examples": len(labels),
                "positives": int(sum(labels)),
                "intercept": intercept,
                "weights": weights,
                **(extra or {}),
            },
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(labels)} examples, {sum(labels)} positive, {len(weights)} weights -> {model.path}")


def write_casing(folder: Path) -> None:
    """The table of cased words that text without case is parsed with (analysis/casing.py)."""
    words = learn(article.text for article in articles(folder))
    TABLE.write_text(
        "# Words written with capitals mid-sentence in PolNeAR train (840 US news articles,\n"
        f"# 2016), at least {MIN_COUNT} times, in {MIN_SHARE:.0%} of their uses and in\n"
        f"# {MIN_ARTICLES} articles; rebuilt by `make train` (analysis/casing.py).\n"
        + "\n".join(words) + "\n",
        encoding="utf-8",
    )
    print(f"{len(words)} cased words -> {TABLE}")


def write_genders(documents: list[Read]) -> None:
    """The table of first names and the pronouns that follow them (analysis/genders.py)."""
    found = genders.votes([p.doc for p in document.paragraphs] for _, document in documents)
    names = genders.learn(found)
    genders.TABLE.write_text(
        "# First names and the gender of the pronoun that next follows them in PolNeAR train\n"
        f"# (840 US news articles, 2016), at least {genders.MIN_VOTES} times and in "
        f"{genders.MIN_SHARE:.0%} of\n"
        "# their uses; rebuilt by `make train` (analysis/genders.py).\n"
        + "\n".join(names) + "\n",
        encoding="utf-8",
    )
    print(f"{len(names)} first names -> {genders.TABLE}")


def intent_uses(article: Article, document: Document) -> Iterator[tuple[str, bool]]:
    """(lemma, annotated as a cue) for every verb with a bare to-infinitive in one article."""
    pieces = _cue_pieces(article)
    for paragraph in document.paragraphs:
        for token in paragraph.doc:
            lemma = intents.infinitive_lemma(token)
            if lemma is not None:
                yield lemma, paragraph.token_start(token) in pieces


def write_intents(documents: list[Read]) -> None:
    """The verbs whose to-infinitive reports a stance (analysis/attribution/intents.py)."""
    verbs = intents.learn(use for article, document in documents
                          for use in intent_uses(article, document))
    intents.TABLE.write_text(
        "# Verbs whose to-infinitive frames PolNeAR train (840 US news articles, 2016) annotates\n"
        f"# as attributions in more than {intents.MIN_SHARE:.0%} of {intents.MIN_USES} uses or "
        "more; rebuilt by\n# `make train` (analysis/attribution/intents.py).\n"
        + "\n".join(verbs) + "\n",
        encoding="utf-8",
    )
    print(f"{len(verbs)} verbs -> {intents.TABLE}")


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else TRAIN
    write_casing(folder)  # from the raw text; copy without case is parsed with it
    documents = read(folder)
    write_genders(documents)
    write_intents(documents)
    fit([example for article, document in documents
         for example in article_examples(article, document)], cues.MODEL, "Reporting-cue model")
    cues.MODEL.reload()
    fit([example for article, document in documents
         for example in frame_examples(article, document)], keep.MODEL, "Frame model")


if __name__ == "__main__":
    main()
