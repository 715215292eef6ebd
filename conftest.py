"""Test settings that differ from development: tasks run immediately, hashing is fast."""

import os

from django.conf import settings
from django.core.signals import setting_changed
from hypothesis import settings as hypothesis_settings

settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Tasks defined while Django set up have already read TASKS; tell the handler it changed.
setting_changed.send(sender=None, setting="TASKS", value=settings.TASKS, enter=True)
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
settings.SECURE_SSL_REDIRECT = False
# Most tests, the browser tests among them, log in as a secretariat without TOTP; the tests of
# the rule turn it on (fixture `secretariat_2fa` in samspill/conftest.py).
settings.SAMSPILL_SECRETARIAT_2FA = False

# Uploaded files from tests land in a throwaway folder.
settings.MEDIA_ROOT = __import__("tempfile").mkdtemp(prefix="samspill-media-")

# The test database is SQLite in memory, one connection shared with the live server's threads:
# the file options (IMMEDIATE transactions, busy timeout) are for several processes and are
# tested on a file of their own (samspill/common/tests/test_worker_and_sqlite.py).
if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    settings.DATABASES["default"]["OPTIONS"] = {}

# Property-based tests: a few examples each in every run (they run twice in CI, on SQLite and
# PostgreSQL); HYPOTHESIS_PROFILE=thorough tries many more, for a run before a release.
hypothesis_settings.register_profile("default", max_examples=10, deadline=None)
hypothesis_settings.register_profile("thorough", max_examples=200, deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
