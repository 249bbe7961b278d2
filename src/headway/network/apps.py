from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "headway.network"
    label = "network"
    verbose_name = "Network"

    def ready(self) -> None:
        # Register this app's export section, reminder source and calendar source.
        from headway.network import calendar, exports, reminders  # noqa: F401
