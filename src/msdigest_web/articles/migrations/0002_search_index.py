"""Create the full-text index table for the database in use (see articles/search.py)."""

from django.db import migrations

SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_search USING fts5("
    "headline, body, source, topics, tokenize = 'porter unicode61 remove_diacritics 2')"
)
POSTGRES_CREATE = [
    "CREATE TABLE IF NOT EXISTS articles_search ("
    " article_id bigint PRIMARY KEY REFERENCES articles_article (id) ON DELETE CASCADE"
    " DEFERRABLE INITIALLY DEFERRED,"
    " document tsvector NOT NULL)",
    "CREATE INDEX IF NOT EXISTS articles_search_document ON articles_search USING GIN (document)",
]


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)
    elif vendor == "postgresql":
        for statement in POSTGRES_CREATE:
            schema_editor.execute(statement)
    else:
        raise RuntimeError(f"msdigest search supports SQLite and PostgreSQL, not {vendor}")


def drop_index(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS articles_search")


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
