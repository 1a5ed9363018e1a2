"""Archive backfills: the articles queued for the workers, each with its state."""
from peewee import *


def up(migrator, db):
    class Source(Model):
        class Meta:
            database = db
            table_name = 'source'

    class Backfill(Model):
        created_at = DateTimeField()
        created_by = TextField()
        total = IntegerField(default=0)
        queued = IntegerField(default=0)
        done = IntegerField(default=0)
        failed = IntegerField(default=0)
        duplicates = IntegerField(default=0)
        started_at = DateTimeField(null=True)
        updated_at = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'backfill'

    class BackfillItem(Model):
        backfill = ForeignKeyField(Backfill, on_delete='CASCADE')
        article = TextField()
        state = CharField(max_length=8, default='queued')
        source = ForeignKeyField(Source, null=True, on_delete='SET NULL')
        error = TextField(null=True)
        attempts = IntegerField(default=0)
        updated_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'backfill_item'
            indexes = ((('backfill', 'state', 'id'), False),)
    db.create_tables([Backfill, BackfillItem])
