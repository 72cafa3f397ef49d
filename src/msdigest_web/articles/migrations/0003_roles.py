"""Create the two editorial roles as groups: Editors and Reviewers (see docs/editors.md)."""

from django.db import migrations

EDITORS = [
    ("articles", "view_article"),
    ("articles", "change_article"),
    ("articles", "publish_article"),
    ("articles", "view_reviewqueue"),
    ("articles", "change_reviewqueue"),
    ("articles", "view_articleversion"),
    ("articles", "view_reviewcomment"),
    ("articles", "add_reviewcomment"),
    ("papers", "view_paper"),
]
REVIEWERS = [
    ("articles", "view_article"),
    ("articles", "approve_article"),
    ("articles", "view_reviewqueue"),
    ("articles", "view_articleversion"),
    ("articles", "view_reviewcomment"),
    ("articles", "add_reviewcomment"),
    ("papers", "view_paper"),
]


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now so the
    # groups can hold them on a fresh database.
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in (("Editors", EDITORS), ("Reviewers", REVIEWERS)):
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in wanted:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            group.permissions.add(permission)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Reviewers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_search_index"),
        ("papers", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
