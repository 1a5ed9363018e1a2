"""flask-smorest's Api with its OpenAPI document written when first read, not when the app is
built: documenting every route converts every schema (about 80 ms of an app's start), which a
CLI command, a test's app or a worker that never serves /openapi.json does not need."""

from __future__ import annotations

import threading
from collections.abc import Callable

from apispec import APISpec
from flask_smorest import Api


class LazySpecApi(Api):
    def __init__(self, app, *, spec_kwargs: dict, finish: Callable[[APISpec], None]):
        self._undocumented: list[tuple] = []  # (blueprint, name, parameters)
        self._finish = finish
        self._writing = threading.Lock()
        super().__init__(app, spec_kwargs=spec_kwargs)

    @property
    def spec(self) -> APISpec | None:
        """The document, with every blueprint registered so far in it, then finished."""
        spec = self._spec
        if self._undocumented:
            with self._writing:
                if self._undocumented:  # not written by another thread meanwhile
                    for blueprint, name, parameters in self._undocumented:
                        blueprint.register_views_in_doc(self, self._app, spec, name=name,
                                                        parameters=parameters)
                        spec.tag({"name": name, "description": blueprint.description})
                    self._finish(spec)
                    self._undocumented = []
        return spec

    @spec.setter
    def spec(self, value: APISpec | None) -> None:
        self._spec = value

    def register_blueprint(self, blp, *, parameters=None, **options):
        """Serve the blueprint's routes now; document them when the spec is first read."""
        name = options.get("name", blp.name)
        self._app.extensions["flask-smorest"]["blp_name_to_api"][name] = self
        self._app.register_blueprint(blp, **options)
        self._undocumented.append((blp, name, parameters))
