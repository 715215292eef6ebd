"""The plan pages: their query counts stay the same with more rows, the draft's buttons, and
what a refused change shows (the messages next to the fields, the typed text kept)."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.clusters.tests.factories import OrganisationFactory
from samspill.conftest import client_for
from samspill.plans import services
from samspill.plans.models import Measure

from .factories import make_plan, plan_with_rows, plans_objects

pytestmark = pytest.mark.django_db
S = Measure.Status


def field_error(response, name: str) -> str:
    """The message shown under the form field `name` (samspill.py: ds_field)."""
    found = re.search(rf'id="id_{name}_error">(.*?)</p>', response.content.decode(), re.S)
    return html.unescape(found[1]) if found else ""


def url(name: str, version, **kwargs) -> str:
    return reverse(name, kwargs={**version.url_kwargs(), **kwargs})


@pytest.fixture
def plan_objects(polyfon) -> dict:
    return plans_objects(polyfon)


# Query counts -------------------------------------------------------------------------------
# Tests run in a transaction that has changed the cluster, so no part is kept: each count is
# the page made anew. The first request reads what every page reads once (content types).


def _version(plan, year):
    with scopes_disabled():
        return plan.versions.get(year=year)


@pytest.mark.parametrize("plans", [1, 3])
def test_plan_list_keeps_its_query_count(polyfon, member, plans, django_assert_num_queries):
    for n in range(plans):
        plan_with_rows(polyfon, 1, slug=f"plan-{n}")
    client = client_for(member)
    page = reverse("plans:plan_list", args=["polyfon"])
    client.get(page)
    with django_assert_num_queries(7):
        response = client.get(page)
    assert response.content.decode().count("/2027/") == plans


@pytest.mark.parametrize("measures", [1, 3])
@pytest.mark.parametrize("persona", ["member", "secretariat"])
def test_version_page_keeps_its_query_count(
    polyfon, persona, measures, request, django_assert_num_queries
):
    """Made anew (tests run in a transaction that keeps nothing): the secretariat's draft
    reads one more thing, which measures are new in it and may be removed. (Measures linked
    to decisions: the test below.)"""
    draft = _version(plan_with_rows(polyfon, measures, decisions=False), 2027)
    client = client_for(request.getfixturevalue(persona))
    page = draft.get_absolute_url()
    client.get(page)
    with django_assert_num_queries(12 if persona == "secretariat" else 11):
        response = client.get(page)
    text = response.content.decode()
    assert text.count('class="measure-links') == 2 * measures  # two chapters with a table
    assert text.count('class="measure-tools"') == (2 * measures if persona == "secretariat" else 0)


def _queries(client, page: str) -> int:
    client.get(page)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page).status_code == 200
    return len(queries)


def test_version_page_keeps_its_query_count_with_decisions(polyfon, member):
    small = _version(plan_with_rows(polyfon, 1, slug="liten"), 2027)
    large = _version(plan_with_rows(polyfon, 3, slug="stor"), 2027)
    client = client_for(member)
    assert _queries(client, small.get_absolute_url()) == _queries(client, large.get_absolute_url())


@pytest.mark.parametrize("measures", [1, 3])
def test_changes_page_keeps_its_query_count(polyfon, member, measures, django_assert_num_queries):
    draft = _version(plan_with_rows(polyfon, measures), 2027)
    with scopes_disabled():
        for measure in draft.measures.all():
            measure.text += " og mer"
            measure.save()
    client = client_for(member)
    page = url("plans:version_changes", draft)
    client.get(page)
    with django_assert_num_queries(7):
        response = client.get(page)
    assert response.content.decode().count("<ins>og mer</ins>") == 2 * measures


@pytest.mark.parametrize("measures", [1, 3])
def test_coordination_page_keeps_its_query_count(
    polyfon, member, measures, django_assert_num_queries
):
    draft = _version(plan_with_rows(polyfon, measures), 2027)
    client = client_for(member)
    page = url("plans:coordination", draft)
    client.get(page)
    with django_assert_num_queries(7):
        response = client.get(page)
    assert response.content.decode().count('id="org-') == 2 * measures


def test_the_rolled_draft_keeps_who_works_on_each_measure(polyfon, member):
    plan, adopted = make_plan(polyfon)
    with scopes_disabled():
        measure = adopted.measures.get(text="Rekruttere klyngedeltakere")
        measure.organisations.add(OrganisationFactory(cluster=polyfon, name="Musikkhøgskolen"))
    draft = services.rolling_start(plan=plan, year=2027, actor=None)
    response = client_for(member).get(url("plans:coordination", draft))
    assert "Musikkhøgskolen" in response.content.decode()


# The draft's buttons and forms -------------------------------------------------------------

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_taking_up_a_candidate_starts_it_in_the_drafts_year(plan_objects, secretariat):
    draft = plan_objects["draft_version"]
    with scopes_disabled():
        candidate = draft.measures.get(text="Nettverk for erfaringsskoler")
    assert (candidate.status, candidate.start_year) == (S.CANDIDATE, None)
    page = url("plans:measure_action", draft, pk=candidate.pk, action="take_up")
    response = client_for(secretariat).post(page)
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert (candidate.status, candidate.start_year) == (S.ONGOING, 2027)


def test_a_measure_of_the_adopted_version_cannot_be_changed(plan_objects, secretariat):
    adopted = plan_objects["adopted_version"]
    with scopes_disabled():
        measure = adopted.measures.select_related("chapter").get(text="Rekruttere klyngedeltakere")
    data = {
        "chapter": measure.chapter_id,
        "text": "Rekruttere flere klyngedeltakere",
        "start_year": 2025,
        "status": S.ONGOING,
    }
    page = url("plans:measure_edit", adopted, pk=measure.pk)
    response = client_for(secretariat).post(page, data, **EN)
    assert response.status_code == 200
    assert "The 2026 version is adopted and can no longer be changed." in response.content.decode()
    assert response.context["form"]["text"].value() == "Rekruttere flere klyngedeltakere"
    assert "Rekruttere flere klyngedeltakere</textarea>" in response.content.decode()
    measure.refresh_from_db()
    assert measure.text == "Rekruttere klyngedeltakere"


@pytest.mark.parametrize(
    ("field", "typed", "kept"),
    [
        ("text", {"text": "", "start_year": "2027"}, ("start_year", "2027")),
        ("start_year", {"text": "Nytt tiltak", "start_year": "2031"}, ("text", "Nytt tiltak")),
    ],
)
def test_a_refused_measure_shows_why_next_to_the_field(
    plan_objects, secretariat, field, typed, kept
):
    draft, chapter = plan_objects["draft_version"], plan_objects["chapter"]
    data = {"chapter": chapter.pk, "status": S.ONGOING, **typed}
    page = url("plans:measure_create", draft, pk=chapter.pk)
    with scopes_disabled():
        before = draft.measures.count()
    response = client_for(secretariat).post(page, data, **EN)
    assert response.status_code == 200
    form = response.context["form"]
    assert field_error(response, field) == " ".join(form.errors[field])
    assert form.errors[field]
    assert list(form.errors) == [field]
    assert str(form[kept[0]].value()) == kept[1]
    assert form["status"].value() == S.ONGOING
    with scopes_disabled():
        assert draft.measures.count() == before


def test_the_start_year_of_a_new_measure_lies_within_the_plans_period(plan_objects, secretariat):
    draft, chapter = plan_objects["draft_version"], plan_objects["chapter"]
    data = {"chapter": chapter.pk, "status": S.ONGOING, "text": "Nytt tiltak", "start_year": 2031}
    page = url("plans:measure_create", draft, pk=chapter.pk)
    response = client_for(secretariat).post(page, data, **EN)
    assert field_error(response, "start_year") == (
        "The start year must lie within the plan's period, 2025–2030."
    )


def test_rolling_into_a_year_outside_the_period_is_explained_at_the_year(plan_objects, secretariat):
    plan = plan_objects["plan"]
    page = reverse("plans:rolling_start", kwargs=plan.url_kwargs())
    response = client_for(secretariat).post(page, {"year": 2031}, **EN)
    assert response.status_code == 200
    assert field_error(response, "year") == "The plan runs 2025–2030."
    with scopes_disabled():
        assert sorted(plan.versions.values_list("year", flat=True)) == [2026, 2027]


@pytest.mark.parametrize("year", [2099, 99999, 10**20])
def test_a_year_without_a_version_is_not_found(plan_objects, member, year):
    page = reverse("plans:version_detail", args=["polyfon", "handlingsplan", year])
    assert client_for(member).get(page).status_code == 404


def test_only_a_measure_new_in_the_draft_can_be_removed(plan_objects, secretariat):
    draft = plan_objects["draft_version"]
    with scopes_disabled():
        chapter = draft.chapters.get(numeral="II")
    added = services.measure_save(
        measure=Measure(
            cluster=draft.cluster,
            version=draft,
            chapter=chapter,
            text="Feilført",
            status="candidate",
        ),
        actor=None,
    )
    client = client_for(secretariat)
    page = client.get(draft.get_absolute_url()).content.decode()
    assert page.count(">Fjern</a>") == 1
    remove = reverse("plans:measure_action", kwargs={**added.url_kwargs(), "action": "remove"})
    assert "Fjerne «Feilført»?" in client.get(remove).content.decode()
    client.post(remove)
    with scopes_disabled():
        assert not Measure.objects.filter(pk=added.pk).exists()


def test_the_plans_headings_speak_its_written_standard_whatever_the_page_speaks(
    plan_objects, member
):
    version = plan_objects["adopted_version"]
    page = client_for(member).get(version.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert "All versions" in text  # the page speaks English
    assert "Hvorfor er dette viktig?" in text  # the plan speaks bokmål
    assert "Why does this matter?" not in text
