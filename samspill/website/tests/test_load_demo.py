"""`load_demo` loads every app's demo once, refuses to load it twice, and with --reset
deletes the demo clusters and loads them again: the same rows, nothing left over or doubled.
What each app's demo holds is tested in that app (`<app>/tests/test_demo.py`)."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django_scopes import scopes_disabled

DEMO_APPS = ("clusters", "governance", "plans")


def _load(*args) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out, verbosity=0)
    return out.getvalue()


def _counts() -> dict[str, int]:
    with scopes_disabled():
        return {
            model._meta.label: model._base_manager.count()
            for label in DEMO_APPS
            for model in apps.get_app_config(label).get_models()
        }


@pytest.mark.django_db
def test_load_demo_once_and_again_with_reset():
    assert "Demo loaded" in _load()
    loaded = _counts()
    assert loaded["plans.Measure"] > 0 and loaded["governance.Case"] > 0

    assert "already loaded" in _load()
    assert _counts() == loaded

    assert "Demo loaded" in _load("--reset")
    assert _counts() == loaded
