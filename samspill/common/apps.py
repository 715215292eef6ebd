from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "samspill.common"
    label = "common"
