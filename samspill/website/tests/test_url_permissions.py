"""Every URL under /<cluster>/ answers each persona as it should, and only the secretariat writes.

The tests walk the whole URL configuration, so a new page is checked as soon as it exists:

- by declaration: every page carries the permission `cluster_view` records, GET answers as that
  permission says, and every page with a <pk> names its test object in OBJECTS
  (samspill/conftest.py, with the test objects and the walk through the URLs);
- by behaviour, trusting no declaration: every unsafe request (POST, PUT, PATCH, DELETE) from a
  persona who may not change the registry (anonymous, outsider, member) carries data the page
  would accept from the secretariat, and must change no row of any table and answer 404 or 405.
  Anonymous visitors may instead be sent to the login page (302), which every non-public page
  does before it looks at the request; that redirect changes nothing either. The same data
  from the secretariat does change rows on every page that writes, so the data is valid;
- another cluster's object under this cluster's address is not found, even for the secretariat.
"""

import datetime
import hashlib
from functools import cache
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.clusters.access import MANAGE, PUBLIC, VIEW
from samspill.clusters.models import (
    Agreement,
    ClusterRole,
    ImportBatch,
    Membership,
    Node,
    Organisation,
)
from samspill.clusters.tests.factories import pdf_upload
from samspill.conftest import OBJECTS, client_for, cluster_patterns, page_url
from samspill.governance.permissions import MANAGE_BODIES, VIEW_BODIES
from samspill.plans.permissions import MANAGE_PLANS, VIEW_PLANS

UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")

# Pages declared `write` whose POST, even from the secretariat, changes nothing (and why).
WRITES_NOTHING_ON_POST = {
    "clusters:import_preview": "shows the checked rows; its button posts to import_confirm",
    "clusters:organisation_delete": "the test organisation has a membership, which keeps it",
    # governance/tests/test_notice.py sends both to a planned meeting, and checks who may.
    "governance:notice_send": "the test meeting is held: it gets no notice",
    "governance:reminders_send": "the test meeting is held: nobody is reminded",
    # governance/tests/test_corrections.py corrects approved minutes.
    "governance:case_correct": "the test meeting's minutes are not approved: no correction",
}

# What would be a valid write --------------------------------------------------------------

# Which `kind` a page's form takes, by the first word of its URL name; the rest share one set.
KINDS = {
    "organisation": Organisation.Kind.MUNICIPALITY,
    "membership": Membership.Kind.PARTICIPANT,
    "agreement": Agreement.Kind.COLLABORATION,
    "import": ImportBatch.Kind.ORGANISATIONS,
}


# Fields of governance forms whose names the registry's forms use with other values.
GOVERNANCE_DATA = {
    "body": {"slug": "ny-gruppe", "kind": "committee", "case_number_format": "{number:02}-{yy}"},
    "appointment": {"role": "member", "person": None},
    "meeting": {"starts_at": "2026-05-04T10:00", "standard_cases": "on", "status": "held"},
    "case": {"kind": "decision", "discussion": "Drøftet.", "revision": 0},
    "attendance": {"status": "present"},
    "followup": {"text": "Ring partnerne", "due_on": "2026-06-01"},
    "poll": {"slot_1": "2026-09-01T10:00", "slot_2": "2026-09-02T10:00"},
    "circulation": {"purpose": "comments", "outcome": "Ingen kommentarer kom."},
    "disqualifications": {"grounds": "Styremedlem i søkeren"},
    "mandate": {"adopted_on": "2026-03-02"},
}


# Fields of plans forms whose names the registry's forms use with other values. A year without
# a version of the test plan (it has 2026 adopted and 2027 in draft), within its period.
PLANS_DATA = {
    "slug": "ny-plan",
    "period_start": 2025,
    "period_end": 2030,
    "language": "nn",
    "vision": "Endret visjon",
    "summary_introduction": "Endret innledning",
    "context_changes": "- Endret",
    "numeral": "IIa",
    "text": "Nytt tiltak",
    "start_year": 2027,
    "status": "ongoing",
    "year": 2028,
}
# An import's text, confirmed at once (without `confirm`, the page only shows the preview).
IMPORT_DATA = {"text": "I) Innledning\n\nPlanen bygger på strategien.\n", "confirm": "1"}


