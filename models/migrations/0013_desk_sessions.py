"""Sessions of the review desk: an editor signed in with an API key, kept on the server."""
from peewee import *


def up(migrator, db):
    class ApiKey(Model):
        class Meta:
            database = db
            table_name = 'api_key'

    class DeskSession(Model):
        token_hash = CharField(max_length=64, unique=True)
        api_key = ForeignKeyField(ApiKey, on_delete='CASCADE')
        csrf_token = CharField(max_length=64)
        created_at = DateTimeField()
        expires_at = DateTimeField(index=True)
        class Meta:
            database = db
            table_name = 'desk_session'
    db.create_tables([DeskSession])
