from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "headway.plans"
    label = "plans"
    verbose_name = "Career plan"

    def ready(self) -> None:
        # Register this app's export section, reminder source and calendar source.
        from headway.plans import calendar, exports, reminders  # noqa: F401
