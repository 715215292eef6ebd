"""The project's URLs plus a minimal page, the floor that other pages' times are compared with."""

from django.shortcuts import render
from django.urls import path

from samspill.urls import urlpatterns as project_urlpatterns


def minimal(request):
    # The base template alone: what every page pays for layout, session and user, and no more.
    return render(request, "base.html")


# First, or the project's /<cluster>/ pattern would take "bench-minimal" for a cluster's address.
urlpatterns = [path("bench-minimal/", minimal, name="bench_minimal"), *project_urlpatterns]
