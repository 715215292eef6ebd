"""Governance's API answers what the pages would show: bodies with members, meetings with the
cases the caller may see, and the decision register."""

import pytest
from django_scopes import scopes_disabled

from samspill.api import api
from samspill.conftest import client_for
from samspill.governance import services
from samspill.governance.models import Role
from samspill.governance.permissions import VIEW_BODIES

from .factories import appoint, make_body, meeting_at

pytestmark = pytest.mark.django_db
PREFIX = "/api/v1"
# permission: (anonymous, outsider, member, secretariat)
EXPECTED = {VIEW_BODIES: (404, 404, 200, 200)}


@pytest.fixture
def board(polyfon):
    body = make_body(polyfon, name="Styringsgruppa", slug="styre")
    appoint(body, role=Role.CHAIR)
    meeting = meeting_at(body, 2026, 3, 4, standard_cases=False)
    with scopes_disabled():
        open_case = services.case_add(meeting=meeting, title="Budsjett 2026", actor=None)
        open_case.decision = "Budsjettet vedtas."
        open_case.save()
        secret = services.case_add(
            meeting=meeting,
            title="Personalsak Hemmelig",
            restricted=True,
            legal_ground="offl. § 13",
            actor=None,
        )
        secret.decision = "Hemmelig vedtak."
        secret.save()
    return body


def _operations():
    schema = api.get_openapi_schema(path_prefix=PREFIX)
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            if "governance" in operation.get("tags", []):
                yield path, method, operation


def test_each_role_gets_what_the_operation_allows(board, member, outsider, secretariat):
    clients = [client_for(None), client_for(outsider), client_for(member), client_for(secretariat)]
    problems = []
    operations = list(_operations())
    assert len(operations) == 3
    for path, method, operation in operations:
        assert method == "get"
        url = path.replace("{cluster}", "polyfon").replace("{body}", "styre")
        for client, status in zip(clients, EXPECTED[operation["x-permission"]], strict=True):
            got = client.get(url).status_code
            if got != status:
                problems.append(f"GET {url}: expected {status}, got {got}")
    assert problems == []


def test_bodies_with_their_members(board, member):
    (body,) = client_for(member).get(f"{PREFIX}/polyfon/bodies").json()
    assert body["slug"] == "styre"
    assert [m["role"] for m in body["members"]] == ["chair"]


def test_meetings_and_decisions_show_restricted_cases_only_to_those_who_may_see_them(
    board, member, secretariat
):
    meetings = client_for(secretariat).get(f"{PREFIX}/polyfon/bodies/styre/meetings").json()
    assert [c["title"] for c in meetings[0]["cases"]] == ["Budsjett 2026", "Personalsak Hemmelig"]
    meetings = client_for(member).get(f"{PREFIX}/polyfon/bodies/styre/meetings").json()
    assert [c["title"] for c in meetings[0]["cases"]] == ["Budsjett 2026"]
    decisions = client_for(member).get(f"{PREFIX}/polyfon/decisions").json()
    assert [d["decision"] for d in decisions["items"]] == ["Budsjettet vedtas."]
    found = client_for(secretariat).get(f"{PREFIX}/polyfon/decisions", {"search": "hemmelig"})
    assert [d["code"] for d in found.json()["items"]] == ["02-26"]


def test_unknown_body_and_bad_year_are_explained(board, secretariat):
    client = client_for(secretariat)
    assert client.get(f"{PREFIX}/polyfon/bodies/ukjent/meetings").status_code == 404
    assert client.get(f"{PREFIX}/polyfon/decisions", {"year": "tjue"}).status_code == 422
    assert client.get(f"{PREFIX}/polyfon/decisions", {"body": "\x00"}).status_code == 422
    assert client.get(f"{PREFIX}/polyfon/decisions", {"body": ""}).status_code == 200
    assert client.get(f"{PREFIX}/polyfon/bodies/%00/meetings").status_code == 404
