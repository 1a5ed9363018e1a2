"""`make train` (after the attribution models): the pair model of
analysis/contradiction/pairs.py, from the contradictions annotated among PolNeAR train
articles (analysis/data/polnear_train_pairs.json, annotated by reading the articles before
any rule was written against them).

Every two claims the service extracts from one of those articles, NEARBY characters apart at
most, are an example, positive when they are the two sides of an annotated contradiction.
The flagging threshold is where a five-fold cross-validation over the articles raises
FLAGS_PER_ARTICLE flags an article: what an editor can review beside a story. When the bar was
chosen, the top 59 flags out of fold (0.3 an article) held 6 of the 254 annotated pairs the
model could see, a tenth of them; at one an article, 9 in 199, a twentieth.
"""

from __future__ import annotations

import json
from pathlib import Path

from analysis.attribution.linear import LinearModel
from analysis.attribution.polnear import articles, overlaps, quote_span
from analysis.attribution.train import TRAIN, fit, fitted
from analysis.claims import extract_claims
from analysis.contradiction import pairs
from analysis.contradiction.frames import Side

TRAIN_PAIRS = Path(__file__).resolve().parents[1] / "data" / "polnear_train_pairs.json"
FLAGS_PER_ARTICLE = 0.3
FOLDS = 5
OPTIONS = {"l1_ratio": 0.0, "solver": "lbfgs", "class_weight": "balanced"}

Example = tuple[dict[str, float], bool]


def article_examples(text: str, quotes: dict[str, str], contradictions: set[frozenset[str]]
                     ) -> list[Example]:
    """(features, is an annotated contradiction) for every near pair of one article's claims;
    quotes: the annotated claims of the article by id."""
    claims = extract_claims(text)
    sides = [Side(c.frame, c.text, c.start, c.end,
                  c.speaker.name.casefold() if c.speaker else None) for c in claims]
    spans = {i: quote_span(text, quote) for i, quote in quotes.items()}
    annotated = [{i for i, span in spans.items() if span and overlaps((c.start, c.end), span)}
                 for c in claims]
    examples = []
    for j, second in enumerate(sides):
        for i in range(j):
            if not pairs.comparable(sides[i], second):
                continue
            right = any(frozenset((x, y)) in contradictions
                        for x in annotated[i] for y in annotated[j])
            examples.append((pairs.features(sides[i], second), right))
    return examples


def _threshold(by_article: list[list[Example]]) -> float:
    """The probability above which out-of-fold predictions raise FLAGS_PER_ARTICLE flags an
    article, folds taken by article."""
    scores = []
    for fold in range(FOLDS):
        kept = [e for n, examples in enumerate(by_article) if n % FOLDS != fold for e in examples]
        model = LinearModel.of(*fitted(kept, **OPTIONS))
        scores += [(model.probability(features), right) for n, examples in enumerate(by_article)
                   if n % FOLDS == fold for features, right in examples]
    scores.sort(reverse=True)
    allowed = int(FLAGS_PER_ARTICLE * len(by_article))
    found = sum(right for _, right in scores[:allowed])
    print(f"cross-validated: {allowed} flags in {len(by_article)} articles, {found} of "
          f"{sum(right for _, right in scores)} annotated pairs among them")
    return round(scores[allowed][0], 4)


def main() -> None:
    annotation = json.loads(TRAIN_PAIRS.read_text(encoding="utf-8"))
    contradictions = {frozenset((p["a"], p["b"])) for p in annotation["contradictions"]}
    quotes: dict[str, dict[str, str]] = {name: {} for name in annotation["articles"]}
    for claim in annotation["claims"]:
        quotes.setdefault(claim["article"], {})[claim["id"]] = claim["quote"]
    by_article = [article_examples(article.text, quotes[article.name], contradictions)
                  for article in articles(TRAIN) if article.name in quotes]
    fit([e for examples in by_article for e in examples], pairs.MODEL,
        "Contradiction pair model", script="analysis/contradiction/train.py",
        extra={"threshold": _threshold(by_article)}, **OPTIONS)


if __name__ == "__main__":
    main()