def _valid_data(name: str, objects) -> dict:
    """Form data the page `name` accepts from the secretariat (fresh files every time)."""
    today = datetime.date.today().isoformat()
    regions = objects["regions"]
    data = {
        "name": "Endret navn",
        "short_name": "Endret",
        "title": "Endret tittel",
        "description": "Endret beskrivelse",
        "kind": KINDS.get(name.partition(":")[2].split("_")[0], Membership.Kind.PARTICIPANT),
        "organisation": objects["organisation"].pk,
        "host_organisation": objects["organisation"].pk,
        "coordinator": objects["person"].pk,
        "region": regions[0].pk,
        "node": objects["node"].pk,
        "status": Node.Status.ESTABLISHED,
        "joined_on": "2024-01-01",
        "left_on": today,
        "starts_on": "2024-01-01",
        "ends_on": today,
        "position": "Rådgiver",
        "email": "ny.person@example.no",
        "phone": "55 00 00 00",
        "role": ClusterRole.Role.SECRETARIAT,
        "counterpart_name": "Alrek helseklynge",
        "label": "2031",
        "effective_from": "2031-01-01",
        "decided_in": "Sak 12/30",
        "number": 2,
        "signed_on": today,
        "notes": "Endret",
        "languages": ["nb", "nn"],
        "is_public": "on",
        "not_a_duplicate": "1",
        "document": pdf_upload("dokument.pdf"),
        "file": SimpleUploadedFile(
            "organisasjoner.csv", b"Navn;Type\nTestkommune;Kommune\n", "text/csv"
        ),
        "regions-TOTAL_FORMS": str(len(regions)),
        "regions-INITIAL_FORMS": str(len(regions)),
        "regions-MIN_NUM_FORMS": "0",
        "regions-MAX_NUM_FORMS": "1000",
    }
    for i, region in enumerate(regions):
        data |= {
            f"regions-{i}-id": region.pk,
            f"regions-{i}-name": f"{region.name} endret",
            f"regions-{i}-position": region.position,
        }
    if name.startswith("governance:"):
        data |= GOVERNANCE_DATA.get(name.partition(":")[2].split("_")[0], {})
        data["person"] = objects["person"].pk
        data["people"] = [objects["appointment"].person_id]  # who signs the minutes
        with scopes_disabled():
            data["slot"] = objects["poll"].slots.first().pk  # a date poll's time
        data["meetings_per"] = "year"
        data["position"] = 1
        data["deadline"] = (datetime.date.today() + datetime.timedelta(days=14)).isoformat()
        if name == "governance:case_send_on":  # a coming meeting of another body
            data["meeting"] = objects["other_meeting"].pk
        if name == "governance:disqualifications":  # someone seated, not yet disqualified
            with scopes_disabled():
                data["person"] = objects["body"].appointments.get(role="chair").person_id
    if name.startswith("plans:"):
        data |= PLANS_DATA
        data["chapter"] = objects["chapter"].pk  # of the draft, with a table of measures
        data["meeting"] = objects["plan_meeting"].pk  # to propose the draft to
        data["plan"] = objects["plan"].pk  # to import a version of
        if name == "plans:plan_import":
            del data["file"]  # a .csv; an import takes .docx or .txt
            data |= IMPORT_DATA
    return data


def _send(client, method: str, url: str, data: dict):
    if method == "POST":
        return client.post(url, data)
    fields = {key: value for key, value in data.items() if not hasattr(value, "read")}
    body = urlencode(fields, doseq=True)
    return client.generic(method, url, body, content_type="application/x-www-form-urlencoded")


# Every row of every table -------------------------------------------------------------------


@cache
def _snapshot_sql() -> str:
    """One query for every row of every table: per table its label, its number of rows and
    its rows as text in key order (sessions and last_login are noise). One round trip instead
    of one per table: the walk takes a snapshot after every request."""
    quote = connection.ops.quote_name
    postgres = connection.vendor == "postgresql"
    parts = []
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if not opts.managed or opts.proxy or opts.db_table == "django_session":
            continue
        columns = [quote(f.column) for f in opts.concrete_fields if f.name != "last_login"]
        pk = quote(opts.pk.column)
        if postgres:
            rows = f"md5(string_agg(ROW({', '.join(columns)})::text, E'\\n' ORDER BY {pk}))"
            source = quote(opts.db_table)
        else:
            # SQLite 3.40 has no ORDER BY inside group_concat: the rows come ordered instead.
            row = " || '|' || ".join(f"quote({c})" for c in columns)
            rows = "group_concat(r, char(10))"
            source = f"(SELECT {row} AS r FROM {quote(opts.db_table)} ORDER BY {pk})"
        parts.append(f"SELECT '{opts.label}', COUNT(*), {rows} FROM {source}")
    return "\nUNION ALL\n".join(parts)


def snapshot() -> dict[str, str]:
    """A digest of all rows of each model's table."""
    with connection.cursor() as cursor:
        cursor.execute(_snapshot_sql())
        return {
            label: f"{count} rows {hashlib.sha256((rows or '').encode()).hexdigest()}"
            for label, count, rows in cursor.fetchall()
        }


