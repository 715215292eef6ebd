"""The read-only API: every operation answers each role as its declared permission says,
its lists page and filter like the web lists, and their query counts stay flat."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from samspill.api import api
from samspill.clusters.access import PUBLIC, VIEW
from samspill.clusters.tests.factories import MembershipFactory, OrganisationFactory
from samspill.clusters.tests.test_views import _rows
from samspill.conftest import client_for

pytestmark = pytest.mark.django_db

PREFIX = "/api/v1"

EXPECTED = {
    # permission: (anonymous, outsider, member, secretariat)
    PUBLIC: (200, 200, 200, 200),
    VIEW: (404, 404, 200, 200),
}


def _operations():
    schema = api.get_openapi_schema(path_prefix=PREFIX)
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
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
    huge = client.get(f"{PREFIX}/polyfon/organisations", {"limit": 10_000}).json()
    assert huge["limit"] == 200


def test_bad_parameter_is_explained(polyfon, secretariat):
    response = client_for(secretariat).get(f"{PREFIX}/polyfon/organisations", {"limit": "x"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "limit"]


def test_openapi_schema_is_served():
    response = client_for(None).get(f"{PREFIX}/openapi.json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Samspill API"


LISTS = ["participants", "organisations", "people", "memberships", "nodes", "subgroups"]


def _count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("name", LISTS)
def test_list_query_count_does_not_grow_with_rows(name, secretariat, polyfon, alrek):
    client = client_for(secretariat)
    url = f"{PREFIX}/polyfon/{name}"
    _rows(polyfon, 1)
    one = _count(client, url)
    _rows(polyfon, 3, year=2021)
    _rows(alrek, 3, year=2022)
    assert _count(client, url) == one
