"""The client as a user gets it: installed from client/ into the venv (not imported from the
source tree), driven against a real gunicorn server on each database, set up afresh."""

import importlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.broker import BROKER
from tests.conftest import empty_tables
from tests.servers import cli, running_server

CLIENT_DIR = Path(__file__).resolve().parents[2] / "client"
PACKAGE = "claimtracker_client"


def _installed_copy_is_current() -> bool:
    """True when the venv holds a non-editable install whose modules match client/'s."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        return False
    installed = Path(spec.origin).resolve().parent
    if CLIENT_DIR in installed.parents:
        return False
    return all((installed / module.name).is_file()
               and (installed / module.name).read_bytes() == module.read_bytes()
               for module in (CLIENT_DIR / PACKAGE).glob("*.py"))


def pytest_configure(config):
    """Install ./client (as `pip install ./client` would) when it is missing or stale."""
    if _installed_copy_is_current():
        return
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                           "--disable-pip-version-check", str(CLIENT_DIR)],
                          capture_output=True, text=True, timeout=300)
    importlib.invalidate_caches()
    if done.returncode != 0 or not _installed_copy_is_current():
        raise pytest.UsageError(f"pip install {CLIENT_DIR} failed:\n{done.stderr[-3000:]}")


class Server:
    """A running `claimtracker serve` and keys of each scope for it."""

    def __init__(self, base_url: str, admin_key: str, read_key: str, env: dict):
        self.base_url = base_url
        self.admin_key = admin_key
        self.read_key = read_key
        self.env = env


@pytest.fixture(scope="module")
def server(database_url, backfill_queue, tmp_path_factory):
    """gunicorn on a free port, on the tests' database emptied, then set up (and seeded) by
    the CLI; backfills go to a queue of the session's own."""
    empty_tables()
    where = tmp_path_factory.mktemp("client-server")
    env = {**os.environ, "DATABASE_URL": database_url,
           "READS_NEED_KEY": "false", "PUBLISHER_NAME": "Factdesk",
           "PUBLIC_BASE_URL": "https://claims.example", "BROKER_URL": BROKER,
           "BACKFILL_QUEUE": backfill_queue}
    admin_key = cli(env, "setup")
    read_key = cli(env, "keys", "create", "--name", "reader", "--scope", "read")
    with running_server(env, where / "server.log") as base_url:
        yield Server(base_url, admin_key, read_key, env)


@pytest.fixture
def ct(server):
    """A client with the admin key."""
    from claimtracker_client import ClaimTracker

    with ClaimTracker(server.base_url, server.admin_key, backoff_factor=0) as client:
        yield client


@pytest.fixture
def anonymous(server):
    """A client without a key."""
    from claimtracker_client import ClaimTracker

    with ClaimTracker(server.base_url, backoff_factor=0) as client:
        yield client
