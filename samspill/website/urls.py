from django.urls import path

from samspill.governance import urls as _governance_urls  # noqa: F401 (the meeting converter)

from . import views

app_name = "website"

urlpatterns = [
    path("", views.cluster_home, name="cluster_home"),
    path("participants/", views.participants, name="participants"),
    path("governance/", views.bodies, name="bodies"),
    path("plan/", views.plan, name="plan"),
    path("plan/<slug:plan>.pdf", views.plan_pdf, name="plan_pdf"),
    path("governance/<slug:body>/<meeting:meeting>/minutes.pdf", views.minutes, name="minutes_pdf"),
]
