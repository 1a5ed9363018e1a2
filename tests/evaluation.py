"""`make eval`: extraction and contradiction flagging measured against hand annotations: the
seed articles (claims and the contradictions among them), three small sets of articles in other
styles written for the project (each annotated before any extractor saw it; the unit tests
mirror their constructions since, so they are not held out), and attribution on PolNeAR dev
(../shared/polnear; see tests/polnear_eval.py) with the contradiction flags among its articles
(tests/polnear_pairs.py). `--train-pairs` measures flagging on the development pairs among
PolNeAR train articles instead.

The articles are ingested in order through the real pipeline (analysis + speaker resolution
against the database) into a throwaway SQLite database. A found claim matches an annotated one
when their spans overlap by at least half of the shorter. Recall: annotated claims found.
Precision: found claims that match an annotation. Speaker accuracy: of the annotated claims
found, those whose best-overlapping appearance has the annotated speaker (or none for
narration).
"""

import json
import sys
import tempfile
from dataclasses import dataclass
from functools import partial
from pathlib import Path

DATA = Path(__file__).parent / "data"
TRAIN_PAIRS = Path(__file__).parents[1] / "analysis" / "data" / "polnear_train_pairs.json"
ANNOTATIONS = DATA / "seed_annotations.json"
CONTRADICTIONS = DATA / "seed_contradictions.json"


@dataclass
class Scores:
    gold: int = 0
    found: int = 0
    recalled: int = 0
    precise: int = 0
    speaker_right: int = 0
    pairs: int = 0  # annotated contradictions
    flagged: int = 0  # contradictions detected
    pairs_found: int = 0
    flags_right: int = 0

    def add(self, other: "Scores") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def recall(self) -> float:
        return self.recalled / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.precise / self.found if self.found else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.recalled if self.recalled else 1.0

    @property
    def contradiction_recall(self) -> float:
        return self.pairs_found / self.pairs if self.pairs else 1.0

    @property
    def contradiction_precision(self) -> float:
        return self.flags_right / self.flagged if self.flagged else 1.0


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _matches(a, b) -> bool:
    return _overlap(a, b) * 2 >= min(a[1] - a[0], b[1] - b[0])


def gold_spans(text: str, items: list[dict]) -> list[tuple[tuple[int, int], list | None]]:
    spans = []
    for item in items:
        start = -1
        for _ in range(item.get("occurrence", 0) + 1):
            start = text.index(item["span"], start + 1)
        spans.append(((start, start + len(item["span"])), item["speaker"]))
    return spans


def claims_at(gold, found) -> list[set[int]]:
    """For each annotated span, the claims whose appearances match it."""
    return [{claim_id for f, _, claim_id in found if _matches(span, f)} for span, _ in gold]


def score_contradictions(pairs: list[tuple[set, set]], links: list[tuple[int, int]],
                         texts: dict[int, str], log) -> tuple[int, int]:
    """(annotated pairs found, flags that match an annotated pair)."""
    def matches(link, pair):
        a, b = link
        return (a in pair[0] and b in pair[1]) or (b in pair[0] and a in pair[1])

    found = sum(any(matches(link, pair) for link in links) for pair in pairs)
    right = 0
    for link in links:
        if any(matches(link, pair) for pair in pairs):
            right += 1
        else:
            log(f"  wrong flag  {texts[link[0]][:60]!r} <> {texts[link[1]][:60]!r}")
    return found, right


def score_article(text, gold, found, name_key, log) -> Scores:
    """found: [((start, end), speaker name or None, claim id)] for one article."""
    scores = Scores(gold=len(gold), found=len(found))
    scores.precise = sum(any(_matches(span, g) for g, _ in gold) for span, *_ in found)
    for span, speakers in gold:
        candidates = [(_overlap(span, f), name) for f, name, _ in found if _matches(span, f)]
        if not candidates:
            log(f"  missed   {text[span[0]:span[1]][:90]!r}")
            continue
        scores.recalled += 1
        name = max(candidates, key=lambda c: c[0])[1]
        right = (name is None if speakers is None
                 else name is not None and name_key(name) in {name_key(s) for s in speakers})
        scores.speaker_right += right
        if not right:
            log(f"  speaker  {name!r} for {speakers!r}: {text[span[0]:span[1]][:60]!r}")
    for span, name, _ in found:
        if not any(_matches(span, g) for g, _ in gold):
            log(f"  extra    {name!r}: {text[span[0]:span[1]][:90]!r}")
    return scores


