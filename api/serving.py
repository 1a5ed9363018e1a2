"""gunicorn's hooks for `claimtracker serve` (passed as `--config python:api.serving`)."""

import gc


def post_worker_init(worker):
    """Take what a worker has loaded (Flask, peewee, spaCy and the app: about 100,000
    objects) out of the garbage collector's full passes: they live as long as the worker, and
    walking them again in every pass added about 30 ms to the request the pass fell in."""
    gc.freeze()
