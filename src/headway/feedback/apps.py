from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "headway.feedback"
    label = "feedback"

    def ready(self) -> None:
        from headway.feedback import exports  # noqa: F401  (registers this app's export section)
