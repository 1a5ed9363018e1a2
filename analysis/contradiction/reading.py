"""Reading one claim into its parts, once: tokens, quantities and units, then the marking
passes in order. Cached, since one claim is scored in many pairs."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from analysis.casing import in_capitals, truecase
from analysis.contradiction.named import (
    _mark_desired,
    _mark_named,
    _mark_negated_phrases,
    _mark_open,
    _mark_subjects,
)
from analysis.contradiction.polarity import (
    _hand_on_refusals,
    _mark_light,
    _mark_reversals,
    _polarity,
)
from analysis.contradiction.quantities import _quantities, _Quantity
from analysis.contradiction.reporting import _mark_attribution, _mark_denials, _mark_reported
from analysis.contradiction.tokens import _tokens
from analysis.contradiction.units import _Claim, _Unit, _units

# Claims are a sentence or two; beyond this the scorer reads only the start.
MAX_CHARS = 5_000


# A reading weighs 10-20 KB: room for the claims of a few ingests and their candidates, a
# bounded share of a worker's memory (4,096 grew each worker by some 80 MB over a long run).
@lru_cache(maxsize=1024)
def _read(text: str) -> _Claim:
    """A claim's tokens, units and quantities, read once however many pairs it is in (never
    change what this returns)."""
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS]).replace("’", "'").replace("‘", "'")
    if in_capitals(text):  # a claim of copy in capitals: its names and sentence put back
        text = truecase(text)
    tokens = _tokens(text)
    quantities, used = _quantities(tokens)
    units = _units(tokens, used)
    _mark_reversals(units)
    _mark_light(units)
    _mark_denials(units, tokens)
    _mark_attribution(units)
    _mark_reported(units, tokens, text)
    _mark_named(units)
    _mark_subjects(units)
    _mark_desired(units)
    _mark_negated_phrases(units)
    _polarity(units)
    _hand_on_refusals(units)
    _mark_open(units)
    hedges = [u.low for u in units if u.kind == "hedge" and not u.speaker]
    reported = {i for u in units if u.reported for i in range(u.first, u.last)}
    for quantity in quantities:
        quantity.frame = frozenset(_frame(units, quantity))
        quantity.reported = quantity.first in reported
    return _Claim(text, tokens, units, quantities, hedges)


def _frame(units: list[_Unit], quantity: _Quantity) -> set[str]:
    """Keys of the content words within four tokens of a quantity, in its clause."""
    keys: set[str] = set()
    for unit in units:
        near = quantity.first - 4 <= unit.first < quantity.last + 4
        if near and unit.kind == "word" and not unit.speaker and unit.key != quantity.unit:
            keys |= unit.keys
    return keys
