"""The read-only API: every operation answers each role as its declared permission says,
its lists page and filter like the web lists, and their query counts stay flat."""

import datetime

import pytest
from django_scopes import scopes_disabled

from samspill.api import api
from samspill.clusters.access import PUBLIC, VIEW
from samspill.clusters.api import LIMIT_MAX, OFFSET_MAX
from samspill.clusters.models import Membership, Organisation, Region
from samspill.clusters.tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
)
from samspill.clusters.tests.factories import registry_rows as _rows
from samspill.conftest import client_for

pytestmark = pytest.mark.django_db

PREFIX = "/api/v1"

EXPECTED = {
    # permission: (anonymous, outsider, member, secretariat)
    PUBLIC: (200, 200, 200, 200),
    VIEW: (404, 404, 200, 200),
}


def _operations():
    """The registry's operations (each app tests its own: governance/tests/test_api.py)."""
    schema = api.get_openapi_schema(path_prefix=PREFIX)
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            if "registry" in operation.get("tags", []):
                yield path, method, operation


def test_api_is_read_only_and_every_operation_declares_its_permission():
    for path, method, operation in _operations():
        assert method == "get", path
        assert operation.get("x-permission") in EXPECTED, path


def test_each_role_gets_what_the_operation_allows(polyfon, member, outsider, secretariat):
    with scopes_disabled():
        organisation = MembershipFactory(cluster=polyfon).organisation
    clients = [client_for(None), client_for(outsider), client_for(member), client_for(secretariat)]
    problems = []
    for path, _, operation in _operations():
        url = path.replace("{cluster}", "polyfon").replace("{pk}", str(organisation.pk))
        for client, status in zip(clients, EXPECTED[operation["x-permission"]], strict=True):
            got = client.get(url).status_code
            if got != status:
                problems.append(f"GET {url}: expected {status}, got {got}")
    assert problems == []


def test_unknown_cluster_and_unpublished_cluster_are_not_found(polyfon):
    anonymous = client_for(None)
    assert anonymous.get(f"{PREFIX}/nowhere/participants").status_code == 404
    polyfon.is_public = False
    polyfon.save()
    response = anonymous.get(f"{PREFIX}/polyfon/participants")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found"}
    assert "polyfon" not in [c["slug"] for c in anonymous.get(f"{PREFIX}/clusters").json()]


def test_organisation_of_another_cluster_is_not_found(polyfon, alrek, secretariat):
    with scopes_disabled():
        theirs = OrganisationFactory(cluster=alrek)
    response = client_for(secretariat).get(f"{PREFIX}/polyfon/organisations/{theirs.pk}")
    assert response.status_code == 404


def test_lists_page_and_filter_like_the_web_lists(polyfon, secretariat):
    with scopes_disabled():
        for name in ("Bergen kommune", "Askøy kommune", "Universitetet i Bergen"):
            MembershipFactory(cluster=polyfon, organisation__name=name)
    client = client_for(secretariat)
    page = client.get(f"{PREFIX}/polyfon/organisations", {"limit": 2}).json()
    assert page["count"] == 3
    assert [o["name"] for o in page["items"]] == ["Askøy kommune", "Bergen kommune"]
    rest = client.get(f"{PREFIX}/polyfon/organisations", {"limit": 2, "offset": 2}).json()
    assert [o["name"] for o in rest["items"]] == ["Universitetet i Bergen"]
    found = client.get(f"{PREFIX}/polyfon/memberships", {"search": "bergen"}).json()
    assert sorted(m["organisation"] for m in found["items"]) == [
        "Bergen kommune",
        "Universitetet i Bergen",
    ]


def test_bad_parameter_is_explained(polyfon, secretariat):
    response = client_for(secretariat).get(f"{PREFIX}/polyfon/organisations", {"limit": "x"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "limit"]


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("limit", 0),
        ("limit", 201),
        ("limit", 10_000),
        ("limit", -1),
        ("offset", -1),
        ("offset", OFFSET_MAX + 1),
        ("offset", 10**30),
    ],
)
def test_page_out_of_bounds_is_refused_not_clamped(parameter, value, polyfon, secretariat):
    response = client_for(secretariat).get(f"{PREFIX}/polyfon/memberships", {parameter: value})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", parameter]


