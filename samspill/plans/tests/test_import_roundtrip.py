"""Every export re-imports without loss: the Word document of a version, read back, gives the
same chapters and measures; the import page saves nothing until confirmed."""

from pathlib import Path

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.plans import services, word
from samspill.plans.demo_plan import polyfon_2026
from samspill.plans.imports import parse_plan_docx, propose_repairs
from samspill.plans.models import ActionPlan, PlanVersion

pytestmark = pytest.mark.django_db
# The reference plan as OCR gave it (../shared/reference/000_a35a21b113d56bc2.txt).
REFERENCE = Path(__file__).parent / "data" / "polyfon-handlingsplan-2026-ocr.txt"


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


def _shape(outline):
    return [
        (
            c.numeral,
            c.goal_code,
            c.title,
            c.has_measures,
            c.why,
            c.where_2030,
            c.prerequisites,
            [(m.text, m.start_year, m.status) for m in c.measures],
        )
        for c in outline.chapters
    ]


def test_the_word_document_of_the_reference_plan_reads_back_the_same(plan):
    outline = polyfon_2026()
    version = services.version_create_from_outline(
        plan=plan, outline=outline, year=2026, actor=None
    )
    with scopes_disabled():
        parsed = parse_plan_docx(word.plan_docx(version))
    assert parsed.warnings == []
    assert _shape(parsed.outline) == _shape(outline)
    assert parsed.outline.year == 2026


def test_the_import_page_previews_repairs_and_saves_only_when_confirmed(plan, secretariat_client):
    url = reverse("plans:plan_import", args=["polyfon"])
    text = REFERENCE.read_text(encoding="utf-8")
    data = {"plan": plan.pk, "year": 2026, "text": text, "preview": "1"}
    response = secretariat_client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<del>gst</del> → <ins>Øst</ins>" in page
    assert "10 kapitler" in page
    with scopes_disabled():
        assert not PlanVersion.objects.filter(plan=plan).exists()
    response = secretariat_client.post(url, {**data, "repairs_shown": "1", "confirm": "1"})
    with scopes_disabled():
        version = PlanVersion.objects.get(plan=plan, year=2026)
        assert response.url == version.get_absolute_url()
        assert version.chapters.count() == 10
        assert version.measures.count() == 51
        # Nothing was ticked on the confirmation: no repair is applied.
        assert version.measures.filter(text__startswith="Informasjon om og radgivning").exists()


def test_the_repairs_ticked_are_applied(plan, secretariat_client):
    text = REFERENCE.read_text(encoding="utf-8")
    keys = [r.key for r in propose_repairs(text)]
    secretariat_client.post(
        reverse("plans:plan_import", args=["polyfon"]),
        {
            "plan": plan.pk,
            "year": 2026,
            "text": text,
            "repairs_shown": "1",
            "repair": keys,
            "confirm": "1",
        },
    )
    with scopes_disabled():
        version = PlanVersion.objects.get(plan=plan, year=2026)
        assert version.measures.filter(text__startswith="Informasjon om og rådgivning").exists()
        assert "Øst" in version.chapters.get(numeral="II").where_2030


def test_an_import_without_file_or_text_says_so_at_the_field(plan, secretariat_client):
    url = reverse("plans:plan_import", args=["polyfon"])
    response = secretariat_client.post(url, {"plan": plan.pk, "year": 2026, "text": "  "})
    assert "Last opp en fil eller lim inn teksten i planen." in response.content.decode()


def test_a_text_without_chapters_is_not_saved(plan, secretariat_client):
    url = reverse("plans:plan_import", args=["polyfon"])
    data = {"plan": plan.pk, "year": 2026, "text": "Bare noen ord.", "confirm": "1"}
    response = secretariat_client.post(url, data)
    assert "Fant ingen kapitler: det er ingenting å lagre." in response.content.decode()
    with scopes_disabled():
        assert not PlanVersion.objects.filter(plan=plan).exists()
