"""Reviews say whether their reviewer is a person or an organization, so that ClaimReview
names a person as a Person. Earlier reviews with a reviewer are taken as organizations, as
ClaimReview published them until now."""


def up(migrator, db):
    db.execute_sql("ALTER TABLE review ADD COLUMN reviewer_type VARCHAR(16)")
    db.execute_sql("UPDATE review SET reviewer_type = 'organization' WHERE reviewer IS NOT NULL")
