from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "headway.assessments"
    label = "assessments"

    def ready(self) -> None:
        from headway.assessments import exports  # noqa: F401  (registers this app's export section)
