from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "headway.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from headway.accounts import exports  # noqa: F401  (registers the account section)
