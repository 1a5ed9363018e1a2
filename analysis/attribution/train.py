"""`make train`: the casing table and the cue model rebuilt from PolNeAR train
(../shared/polnear/train) alone.

Every candidate token of every train article is an example: positive when it heads an annotated
cue (the cue's token whose syntactic head lies outside the cue). A logistic regression over
`cues.features` is fitted with scikit-learn (a development dependency) and written as plain
weights to cue_model.json, which is all the running service reads.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from analysis.attribution.cues import MODEL, features, is_candidate
from analysis.attribution.polnear import Article, articles
from analysis.casing import MIN_COUNT, MIN_SHARE, TABLE, learn
from analysis.document import read_document

TRAIN = Path(__file__).resolve().parents[3] / "shared" / "polnear" / "train"


def article_examples(article: Article) -> Iterator[tuple[list[str], bool]]:
    """(features, is cue head) for every candidate token of one annotated article. A cue may
    come in pieces ("attacked ... saying"): the head of each piece is a cue head."""
    pieces = {i: piece for a in article.attributions for piece in a.cue for i in range(*piece)}
    document = read_document(article.text)
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
            yield features(token, document.quoted(start)), heads


def fit(found: list[tuple[list[str], bool]]) -> None:
    """Fit the model on (features, label) examples and write it to cue_model.json."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [dict.fromkeys(features, 1) for features, _ in found]
    labels = [label for _, label in found]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows).tocsr()
    # liblinear takes 32-bit indices only.
    matrix.indices, matrix.indptr = matrix.indices.astype("int32"), matrix.indptr.astype("int32")
    # An L1 penalty keeps a few thousand weights (held-out train cues: the same precision and
    # recall as L2 with 90,000).
    model = LogisticRegression(C=1.0, l1_ratio=1.0, solver="liblinear", max_iter=2000)
    model.fit(matrix, labels)
    weights = {
        name: round(float(weight), 4)
        for name, weight in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(weight) >= 0.01
    }
    MODEL.write_text(
        json.dumps(
            {
                "about": "Reporting-cue model trained on PolNeAR train by "
                "analysis/attribution/train.py; rebuild with `make train`.",
                "examples": len(labels),
                "positives": int(sum(labels)),
                "intercept": round(float(model.intercept_[0]), 4),
                "weights": dict(sorted(weights.items())),
            },
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(labels)} examples, {sum(labels)} cues, {len(weights)} weights -> {MODEL}")


def write_casing(folder: Path) -> None:
    """The table of cased words that lower-case text is parsed with (analysis/casing.py)."""
    words = learn(article.text for article in articles(folder))
    TABLE.write_text(
        "# Words written with capitals mid-sentence in PolNeAR train (840 US news articles,\n"
        f"# 2016), at least {MIN_COUNT} times and in {MIN_SHARE:.0%} of their uses; rebuilt by\n"
        "# `make train` (analysis/casing.py).\n" + "\n".join(words) + "\n",
        encoding="utf-8",
    )
    print(f"{len(words)} cased words -> {TABLE}")


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else TRAIN
    write_casing(folder)
    fit([example for article in articles(folder) for example in article_examples(article)])


if __name__ == "__main__":
    main()
