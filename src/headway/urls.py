from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from headway.api import api

# Staff sign in through the one login page, with its two-factor step and limits; the admin's
# own login only sends them there.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("", include("headway.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("settings/", include("headway.accounts.urls")),
    path("plan/", include("headway.plans.urls")),
    path("coach/", include("headway.coach.urls")),
    path("careers/", include("headway.careers.urls")),
    path("me/", include("headway.assessments.urls")),
    path("feedback/", include("headway.feedback.urls")),
    path("network/", include("headway.network.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
