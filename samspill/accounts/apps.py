from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "samspill.accounts"
    label = "accounts"

    def ready(self) -> None:
        from allauth.account.signals import password_reset

        from .throttle import clear_after_password_reset

        password_reset.connect(clear_after_password_reset, dispatch_uid="samspill-throttle")
