"""Data generator and page benchmarks: does a page cost the same with one cluster as with fifty?"""

import os

import django
from django.apps import apps

# `python -m bench.generate` runs outside manage.py, so Django is set up here; inside a
# running project (bench.urls as ROOT_URLCONF, tests) the apps are ready and this does nothing,
# and so it does while Django imports bench.settings (the server `bench.load` starts).
if not apps.ready and os.environ.get("DJANGO_SETTINGS_MODULE") != "bench.settings":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samspill.settings")
    django.setup()
