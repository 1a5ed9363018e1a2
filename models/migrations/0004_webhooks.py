"""Webhooks, their deliveries, and every delivery attempt."""
from peewee import *


def up(migrator, db):
    class Event(Model):
        class Meta:
            database = db
            table_name = 'event'

    class Webhook(Model):
        url = TextField()
        events = TextField()
        secret = CharField(max_length=80)
        active = BooleanField(default=True)
        created_by = TextField(null=True)
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'webhook'
    db.create_tables([Webhook])

    class Delivery(Model):
        webhook = ForeignKeyField(Webhook, on_delete='CASCADE')
        event = ForeignKeyField(Event, on_delete='CASCADE')
        state = CharField(max_length=16, default='pending')
        attempts = IntegerField(default=0)
        next_attempt_at = DateTimeField()
        locked_until = DateTimeField(null=True)
        delivered_at = DateTimeField(null=True)
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'delivery'
            indexes = ((('state', 'next_attempt_at'), False),)
    db.create_tables([Delivery])

    class Attempt(Model):
        delivery = ForeignKeyField(Delivery, on_delete='CASCADE')
        at = DateTimeField()
        status_code = IntegerField(null=True)
        error = TextField(null=True)
        duration_ms = IntegerField()
        class Meta:
            database = db
            table_name = 'attempt'
    db.create_tables([Attempt])
