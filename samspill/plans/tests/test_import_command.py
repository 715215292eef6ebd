"""manage.py import_plan: what an office moving many plans runs; --dry-run saves nothing."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django_scopes import scopes_disabled

from samspill.plans.models import ActionPlan, PlanVersion

pytestmark = pytest.mark.django_db
REFERENCE = Path(__file__).parent / "data" / "polyfon-handlingsplan-2026-ocr.txt"


def _run(*args) -> str:
    out = StringIO()
    call_command("import_plan", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def plan(polyfon):
    with scopes_disabled():
        return ActionPlan.objects.create(
            cluster=polyfon,
            title="Handlingsplan 2025-2030",
            slug="plan",
            period_start=2025,
            period_end=2030,
        )


def test_a_dry_run_prints_chapters_measures_and_repairs_and_saves_nothing(plan):
    printed = _run("polyfon", str(REFERENCE), "--dry-run")
    assert "10 chapters found:" in printed
    assert "gst → Øst" in printed
    assert "[2026] (prioritised) Utarbeiding av prosjektplan for OPPTAKT" in printed
    assert "Dry run: nothing is saved." in printed
    with scopes_disabled():
        assert not PlanVersion.objects.exists()


def test_the_import_saves_a_draft_with_the_repairs_asked_for(plan):
    printed = _run("polyfon", str(REFERENCE), "--plan", "plan", "--year", "2026", "--repair")
    assert "Saved as a draft" in printed
    with scopes_disabled():
        version = PlanVersion.objects.get(plan=plan)
        assert version.status == "draft"
        assert version.measures.count() == 51
        assert version.measures.filter(text__contains="regionene Øst, Sør og Vest").exists()


def test_an_unknown_cluster_or_plan_is_a_clear_error(plan):
    with pytest.raises(CommandError, match="No cluster has the address 'nowhere'"):
        _run("nowhere", str(REFERENCE), "--dry-run")
    with pytest.raises(CommandError, match="has no plan with the address 'other'"):
        _run("polyfon", str(REFERENCE), "--plan", "other", "--year", "2026")
