from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "msdigest_web.articles"
    label = "articles"
    default_auto_field = "django.db.models.BigAutoField"
