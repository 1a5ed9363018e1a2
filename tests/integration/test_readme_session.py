"""The README's curl session, run as written against a fresh `claimtracker setup` behind
gunicorn: each command answers 2xx, and the search finds what the README says it does."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.servers import cli, running_server

README = Path(__file__).resolve().parents[2] / "README.md"
pytestmark = pytest.mark.skipif(shutil.which("curl") is None, reason="no curl")


def session_commands() -> list[str]:
    """The curl commands of the README's session, continuation lines (after a backslash, or
    inside a quoted body) joined."""
    text = README.read_text(encoding="utf-8")
    block = text.split("## A session with curl", 1)[1].split("\n\n## ", 1)[0]
    lines = [line[4:] for line in block.splitlines() if line.startswith("    ")]
    commands, current = [], ""
    for line in lines:
        if not current and not line.startswith("curl "):
            continue
        words = line.split("  #")[0].rstrip()
        current += words.removesuffix("\\") + (" " if words.endswith("\\") else "\n")
        if not words.endswith("\\") and current.count("'") % 2 == 0:
            commands.append(current.strip())
            current = ""
    return commands


def test_the_readme_session_works_as_written(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'claims.db'}"}
    key = cli(env, "setup")
    commands = session_commands()
    assert len(commands) >= 8
    with running_server(env, tmp_path / "server.log") as base:
        for command in commands:
            command = command.replace("http://127.0.0.1:8000", base)
            done = subprocess.run(["bash", "-c", command + " -w '\\n%{http_code}'"],
                                  env={**env, "KEY": key}, capture_output=True, text=True,
                                  timeout=60)
            body, _, status = done.stdout.rpartition("\n")
            assert status.startswith("2"), (command, status, body[-500:])
            if "q=" in command:
                found = json.loads(body)["items"]
                assert found and all(re.search("defen[cs]e", c["text"], re.I)
                                     for c in found), command