def _articles_in(folder: Path) -> list[tuple[str, dict]]:
    return [(path.name, {"text": path.read_text(encoding="utf-8")})
            for path in sorted(folder.glob("*.txt"))]


def annotated_sets() -> list[str]:
    """"seed", then every held-out folder under tests/data/ (heldout, heldout2, ...)."""
    return ["seed", *sorted(p.name for p in DATA.glob("heldout*") if p.is_dir())]


def evaluate(name: str, log=lambda line: None) -> Scores:
    """Scores of one annotated set: "seed" (the seed articles) or a held-out folder."""
    from peewee import JOIN

    from models import Appearance, Claim, ClaimLink, Speaker
    from models.db import bind, database
    from models.ingest import ingest_article
    from models.migrate import migrate
    from models.speaker import name_key
    from seed import seed_articles

    if name == "seed":
        path, articles = ANNOTATIONS, seed_articles
    else:
        path, articles = DATA / name / "annotations.json", partial(_articles_in, DATA / name)
    annotations = json.loads(path.read_text(encoding="utf-8"))
    total = Scores()
    claims_of_span = {}
    with tempfile.TemporaryDirectory() as tmp:
        bind(f"sqlite:///{tmp}/eval.db")
        with database.connection_context():
            migrate()
            for file_name, article in articles():
                source = ingest_article(actor="eval", **article).source
                found = [((a.start, a.end), a.speaker.name if a.speaker_id else None, a.claim_id)
                         for a in Appearance.select(Appearance, Speaker)
                         .join(Speaker, JOIN.LEFT_OUTER)
                         .where(Appearance.source == source.id)]
                log(file_name)
                gold = gold_spans(source.text, annotations[file_name])
                for item, claims in zip(annotations[file_name], claims_at(gold, found),
                                        strict=True):
                    claims_of_span.setdefault((file_name, item["span"]), set()).update(claims)
                scores = score_article(source.text, gold, found, name_key, log)
                log(f"  recall {scores.recall:.2f}  precision {scores.precision:.2f}  "
                    f"speaker accuracy {scores.speaker_accuracy:.2f}")
                total.add(scores)
            if name == "seed":
                pairs = [tuple(claims_of_span[(side["file"], side["span"])] for side in pair)
                         for pair in json.loads(CONTRADICTIONS.read_text())["pairs"]]
                links = list(ClaimLink.select(ClaimLink.claim_a, ClaimLink.claim_b)
                             .where(ClaimLink.relation == "contradicts").tuples())
                texts = dict(Claim.select(Claim.id, Claim.text).tuples())
                total.pairs, total.flagged = len(pairs), len(links)
                total.pairs_found, total.flags_right = score_contradictions(pairs, links, texts,
                                                                            log)
    return total


def _ingest_polnear(articles, each=lambda article, rows: None):
    """Ingest PolNeAR articles in order into a throwaway database: their texts, their
    appearances [(start, end, claim id)] by name, and the contradiction flags raised. each is
    called with every article and its appearances (with speakers)."""
    from peewee import JOIN

    from models import Appearance, ClaimLink, Speaker
    from models.db import bind, database
    from models.ingest import ingest_article
    from models.migrate import migrate

    texts, appearances = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        bind(f"sqlite:///{tmp}/polnear.db")
        with database.connection_context():
            migrate()
            for article in articles:
                source = ingest_article(actor="eval", text=article.text).source
                rows = list(Appearance.select(Appearance, Speaker).join(Speaker, JOIN.LEFT_OUTER)
                            .where(Appearance.source == source.id))
                each(article, rows)
                texts[article.name] = article.text
                appearances[article.name] = [(a.start, a.end, a.claim_id) for a in rows]
            links = list(ClaimLink.select(ClaimLink.claim_a, ClaimLink.claim_b)
                         .where(ClaimLink.relation == "contradicts").tuples())
    return texts, appearances, links


def evaluate_polnear(split: str = "dev", limit: int | None = None):
    """The issue's attribution measure over PolNeAR articles ingested through the real pipeline
    (speakers resolved against the database as ingest resolves them), and the contradiction
    flags raised among them against the annotated dev pairs (tests/polnear_pairs.py)."""
    from analysis.attribution.polnear import Found
    from tests.polnear_eval import Tally, score_article, split_articles
    from tests.polnear_pairs import PAIRS, read_pairs, score_pairs

    total = Tally()

    def each(article, rows):
        found = [Found(a.start, a.end, a.speaker_mention, a.speaker.name if a.speaker_id else None)
                 for a in rows]
        total.add(score_article(article, found))

    texts, appearances, links = _ingest_polnear(split_articles(split, limit), each)
    pairs = score_pairs(read_pairs(), texts, appearances, links) if PAIRS.exists() else None
    return total, pairs


