"""Schema migrations: numbered scripts in models/migrations, applied in order, recorded by name."""

from pathlib import Path

from playhouse.migrations import Runner
from playhouse.schema_diff import diff_models

from models import TABLES
from models.db import database

MIGRATIONS = Path(__file__).parent / "migrations"


def migrate() -> list[str]:
    """Apply every pending migration; return the names applied."""
    return Runner(database.obj, str(MIGRATIONS)).up()


def applied() -> list[str]:
    """The names of the migrations applied to the bound database, in order."""
    return [m.name for m in Runner(database.obj, str(MIGRATIONS)).status() if m.applied]


def pending() -> list[str]:
    return [m.name for m in Runner(database.obj, str(MIGRATIONS)).status() if not m.applied]


def drift():
    """What differs between the migrated schema and the models (falsy when nothing does)."""
    return diff_models(database.obj, TABLES)
