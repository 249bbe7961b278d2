from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "headway.network"
    label = "network"

    def ready(self) -> None:
        from headway.network import exports  # noqa: F401  (registers this app's export section)