def evaluate_train_pairs():
    """Flagging on the development pairs among PolNeAR train articles
    (analysis/data/polnear_train_pairs.json): the articles they come from, ingested in order."""
    from tests.polnear_eval import split_articles
    from tests.polnear_pairs import read_pairs, score_pairs

    annotation = read_pairs(TRAIN_PAIRS)
    names = set(annotation["articles"])
    chosen = [article for article in split_articles("train") if article.name in names]
    return score_pairs(annotation, *_ingest_polnear(chosen))


def _print_polnear(tally, verbose: bool) -> None:
    print(f"attributions with a source {tally.sourced}, appearances with a speaker "
          f"{tally.with_speaker}")
    print(f"attribution recall    {tally.recall:.3f}")
    print(f"attribution precision {tally.precision:.3f}")
    print(f"attribution F1        {tally.f1:.3f}")
    if verbose:
        _print_twenty((("missed or wrong speaker", tally.missed),
                       ("speaker not in the annotation", tally.wrong)))


def _print_twenty(kinds) -> None:
    """Twenty examples of each kind of error, spread over the list."""
    for kind, rows in kinds:
        print(f"-- twenty {kind}")
        for row in rows[:: max(1, len(rows) // 20)][:20]:
            print("  " + row)


def _print_pairs(tally, verbose: bool) -> None:
    print(f"contradictions annotated {tally.contradictions}, flags {tally.flags} "
          f"({tally.flags_per_article:.1f} an article), flags between judged claims "
          f"{tally.judged_flags}")
    print(f"contradiction recall    {tally.recall:.3f}")
    print(f"contradiction precision {tally.precision:.3f}")
    if verbose:
        _print_twenty((("missed", tally.missed), ("flagged but compatible", tally.wrong)))


def figures() -> dict:
    """The headline figures of every measure, for the floors of tests/test_floors.py."""
    from tests.polnear_eval import POLNEAR, caseless_tallies

    seed = evaluate("seed")
    found = {"seed": {"claim_recall": seed.recall, "speaker_accuracy": seed.speaker_accuracy,
                      "contradiction_recall": seed.contradiction_recall,
                      "contradiction_precision": seed.contradiction_precision}}
    if (POLNEAR / "dev").is_dir():
        attributions, pairs = evaluate_polnear("dev")
        found["polnear_dev"] = {"recall": attributions.recall,
                                "precision": attributions.precision,
                                "pair_recall": pairs.recall, "pair_precision": pairs.precision,
                                "flags_per_article": pairs.flags_per_article}
        found["polnear_dev_caseless"] = {name: {"recall": t.recall, "precision": t.precision}
                                         for name, t in caseless_tallies("dev").items()}
    return found


def main() -> int:
    verbose = "-q" not in sys.argv
    if "--json" in sys.argv:
        print(json.dumps(figures()))
        return 0
    if "--train-pairs" in sys.argv:
        print("== development pairs among PolNeAR train articles")
        _print_pairs(evaluate_train_pairs(), verbose)
        return 0
    for name in annotated_sets():
        print(f"== {name}")
        scores = evaluate(name, print if verbose else (lambda line: None))
        print(f"claims annotated {scores.gold}, found {scores.found}")
        print(f"claim recall     {scores.recall:.3f}")
        print(f"claim precision  {scores.precision:.3f}")
        print(f"speaker accuracy {scores.speaker_accuracy:.3f}")
        if scores.pairs:
            print(f"contradictions annotated {scores.pairs}, flagged {scores.flagged}")
            print(f"contradiction recall    {scores.contradiction_recall:.3f}")
            print(f"contradiction precision {scores.contradiction_precision:.3f}")
    from tests.polnear_eval import CASELESS_SAMPLE, POLNEAR, caseless_tallies

    if (POLNEAR / "dev").is_dir():
        print("== PolNeAR dev (../shared/polnear/dev)")
        attributions, pairs = evaluate_polnear("dev")
        _print_polnear(attributions, verbose)
        if pairs is not None:
            _print_pairs(pairs, verbose)
        for name, tally in caseless_tallies("dev").items():
            print(f"== PolNeAR dev, {CASELESS_SAMPLE} articles, in {name}")
            _print_polnear(tally, verbose=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