def changed(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(label for label in after if before.get(label) != after[label])


# By declaration -----------------------------------------------------------------------------


def test_every_page_under_a_cluster_declares_its_permission():
    undeclared = [
        name for name, p in cluster_patterns() if not hasattr(p.callback, "cluster_permission")
    ]
    assert undeclared == []


def test_every_page_with_an_object_is_known_to_this_test():
    unknown = [
        name
        for name, pattern in cluster_patterns()
        if "<" in str(pattern.pattern).replace("<slug:cluster>", "") and name not in OBJECTS
    ]
    assert unknown == []


EXPECTED_GET = {
    # permission: (anonymous, outsider, member, secretariat)
    PUBLIC: (200, 200, 200, 200),
    VIEW: (302, 404, 200, 200),
    MANAGE: (302, 404, 404, 200),
    VIEW_BODIES: (302, 404, 200, 200),
    MANAGE_BODIES: (302, 404, 404, 200),
    VIEW_PLANS: (302, 404, 200, 200),
    MANAGE_PLANS: (302, 404, 404, 200),
}
# Buttons without a page of their own: GET from the secretariat goes back to the version page
# the button is on. (governance's buttons show a confirmation instead: 200 is fine too.)
BACK_TO_THE_PAGE_ON_GET = {"plans:measure_action", "plans:version_adopt"}


@pytest.mark.django_db
def test_each_role_gets_what_its_permission_allows(objects, member, outsider, secretariat):
    clients = [client_for(None), client_for(outsider), client_for(member), client_for(secretariat)]
    problems = []
    for name, pattern in cluster_patterns():
        url = page_url(name, objects)
        expected = EXPECTED_GET[pattern.callback.cluster_permission]
        for client, status in zip(clients, expected, strict=True):
            response = client.get(url)
            got = response.status_code
            if status == 200 and got == 302 and name in BACK_TO_THE_PAGE_ON_GET:
                if not url.startswith(response["Location"].partition("#")[0]):
                    problems.append(f"GET {url}: sent to {response['Location']}")
            elif got != status and not (status == 200 and got == 405):
                problems.append(f"GET {url}: expected {status}, got {got}")
    assert not problems, "\n".join(problems)


# By behaviour -------------------------------------------------------------------------------


def _refused(response, *, anonymous: bool) -> bool:
    if response.status_code in (404, 405):
        return True
    login = reverse("account_login")
    return anonymous and response.status_code == 302 and response["Location"].startswith(login)


@pytest.mark.django_db
def test_no_unsafe_request_by_anyone_but_the_secretariat_changes_anything(
    polyfon, objects, member, outsider
):
    """Anonymous, Alrek's secretariat and a Polyfon member send valid data to every page."""
    personas = {"anonymous": None, "outsider": outsider, "member": member}
    # Who may change Polyfon's registry is the rules' answer, not the views' declarations.
    assert not any(user and user.has_perm(MANAGE, polyfon) for user in personas.values())
    clients = {persona: client_for(user) for persona, user in personas.items()}
    problems = []
    before = snapshot()
    for name, _pattern in cluster_patterns():
        url = page_url(name, objects)
        for persona, client in clients.items():
            answers = []
            for method in UNSAFE_METHODS:
                response = _send(client, method, url, _valid_data(name, objects))
                answers.append(f"{method} {response.status_code}")
                if not _refused(response, anonymous=persona == "anonymous"):
                    problems.append(f"{method} {url} as {persona}: {response.status_code}")
            after = snapshot()
            if changes := changed(before, after):
                problems.append(f"{url} as {persona} ({', '.join(answers)}) changed {changes}")
            before = after
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_the_same_data_from_the_secretariat_does_change_rows(objects, secretariat):
    """The control: the data above is valid, so a refusal above is the permission's doing."""
    client = client_for(secretariat)
    writing = [
        name
        for name, pattern in cluster_patterns()
        if pattern.callback.writes and name not in WRITES_NOTHING_ON_POST
    ]
    assert len(writing) > 20
    unchanged = []
    for name in writing:
        url = page_url(name, objects)
        with transaction.atomic():
            before = snapshot()
            response = client.post(url, _valid_data(name, objects))
            if not changed(before, snapshot()):
                unchanged.append(f"POST {url}: {response.status_code}, nothing changed")
            transaction.set_rollback(True)
    assert not unchanged, "\n".join(unchanged)


@pytest.mark.django_db
def test_another_clusters_object_is_not_found_under_this_cluster(
    objects, alrek_objects, secretariat
):
    """Polyfon's secretariat asks for Alrek's records at Polyfon's addresses."""
    client = client_for(secretariat)
    problems = []
    before = snapshot()
    for name in OBJECTS:
        url = page_url(name, alrek_objects)
        for method in ("GET", "POST"):
            status = _send(client, method, url, _valid_data(name, objects)).status_code
            # A page that does not take the method refuses it before it looks for the object,
            # as it does for Polyfon's own object.
            if status == 405:
                own = _send(client, method, page_url(name, objects), _valid_data(name, objects))
                if own.status_code == 405:
                    continue
            if status != 404:
                problems.append(f"{method} {url}: {status}")
    assert not problems, "\n".join(problems)
    assert changed(before, snapshot()) == []


@pytest.mark.django_db
def test_unpublished_cluster_is_not_found_for_the_public(polyfon):
    polyfon.is_public = False
    polyfon.save()
    response = client_for(None).get(reverse("website:cluster_home", args=["polyfon"]))
    assert response.status_code == 404


@pytest.mark.django_db
def test_htmx_request_after_logout_reloads_into_login(polyfon):
    response = client_for(None).get(
        reverse("clusters:organisation_list", args=["polyfon"]),
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver/polyfon/organisations/?search=uib",
    )
    assert response.headers["HX-Redirect"].startswith("/accounts/login/?next=")
