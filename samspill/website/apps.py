from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "samspill.website"
    label = "website"
