"""The event outbox: claim and contradiction events, written with the change that caused them."""
from peewee import *


def up(migrator, db):
    class Event(Model):
        type = CharField(index=True, max_length=32)
        data = TextField()
        created_at = DateTimeField(index=True)
        class Meta:
            database = db
            table_name = 'event'
    db.create_tables([Event])
