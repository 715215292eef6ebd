from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_save


class WebsiteConfig(AppConfig):
    name = "samspill.website"
    label = "website"

    def ready(self) -> None:
        from . import cache

        # The public pages show registry rows, cached (cache.py): any change forgets them.
        for model in apps.get_app_config("clusters").get_models():
            uid = f"samspill.website.cache.{model._meta.label_lower}"
            post_save.connect(cache.registry_changed, sender=model, dispatch_uid=f"{uid}.save")
            post_delete.connect(cache.registry_changed, sender=model, dispatch_uid=f"{uid}.delete")
