"""The first schema: sources, speakers, claims, appearances, links, reviews, audit, keys."""
from peewee import *


def up(migrator, db):
    class ApiKey(Model):
        name = TextField()
        prefix = CharField(index=True, max_length=16)
        key_hash = CharField(unique=True, max_length=64)
        scope = CharField(max_length=8)
        created_at = DateTimeField()
        revoked_at = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'api_key'
    db.create_tables([ApiKey])

    class Claim(Model):
        text = TextField()
        key = TextField(index=True)
        status = CharField(index=True, max_length=16, default='unverified')
        review_state = CharField(index=True, max_length=16, default='untriaged')
        first_seen = DateField(index=True, null=True)
        created_at = DateTimeField(index=True)
        updated_at = DateTimeField(index=True)
        version = IntegerField(default=1)
        class Meta:
            database = db
            table_name = 'claim'
    db.create_tables([Claim])

    class Source(Model):
        url = TextField(unique=True, null=True)
        title = TextField(null=True)
        outlet = TextField(index=True, null=True)
        published = DateField(index=True, null=True)
        text = TextField()
        content_hash = CharField(unique=True, max_length=64)
        language = CharField(max_length=16, default='en')
        created_at = DateTimeField(index=True)
        class Meta:
            database = db
            table_name = 'source'
    db.create_tables([Source])

    class Speaker(Model):
        name = TextField()
        name_key = TextField(index=True)
        kind = CharField(index=True, max_length=16, default='person')
        role = TextField(null=True)
        same_as = TextField(null=True)
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'speaker'
    db.create_tables([Speaker])

    class Appearance(Model):
        claim = ForeignKeyField(Claim, on_delete='CASCADE')
        source = ForeignKeyField(Source, null=True, on_delete='CASCADE')
        speaker = ForeignKeyField(Speaker, null=True, on_delete='SET NULL')
        speaker_mention = TextField(null=True)
        quote = TextField(null=True)
        start = IntegerField(null=True)
        end = IntegerField(null=True)
        kind = CharField(max_length=16, default='narration')
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'appearance'
    db.create_tables([Appearance])

    class ClaimLink(Model):
        claim_a = ForeignKeyField(Claim, on_delete='CASCADE')
        claim_b = ForeignKeyField(Claim, on_delete='CASCADE')
        relation = CharField(index=True, max_length=16)
        origin = CharField(index=True, max_length=16, default='detected')
        score = FloatField(index=True, default=1.0)
        cues = TextField()
        explanation = TextField(null=True)
        kind = CharField(index=True, null=True, max_length=24)
        state = CharField(index=True, max_length=16, default='suggested')
        created_by = TextField(null=True)
        created_at = DateTimeField(index=True)
        reviewed_by = TextField(null=True)
        reviewed_at = DateTimeField(null=True)
        review_reason = TextField(null=True)
        class Meta:
            database = db
            table_name = 'claim_link'
            indexes = ((('claim_a', 'claim_b', 'relation'), True),)
    db.create_tables([ClaimLink])

    class Review(Model):
        claim = ForeignKeyField(Claim, on_delete='CASCADE')
        rating = CharField(max_length=24)
        rating_label = TextField(null=True)
        explanation = TextField(null=True)
        url = TextField(null=True)
        reviewer = TextField(null=True)
        published = DateField(null=True)
        created_by = TextField(null=True)
        created_at = DateTimeField(index=True)
        class Meta:
            database = db
            table_name = 'review'
    db.create_tables([Review])

    class SpeakerAlias(Model):
        speaker = ForeignKeyField(Speaker, on_delete='CASCADE')
        alias = TextField()
        alias_key = TextField(index=True)
        class Meta:
            database = db
            table_name = 'speaker_alias'
            indexes = ((('speaker', 'alias_key'), True),)
    db.create_tables([SpeakerAlias])

    class StatusChange(Model):
        claim = ForeignKeyField(Claim, on_delete='CASCADE')
        field = CharField(max_length=32)
        old = TextField(null=True)
        new = TextField(null=True)
        actor = TextField()
        reason = TextField(null=True)
        at = DateTimeField(index=True)
        class Meta:
            database = db
            table_name = 'status_change'
    db.create_tables([StatusChange])

    # The search index: a claim's text and quotes, FTS5 on SQLite, tsvector + GIN on PostgreSQL.
    if isinstance(db, PostgresqlDatabase):
        db.execute_sql("CREATE TABLE claim_search (claim_id INTEGER PRIMARY KEY "
                       "REFERENCES claim (id) ON DELETE CASCADE, document TSVECTOR NOT NULL)")
        db.execute_sql("CREATE INDEX claim_search_document ON claim_search USING GIN (document)")
    else:
        db.execute_sql("CREATE VIRTUAL TABLE claim_search USING fts5("
                       "document, tokenize = 'porter unicode61 remove_diacritics 2')")
