"""The demo's plans: the reference plan as the adopted 2026 version, its 2025 forerunner, and
a draft for 2027 whose changes page has something of every common kind."""

from io import StringIO

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from samspill.plans import changes
from samspill.plans.models import PlanVersion


@pytest.mark.django_db
def test_demo_has_the_reference_plan_adopted_and_a_draft_for_2027():
    call_command("load_demo", stdout=StringIO(), verbosity=0)
    with scopes_disabled():
        versions = {
            v.year: v
            for v in PlanVersion.objects.filter(cluster__slug="polyfon").select_related(
                "adopted_in__body", "plan"
            )
        }
        assert {y: v.status for y, v in versions.items()} == {
            2025: "superseded",
            2026: "adopted",
            2027: "draft",
        }
        adopted = versions[2026]
        assert adopted.adopted_in.code == "17/25"
        assert adopted.adopted_in.body.name == "Styringsgruppa"
        assert adopted.chapters.count() == 10
        assert adopted.measures.filter(status="prioritised").count() == 13
        assert adopted.measures.exclude(status="candidate").count() == 36
        found = changes.version_changes(versions[2027])
        kinds = {change.kind for change in found.items}
        assert {"added", "taken_up", "completed", "prioritised", "reworded"} <= kinds
