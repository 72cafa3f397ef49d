"""Record which process does each ingest run, and when it last showed a sign of life.

Runs stored before this have no host or process id, and their last sign of life is taken
to be their start, so a run left `running` by a killed process is recognised as abandoned.
"""

from django.db import migrations, models
from django.db.models import F

import msdigest_web.papers.models


def heartbeat_from_start(apps, schema_editor):
    IngestRun = apps.get_model("papers", "IngestRun")
    IngestRun.objects.update(updated_at=F("started_at"))


class Migration(migrations.Migration):
    dependencies = [("papers", "0002_ingest_failures")]

    operations = [
        # Existing rows get no host or pid (not the migrating process's own).
        migrations.AddField(
            model_name="ingestrun",
            name="host",
            field=models.CharField(
                blank=True, default="", help_text="Machine that ran it.", max_length=255
            ),
        ),
        migrations.AlterField(
            model_name="ingestrun",
            name="host",
            field=models.CharField(
                blank=True,
                default=msdigest_web.papers.models.this_host,
                help_text="Machine that ran it.",
                max_length=255,
            ),
        ),
        migrations.AddField(
            model_name="ingestrun",
            name="pid",
            field=models.PositiveIntegerField(
                blank=True, null=True, help_text="Process id on that machine."
            ),
        ),
        migrations.AlterField(
            model_name="ingestrun",
            name="pid",
            field=models.PositiveIntegerField(
                blank=True,
                default=msdigest_web.papers.models.this_process,
                help_text="Process id on that machine.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="ingestrun",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True,
                help_text="Last sign of life: the counts are saved while the run works.",
            ),
        ),
        migrations.RunPython(heartbeat_from_start, migrations.RunPython.noop),
    ]
