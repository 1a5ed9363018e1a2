"""A linear model as `make train` writes it (analysis/attribution/train.py): an intercept and
named weights in a JSON file, read once, giving the probability of a set of features."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from functools import cached_property
from pathlib import Path


class LinearModel:
    def __init__(self, path: Path) -> None:
        self.path = path

    @cached_property
    def _data(self) -> dict:
        return json.loads(self.path.read_text(encoding="utf-8"))

    @property
    def _weights(self) -> tuple[float, dict[str, float]]:
        return self._data["intercept"], self._data["weights"]

    @classmethod
    def of(cls, intercept: float, weights: dict[str, float]) -> LinearModel:
        """A model held in memory (a fold of a cross-validation, say)."""
        model = cls(Path())
        model.__dict__["_data"] = {"intercept": intercept, "weights": weights}
        return model

    def extra(self, name: str):
        """A value `make train` wrote beside the weights (a threshold, say)."""
        return self._data[name]

    def reload(self) -> None:
        """Read the file again (after `make train` rewrites it)."""
        self.__dict__.pop("_data", None)

    def probability(self, features: Iterable[str] | Mapping[str, float]) -> float:
        """0..1 for features present (a name each) or valued (a mapping of name to value)."""
        intercept, weights = self._weights
        if isinstance(features, Mapping):
            z = intercept + sum(weights.get(n, 0.0) * v for n, v in features.items())
        else:
            z = intercept + sum(weights.get(n, 0.0) for n in features)
        return 1 / (1 + math.exp(-z))
