"""The plans API answers members what the plan pages show them: the plans with their versions,
and a version with its chapters and measures in order, under keys that stay from year to year."""

import pytest

from samspill.api import api
from samspill.conftest import client_for
from samspill.plans.permissions import VIEW_PLANS

from .factories import make_plan, plan_with_rows, plans_objects

pytestmark = pytest.mark.django_db
PREFIX = "/api/v1"
# permission: (anonymous, outsider, member, secretariat)
EXPECTED = {VIEW_PLANS: (404, 404, 200, 200)}


@pytest.fixture
def plan_objects(polyfon) -> dict:
    return plans_objects(polyfon)


def _operations():
    schema = api.get_openapi_schema(path_prefix=PREFIX)
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            if "plans" in operation.get("tags", []):
                yield path, method, operation


def test_the_schema_lists_the_operations():
    found = {path: method for path, method, _operation in _operations()}
    assert found == {
        f"{PREFIX}/{{cluster}}/plans": "get",
        f"{PREFIX}/{{cluster}}/plans/{{plan}}/{{year}}": "get",
    }


@pytest.mark.parametrize("year", [2026, 2027])  # adopted, draft
def test_each_role_gets_what_the_operation_allows(
    plan_objects, member, outsider, secretariat, year
):
    clients = [client_for(None), client_for(outsider), client_for(member), client_for(secretariat)]
    problems = []
    for path, _method, operation in _operations():
        url = path.replace("{cluster}", "polyfon").replace("{plan}", "handlingsplan")
        url = url.replace("{year}", str(year))
        for client, status in zip(clients, EXPECTED[operation["x-permission"]], strict=True):
            got = client.get(url).status_code
            if got != status:
                problems.append(f"GET {url}: expected {status}, got {got}")
    assert problems == []


def test_plans_with_their_versions_newest_first(plan_objects, member):
    (plan,) = client_for(member).get(f"{PREFIX}/polyfon/plans").json()
    assert (plan["slug"], plan["period_start"], plan["period_end"]) == ("handlingsplan", 2025, 2030)
    assert plan["versions"] == [
        {"year": 2027, "status": "draft", "adopted_on": None},
        {"year": 2026, "status": "adopted", "adopted_on": "2025-12-13"},
    ]


def test_a_plan_names_its_strategy(plan_objects, member):
    (plan,) = client_for(member).get(f"{PREFIX}/polyfon/plans").json()
    assert plan["strategy"] == "Strategi 2024-2030"


def test_a_version_has_its_chapters_and_measures_in_order(plan_objects, member):
    version = client_for(member).get(f"{PREFIX}/polyfon/plans/handlingsplan/2026").json()
    assert (version["plan"], version["year"], version["status"]) == (
        "handlingsplan",
        2026,
        "adopted",
    )
    assert [c["numeral"] for c in version["chapters"]] == ["I", "II", "III", "X"]
    chapter = version["chapters"][1]
    assert chapter["why"] == ["Likeverdig tilgang"]
    assert [(m["text"], m["start_year"], m["status"]) for m in chapter["measures"]] == [
        ("Rekruttere klyngedeltakere", 2025, "ongoing"),
        ("Søknad om nasjonal kompetansetjeneste", 2025, "prioritised"),
        ("Nettverk for erfaringsskoler", None, "candidate"),
    ]
    assert version["chapters"][0]["measures"] == []


def test_the_draft_keeps_the_keys_of_the_version_it_was_rolled_from(plan_objects, member):
    client = client_for(member)
    adopted = client.get(f"{PREFIX}/polyfon/plans/handlingsplan/2026").json()
    draft = client.get(f"{PREFIX}/polyfon/plans/handlingsplan/2027").json()
    assert (draft["status"], draft["based_on"]) == ("draft", 2026)

    def keys(version):
        return [
            (c["key"], [(m["key"], m["text"]) for m in c["measures"]]) for c in version["chapters"]
        ]

    assert keys(draft) == keys(adopted)
    assert len({key for key, _measures in keys(draft)}) == 4


def test_a_plan_of_another_cluster_is_not_found(plan_objects, alrek, secretariat):
    make_plan(alrek, slug="alreks-plan")
    client = client_for(secretariat)
    assert client.get(f"{PREFIX}/polyfon/plans/alreks-plan/2026").status_code == 404
    assert [p["slug"] for p in client.get(f"{PREFIX}/polyfon/plans").json()] == ["handlingsplan"]


@pytest.mark.parametrize(
    ("plan", "year", "status"),
    [
        ("handlingsplan", "2025", 404),  # no version that year
        ("handlingsplan", "99999", 404),
        ("handlingsplan", "1899", 404),
        ("handlingsplan", str(10**30), 404),
        ("handlingsplan", "-1", 404),
        ("handlingsplan", "abc", 422),
        ("handlingsplan", "2026.5", 422),
        ("ukjent", "2026", 404),
        ("%00", "2026", 404),
    ],
)
def test_unknown_plan_and_bad_year_are_explained(plan_objects, member, plan, year, status):
    response = client_for(member).get(f"{PREFIX}/polyfon/plans/{plan}/{year}")
    assert response.status_code == status
    if status == 422:
        assert response.json()["detail"][0]["loc"] == ["path", "year"]


@pytest.mark.parametrize("measures", [1, 3])
def test_the_version_keeps_its_query_count(polyfon, member, measures, django_assert_num_queries):
    plan_with_rows(polyfon, measures)
    client = client_for(member)
    address = f"{PREFIX}/polyfon/plans/handlingsplan/2027"
    client.get(address)
    with django_assert_num_queries(13):
        version = client.get(address).json()
    assert [len(c["measures"]) for c in version["chapters"]] == [0, measures, measures, 0]
    assert all(len(m["organisations"]) == 1 for c in version["chapters"] for m in c["measures"])
