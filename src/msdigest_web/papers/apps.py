from django.apps import AppConfig


class PapersConfig(AppConfig):
    name = "msdigest_web.papers"
    label = "papers"
    default_auto_field = "django.db.models.BigAutoField"
