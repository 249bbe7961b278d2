from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "headway.careers"
    label = "careers"

    def ready(self) -> None:
        from headway.careers import exports  # noqa: F401  (registers this app's export section)
