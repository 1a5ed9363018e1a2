"""Webhook secrets as Standard Webhooks read them: whsec_ and standard base64. Secrets issued
before were URL-safe base64 without padding ('-' and '_' where standard base64 has '+' and
'/'); each is rewritten to the same key bytes in standard base64, so a receiver holding the
old string verifies with it after replacing '-' by '+' and '_' by '/', and the old
X-Claims-Signature header, still sent, verifies with the old string unchanged."""
import base64


def up(migrator, db):
    rows = db.execute_sql("SELECT id, secret FROM webhook").fetchall()
    for webhook_id, secret in rows:
        encoded = secret.removeprefix("whsec_")
        if "-" not in encoded and "_" not in encoded and not len(encoded) % 4:
            continue  # already standard base64
        key = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        standard = "whsec_" + base64.b64encode(key).decode("ascii")
        db.execute_sql(f"UPDATE webhook SET secret = {db.param} WHERE id = {db.param}",
                       (standard, webhook_id))
