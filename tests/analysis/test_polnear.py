"""Attribution on the parse (analysis.claims) measured on a sample of PolNeAR dev, with floors
just under the figures it reaches, so that a regression fails. The whole of dev is `make eval`."""

import pytest

from tests.polnear_eval import POLNEAR, Tally, analysis_found, score_article, split_articles

pytestmark = pytest.mark.skipif(not (POLNEAR / "dev").is_dir(), reason="no ../shared/polnear")


@pytest.fixture(scope="module")
def sample_tally():
    tally = Tally()
    for article in split_articles("dev", 12):
        tally.add(score_article(article, analysis_found(article.text)))
    return tally


def test_the_sample_is_the_one_the_floors_were_set_on(sample_tally):
    assert sample_tally.sourced == 218


def test_recall_on_the_dev_sample_holds(sample_tally):
    assert sample_tally.recall >= 0.58


def test_precision_on_the_dev_sample_holds(sample_tally):
    assert sample_tally.precision >= 0.76
