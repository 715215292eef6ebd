"""Data generator and page benchmarks: does a page cost the same with one cluster as with fifty?"""

import os

import django
from django.apps import apps

# `python -m bench.generate` runs outside manage.py, so Django is set up here; inside a
# running project (bench.urls as ROOT_URLCONF, tests) the apps are ready and this does nothing.
if not apps.ready:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samspill.settings")
    django.setup()
