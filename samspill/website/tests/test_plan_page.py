"""The public plan page shows each plan's adopted version, never a draft, to everyone; the
adopted plan as PDF; and its query count does not grow with the measures."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.conftest import client_for, pdf_text
from samspill.plans.models import Measure
from samspill.plans.tests.factories import make_plan, plan_with_rows, plans_objects

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
PAGE = reverse("website:plan", args=["polyfon"])


@pytest.fixture
def plan_objects(polyfon) -> dict:
    """The adopted 2026 version and a 2027 draft with a measure of its own and one reworded."""
    found = plans_objects(polyfon)
    draft = found["draft_version"]
    with scopes_disabled():
        Measure.objects.create(
            cluster=polyfon,
            version=draft,
            chapter=found["chapter"],
            text="Bare i utkastet",
            status=Measure.Status.ONGOING,
            start_year=2027,
            position=9,
        )
        reworded = draft.measures.get(text="Søknad om nasjonal kompetansetjeneste")
        reworded.text = "Søknad om nasjonal kompetansetjeneste, omarbeidet i utkastet"
        reworded.save()
    return found


def pdf_url(slug: str) -> str:
    return reverse("website:plan_pdf", args=["polyfon", slug])


@pytest.mark.parametrize("persona", [None, "member", "secretariat"])
def test_the_page_shows_the_adopted_version_and_never_the_draft(plan_objects, persona, request):
    user = request.getfixturevalue(persona) if persona else None
    response = client_for(user).get(PAGE)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Rekruttere klyngedeltakere" in text
    assert "Søknad om nasjonal kompetansetjeneste" in text
    assert "Bare i utkastet" not in text
    assert "omarbeidet i utkastet" not in text
    assert pdf_url("handlingsplan") in text


def test_a_plan_with_only_a_draft_is_not_published(polyfon):
    make_plan(polyfon, adopted_year=None)
    response = client_for(None).get(PAGE, **EN)
    text = response.content.decode()
    assert "No action plan is published yet." in text
    assert "Rekruttere klyngedeltakere" not in text
    assert client_for(None).get(pdf_url("handlingsplan")).status_code == 404


def test_the_adopted_plan_as_pdf(plan_objects):
    response = client_for(None).get(pdf_url("handlingsplan"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "Rekruttere klyngedeltakere" in text
    assert "Bare i utkastet" not in text


@pytest.mark.parametrize("slug", ["ukjent", "handlingsplan-x", "x" * 80])
def test_an_unknown_plan_has_no_pdf(plan_objects, slug):
    assert client_for(None).get(pdf_url(slug)).status_code == 404


@pytest.mark.parametrize("measures", [1, 3])
def test_the_page_keeps_its_query_count(polyfon, measures, django_assert_num_queries):
    plan_with_rows(polyfon, measures)
    client = client_for(None)
    client.get(PAGE)
    cache.clear()
    with django_assert_num_queries(4):
        text = client.get(PAGE).content.decode()
    assert all(f"Tiltak {c}.{n}" in text for c in ("II", "III") for n in range(measures))


def _queries(page: str) -> int:
    client = client_for(None)
    client.get(page)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page).status_code == 200
    return len(queries)


def test_the_page_keeps_its_query_count_with_more_plans(polyfon, alrek):
    """Polyfon with one plan, Alrek with three."""
    plan_with_rows(polyfon, 1)
    for n in range(3):
        plan_with_rows(alrek, 1, slug=f"plan-{n}")
    assert _queries(PAGE) == _queries(reverse("website:plan", args=["alrek"]))
