from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "headway.network"
    label = "network"
    verbose_name = "Network"

    def ready(self) -> None:
        # Register this app's export section, reminder and calendar sources, and receivers.
        from headway.network import calendar, exports, receivers, reminders  # noqa: F401
