from django.apps import AppConfig


class CoachConfig(AppConfig):
    """The SMART goal coach: the web, API and command-line faces of `domain.smart`."""

    name = "headway.coach"
    label = "coach"
