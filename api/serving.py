"""gunicorn's hooks for `claimtracker serve` (passed as `--config python:api.serving`)."""

import gc

from analysis.nlp import pipeline


def post_worker_init(worker):
    """Load the spaCy pipeline before the first request (not in it: 1.3 s), then take what the
    worker has loaded (Flask, peewee, spaCy, the app and the model: about 115,000 objects)
    out of the garbage collector's full passes: they live as long as the worker, and walking
    them again in every pass added about 30 ms to the request the pass fell in."""
    pipeline()
    gc.freeze()
