"""Make the search index follow article deletions by triggers, not by a foreign key.

`articles_search` (migration 0002) is an index that code in `articles/search.py` keeps up
to date. On PostgreSQL it had a foreign key to `articles_article`, and PostgreSQL refuses
to TRUNCATE a table that another table references unless both are truncated together.
Django's `flush` (run between transactional tests, and by `manage.py flush`) truncates
only the tables of its models, so it failed. Without the foreign key the index could keep
rows of articles deleted behind Django's back (a flush, raw SQL), and a new article that
got the same id would inherit them; so database triggers now remove those rows:

* PostgreSQL: a row trigger on DELETE and a statement trigger on TRUNCATE.
* SQLite: a row trigger on DELETE (Django's flush deletes row by row there).

Deleting through Django still removes the row in code too (`articles/apps.py`), which is
harmless: the trigger has already done it.
"""

from django.db import migrations

POSTGRES_FORWARD = [
    # The constraint was created unnamed in 0002, so look its name up.
    """
    DO $$
    DECLARE name text;
    BEGIN
        FOR name IN
            SELECT conname FROM pg_constraint
            WHERE conrelid = 'articles_search'::regclass AND contype = 'f'
        LOOP
            EXECUTE format('ALTER TABLE articles_search DROP CONSTRAINT %I', name);
        END LOOP;
    END $$
    """,
    "DELETE FROM articles_search WHERE article_id NOT IN (SELECT id FROM articles_article)",
    """
    CREATE OR REPLACE FUNCTION articles_search_forget_deleted() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM articles_search WHERE article_id = OLD.id;
        RETURN NULL;
    END $$
    """,
    """
    CREATE OR REPLACE FUNCTION articles_search_forget_truncated() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE articles_search;
        RETURN NULL;
    END $$
    """,
    "DROP TRIGGER IF EXISTS articles_search_delete ON articles_article",
    "CREATE TRIGGER articles_search_delete AFTER DELETE ON articles_article"
    " FOR EACH ROW EXECUTE FUNCTION articles_search_forget_deleted()",
    "DROP TRIGGER IF EXISTS articles_search_truncate ON articles_article",
    "CREATE TRIGGER articles_search_truncate AFTER TRUNCATE ON articles_article"
    " FOR EACH STATEMENT EXECUTE FUNCTION articles_search_forget_truncated()",
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS articles_search_truncate ON articles_article",
    "DROP TRIGGER IF EXISTS articles_search_delete ON articles_article",
    "DROP FUNCTION IF EXISTS articles_search_forget_truncated()",
    "DROP FUNCTION IF EXISTS articles_search_forget_deleted()",
    "DELETE FROM articles_search WHERE article_id NOT IN (SELECT id FROM articles_article)",
    "ALTER TABLE articles_search ADD FOREIGN KEY (article_id) REFERENCES articles_article (id)"
    " ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED",
]
SQLITE_FORWARD = [
    "DELETE FROM articles_search WHERE rowid NOT IN (SELECT id FROM articles_article)",
    "CREATE TRIGGER IF NOT EXISTS articles_search_delete AFTER DELETE ON articles_article"
    " BEGIN DELETE FROM articles_search WHERE rowid = old.id; END",
]
SQLITE_BACKWARD = ["DROP TRIGGER IF EXISTS articles_search_delete"]


def _run(schema_editor, postgres: list[str], sqlite: list[str]) -> None:
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": postgres, "sqlite": sqlite}.get(vendor)
    if statements is None:
        raise RuntimeError(f"msdigest search supports SQLite and PostgreSQL, not {vendor}")
    for statement in statements:
        schema_editor.execute(statement, params=None)  # "%" in SQL is not a placeholder


def forward(apps, schema_editor):
    _run(schema_editor, POSTGRES_FORWARD, SQLITE_FORWARD)


def backward(apps, schema_editor):
    _run(schema_editor, POSTGRES_BACKWARD, SQLITE_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_list_indexes")]

    operations = [migrations.RunPython(forward, backward)]
