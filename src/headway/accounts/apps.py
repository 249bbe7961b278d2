from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "headway.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # Register the account's export section and the password receivers.
        from headway.accounts import exports, receivers  # noqa: F401
