from django.urls import path

from . import views

app_name = "website"

urlpatterns = [
    path("", views.cluster_home, name="cluster_home"),
    path("participants/", views.participants, name="participants"),
]
