"""Search documents folded from British to American spelling, as queries now are: every
claim's document is indexed again, a thousand claims at a time."""
from models.claim import Claim, reindex


def up(migrator, db):
    last = 0
    while True:
        ids = [i for (i,) in Claim.select(Claim.id).where(Claim.id > last)
               .order_by(Claim.id).limit(1000).tuples()]
        if not ids:
            return
        reindex(ids)
        last = ids[-1]
