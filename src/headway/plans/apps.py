from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "headway.plans"
    label = "plans"

    def ready(self) -> None:
        from headway.plans import exports  # noqa: F401  (registers this app's export section)
