"""gunicorn's settings and hooks for `claimtracker serve` (passed as
`--config python:api.serving`)."""

import gc

from analysis.nlp import pipeline
from models.db import checkpoint_in_background

# The longest request line and header gunicorn takes (its own maximum; the default is half):
# every query the API's limits allow fits (a 500-character search in percent-encoded UTF-8 and
# a 1,500-character cursor, with every filter beside them), so the API, not gunicorn, answers a
# bad one, as problem+json.
# Longer lines are refused by gunicorn itself, in plain text (documented in the spec).
limit_request_line = 8190
limit_request_field_size = 8190

# The app and the spaCy pipeline are loaded once, in the master, and shared by the workers it
# forks (each loaded them itself: a server of two workers started on 7.7 s of a core, now 5.5,
# and a worker holds 150 MB, not 169).
preload_app = True


# A worker's full garbage-collection passes run between requests, once this many passes of
# the middle generation have run since the last (Python's own default): about every ten
# ingests, every few thousand reads. A full pass walks the readings and names the analysis
# keeps for the next requests (about 100,000 objects, 80-100 ms on these cores); ingest
# leaves no cycles for it to free.
FULL_PASS_AFTER = 10
_NEVER = 1_000_000_000  # middle-generation passes before Python would make a full one itself


def when_ready(server):
    """In the master, before it forks a worker: load the spaCy pipeline (not in the first
    request: 1.3 s), then take what is loaded (Flask, peewee, spaCy, the app and the model:
    about 115,000 objects) out of the garbage collector's passes: they live as long as the
    workers, and walking them again in every full pass added about 30 ms to the request the
    pass fell in; frozen before the fork, the passes write nothing into the pages the workers
    share."""
    pipeline()
    gc.freeze()


def post_worker_init(worker):
    """Leave a worker's full garbage-collection passes to post_request, out of any request.
    On SQLite, a thread of the worker copies the write-ahead log into the database
    (models.db.checkpoint_in_background) instead of the commit of some request."""
    checkpoint_in_background()
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, _NEVER)


def post_request(worker, req, environ, resp):
    """The full pass, when one is due, once the response is sent."""
    if gc.get_count()[2] >= FULL_PASS_AFTER:
        gc.collect()
