from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "msdigest_web.articles"
    label = "articles"
    verbose_name = "Articles and review"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from msdigest_web.articles.models import Article

        def drop_from_search(sender: type, instance: Article, **kwargs: object) -> None:
            from msdigest_web.articles.search import remove_from_index

            remove_from_index([instance.pk])

        post_delete.connect(drop_from_search, sender=Article, dispatch_uid="article-search")