def test_largest_page_and_offset_are_answered(polyfon, secretariat):
    response = client_for(secretariat).get(
        f"{PREFIX}/polyfon/participants", {"limit": LIMIT_MAX, "offset": OFFSET_MAX}
    )
    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize(
    ("path", "parameter", "value"),
    [
        ("organisations", "status", "active"),
        ("organisations", "kind", "kommune"),
        ("memberships", "status", "gone"),
        ("memberships", "kind", "municipality"),
        ("memberships", "year", 99999),
        ("memberships", "year", 1899),
        ("people", "organisation", 0),
        ("people", "search", "x" * 201),
        ("people", "search", "Bergen\x00"),
        ("organisations", "region", "Vest\x00"),
    ],
)
def test_value_outside_the_allowed_ones_is_refused(path, parameter, value, polyfon, secretariat):
    response = client_for(secretariat).get(f"{PREFIX}/polyfon/{path}", {parameter: value})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", parameter]


def _region_pk(cluster, name):
    with scopes_disabled():
        return Region.objects.get(cluster=cluster, name=name).pk


def test_region_by_name_in_any_case_or_by_id(polyfon, secretariat):
    with scopes_disabled():
        vest = Region.objects.get(cluster=polyfon, name="Vest")
        nord = Region.objects.get(cluster=polyfon, name="Nord")
        for name, region in (("Voss herad", vest), ("Bodø kommune", nord)):
            MembershipFactory(cluster=polyfon, organisation__name=name, organisation__region=region)
    client = client_for(secretariat)
    for value in ("Vest", "vest", " VEST ", str(vest.pk)):
        for path in ("organisations", "memberships"):
            page = client.get(f"{PREFIX}/polyfon/{path}", {"region": value}).json()
            assert [item["region"] for item in page["items"]] == ["Vest"], (path, value)
    assert client.get(f"{PREFIX}/polyfon/organisations", {"region": ""}).json()["count"] == 2


def test_unknown_region_is_explained(polyfon, alrek, secretariat):
    with scopes_disabled():
        theirs = Region.objects.filter(cluster=alrek).first()
    client = client_for(secretariat)
    for value in ("Vestlandet", "abc", str(theirs.pk), "99999999999999999999"):
        response = client.get(f"{PREFIX}/polyfon/memberships", {"region": value})
        assert response.status_code == 422, value
        [problem] = response.json()["detail"]
        assert problem["loc"] == ["query", "region"]
        assert "no region" in problem["msg"]


def test_unknown_region_of_a_cluster_one_may_not_read_is_not_found(polyfon):
    response = client_for(None).get(f"{PREFIX}/polyfon/memberships", {"region": "abc"})
    assert response.status_code == 404


def test_people_filtered_by_organisation(polyfon, alrek, secretariat):
    with scopes_disabled():
        affiliation = AffiliationFactory(person=PersonFactory(cluster=polyfon))
        AffiliationFactory(person=PersonFactory(cluster=polyfon))
        theirs = OrganisationFactory(cluster=alrek)
    client = client_for(secretariat)
    page = client.get(
        f"{PREFIX}/polyfon/people", {"organisation": affiliation.organisation_id}
    ).json()
    assert [p["id"] for p in page["items"]] == [affiliation.person_id]
    response = client.get(f"{PREFIX}/polyfon/people", {"organisation": theirs.pk})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "organisation"]


def test_empty_filter_is_no_filter(polyfon, secretariat):
    MembershipFactory(cluster=polyfon)
    client = client_for(secretariat)
    for path in ("organisations", "memberships"):
        empty = {"kind": "", "status": "", "region": "", "search": ""}
        assert client.get(f"{PREFIX}/polyfon/{path}", empty).json()["count"] == 1
    assert client.get(f"{PREFIX}/polyfon/memberships", {"year": ""}).json()["count"] == 1


def test_membership_filters(polyfon, secretariat):
    MembershipFactory(cluster=polyfon, joined_on=datetime.date(2025, 3, 1))
    MembershipFactory(cluster=polyfon, kind="observer", joined_on=datetime.date(2024, 3, 1))
    client = client_for(secretariat)
    by_year = client.get(f"{PREFIX}/polyfon/memberships", {"year": 2025}).json()
    assert [m["joined_on"] for m in by_year["items"]] == ["2025-03-01"]
    by_kind = client.get(f"{PREFIX}/polyfon/memberships", {"kind": "observer"}).json()
    assert [m["kind"] for m in by_kind["items"]] == ["observer"]


