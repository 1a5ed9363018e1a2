"""Indexes for every filter in its list order, so a filtered page reads one index range; and
first_seen filled wherever an older write left it empty, so keyset paging can rely on it."""
from peewee import PostgresqlDatabase


def up(migrator, db):
    migrator.migrate(
        migrator.drop_index("claim", "claim_status"),
        migrator.drop_index("claim", "claim_review_state"),
        migrator.add_index("claim", ("status", "created_at", "id"), False),
        migrator.add_index("claim", ("review_state", "created_at", "id"), False),
        migrator.drop_index("appearance", "appearance_speaker_id"),
        migrator.drop_index("appearance", "appearance_source_id"),
        migrator.add_index("appearance", ("speaker_id", "claim_id"), False),
        migrator.add_index("appearance", ("source_id", "claim_id"), False),
        migrator.drop_index("claim_link", "claimlink_relation"),
        migrator.drop_index("claim_link", "claimlink_score"),
        migrator.drop_index("claim_link", "claimlink_state"),
        migrator.add_index("claim_link", ("relation", "score", "id"), False),
        migrator.add_index("claim_link", ("relation", "state", "score", "id"), False),
        migrator.drop_index("source", "source_outlet"),
        migrator.add_index("source", ("outlet", "created_at", "id"), False),
        migrator.drop_index("speaker", "speaker_kind"),
        migrator.add_index("speaker", ("kind", "name_key", "id"), False),
    )
    day = "created_at::date" if isinstance(db, PostgresqlDatabase) else "date(created_at)"
    db.execute_sql(f"UPDATE claim SET first_seen = {day} WHERE first_seen IS NULL")
