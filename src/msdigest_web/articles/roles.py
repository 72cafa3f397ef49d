"""The editorial roles as Django groups: Editors and Reviewers, and what each may do.

Migration 0003 creates them on every new database; `ensure_roles` re-creates them when a
database lost them (a test flush, an administrator's slip), from this same table.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

ROLES = {
    "Editors": [
        "articles.view_article",
        "articles.change_article",
        "articles.publish_article",
        "articles.view_reviewqueue",
        "articles.change_reviewqueue",
        "articles.view_articleversion",
        "articles.view_reviewcomment",
        "articles.add_reviewcomment",
        "papers.view_paper",
    ],
    "Reviewers": [
        "articles.view_article",
        "articles.approve_article",
        "articles.view_reviewqueue",
        "articles.view_articleversion",
        "articles.view_reviewcomment",
        "articles.add_reviewcomment",
        "papers.view_paper",
    ],
}


def ensure_roles() -> dict[str, Group]:
    """Create the role groups if missing and give each exactly its permissions."""
    groups = {}
    for name, wanted in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = []
        for dotted in wanted:
            app_label, codename = dotted.split(".")
            permissions.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(permissions)
        groups[name] = group
    return groups