def test_nul_in_the_cluster_is_not_found(polyfon, secretariat):
    assert client_for(secretariat).get(f"{PREFIX}/pol%00yfon/nodes").status_code == 404


def test_huge_organisation_id_is_not_found(polyfon, secretariat):
    client = client_for(secretariat)
    for pk in (2**63, 10**30, 0):
        response = client.get(f"{PREFIX}/polyfon/organisations/{pk}")
        assert response.status_code == 404, pk


def test_openapi_schema_is_served():
    response = client_for(None).get(f"{PREFIX}/openapi.json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Samspill API"


def test_schema_documents_not_found_and_invalid_for_every_operation():
    schema = api.get_openapi_schema(path_prefix=PREFIX)
    for path, _, operation in _operations():
        for status in (200, 404, 422):
            assert "schema" in operation["responses"][status]["content"]["application/json"], (
                path,
                status,
            )
    components = schema["components"]["schemas"]
    assert components["NotFound"]["properties"]["detail"]["const"] == "Not found"
    assert "loc" in components["Problem"]["properties"]


def test_schema_declares_the_login_session_and_where_it_is_optional():
    schema = api.get_openapi_schema(path_prefix=PREFIX)
    assert schema["components"]["securitySchemes"]["LoginSession"] == {
        "type": "apiKey",
        "in": "cookie",
        "name": "sessionid",
    }
    for path, _, operation in _operations():
        if operation["x-permission"] == PUBLIC:
            assert operation["security"] == [{"LoginSession": []}, {}], path
        else:
            assert operation["security"] == [{"LoginSession": []}], path


def _parameter(path, name):
    [operation] = api.get_openapi_schema(path_prefix=PREFIX)["paths"][PREFIX + path].values()
    [parameter] = [p for p in operation["parameters"] if p["name"] == name]
    schema = parameter["schema"]
    return next((s for s in schema.get("anyOf", []) if s["type"] != "null"), schema)


def test_schema_gives_bounds_and_allowed_values():
    limit = _parameter("/{cluster}/memberships", "limit")
    assert (limit["minimum"], limit["maximum"]) == (1, LIMIT_MAX)
    assert _parameter("/{cluster}/memberships", "offset")["maximum"] == OFFSET_MAX
    assert _parameter("/{cluster}/memberships", "year")["minimum"] == 1900
    assert _parameter("/{cluster}/memberships", "status")["enum"] == ["active", "ended", "all"]
    assert _parameter("/{cluster}/organisations", "status")["enum"] == [
        "member",
        "former",
        "unsigned",
    ]
    assert _parameter("/{cluster}/organisations", "kind")["enum"] == list(Organisation.Kind.values)
    assert _parameter("/{cluster}/memberships", "kind")["enum"] == list(Membership.Kind.values)
    assert _parameter("/{cluster}/people", "search")["maxLength"] == 200


# The number of queries of each list for the secretariat (with two-factor login, as in
# production) and, for the public lists, for an anonymous visitor: the same with one row of
# each kind as with three, whatever another cluster holds.
LISTS = {
    # path: (secretariat, anonymous)
    "clusters": (4, 1),
    "polyfon/participants": (6, 3),
    "polyfon/organisations": (6, None),
    "polyfon/people": (7, None),
    "polyfon/memberships": (6, None),
    "polyfon/nodes": (5, None),
    "polyfon/subgroups": (5, None),
}
COUNTS = [
    (path, persona, count)
    for path, counts in LISTS.items()
    for persona, count in zip(("secretariat", "anonymous"), counts, strict=True)
    if count is not None
]


@pytest.mark.parametrize("rows", [1, 3])
@pytest.mark.parametrize(("path", "persona", "queries"), COUNTS)
def test_list_makes_a_fixed_number_of_queries(
    path, persona, queries, rows, secretariat_with_totp, polyfon, alrek, django_assert_num_queries
):
    client = client_for(secretariat_with_totp if persona == "secretariat" else None)
    url = f"{PREFIX}/{path}"
    _rows(polyfon, rows)
    _rows(alrek, 3, year=2022)
    client.get(url)  # sessions, content types … read once, out of the count
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200, url
