"""Every URL under /<cluster>/ answers each role as its declared permission says.

The test walks the whole URL configuration, so a new page that forgets `cluster_view`, or
that is missing from OBJECTS below, fails here.
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_scopes import scopes_disabled

from samspill.clusters.access import MANAGE, PUBLIC, VIEW
from samspill.clusters.models import ClusterRole, ImportBatch
from samspill.clusters.tests.factories import (
    AffiliationFactory,
    AgreementFactory,
    AgreementVersionFactory,
    MembershipFactory,
    NodeFactory,
    PersonFactory,
    SubgroupFactory,
)
from samspill.conftest import client_for

# URL name → which object of the test cluster its <pk> refers to.
OBJECTS = {
    "clusters:organisation_detail": "organisation",
    "clusters:organisation_edit": "organisation",
    "clusters:organisation_delete": "organisation",
    "clusters:person_delete": "person",
    "clusters:membership_delete": "membership",
    "clusters:person_detail": "person",
    "clusters:person_edit": "person",
    "clusters:affiliation_create": "person",
    "clusters:affiliation_edit": "affiliation",
    "clusters:membership_edit": "membership",
    "clusters:membership_leave": "membership",
    "clusters:node_detail": "node",
    "clusters:node_edit": "node",
    "clusters:subgroup_detail": "subgroup",
    "clusters:subgroup_edit": "subgroup",
    "clusters:agreement_detail": "agreement",
    "clusters:agreement_edit": "agreement",
    "clusters:agreement_version_create": "agreement",
    "clusters:appendix_create": "version",
    "clusters:signature_create": "version",
    "clusters:agreement_document": "version",
    "clusters:appendix_document": "appendix",
    "clusters:role_remove": "role",
    "clusters:import_preview": "import_batch",
    "clusters:import_confirm": "import_batch",
}

# Pages outside /<cluster>/ and what makes them safe.
OUTSIDE_CLUSTERS = {"home", "healthz", "set_language"}
# The API checks its permissions per operation: samspill/clusters/tests/test_api.py.
OUTSIDE_PREFIXES = ("account_", "mfa_", "socialaccount_", "admin:", "openid_connect_", "api:")


def _patterns(resolver: URLResolver, namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def cluster_patterns():
    found = []
    for name, pattern in _patterns(get_resolver()):
        if name in OUTSIDE_CLUSTERS or name.startswith(OUTSIDE_PREFIXES):
            continue
        found.append((name, pattern))
    return found


@pytest.fixture
def objects(polyfon, secretariat):
    with scopes_disabled():
        membership = MembershipFactory(cluster=polyfon)
        person = PersonFactory(cluster=polyfon)
        affiliation = AffiliationFactory(person=person, organisation=membership.organisation)
        agreement = AgreementFactory(cluster=polyfon)
        version = AgreementVersionFactory(
            agreement=agreement, document=_document("klyngeavtale.pdf")
        )
        return {
            "organisation": membership.organisation,
            "membership": membership,
            "person": person,
            "affiliation": affiliation,
            "node": NodeFactory(cluster=polyfon),
            "subgroup": SubgroupFactory(cluster=polyfon),
            "agreement": agreement,
            "version": version,
            "appendix": version.appendices.create(
                cluster=polyfon, number=1, title="Vedlegg", document=_document("vedlegg.pdf")
            ),
            "role": ClusterRole.objects.get(user=secretariat),
            "import_batch": ImportBatch.objects.create(
                cluster=polyfon, kind="organisations", filename="x.csv", created_by=secretariat
            ),
        }


def _document(name):
    return SimpleUploadedFile(name, b"%PDF-1.4 test", content_type="application/pdf")


def _url(name, objects) -> str:
    kwargs = {"cluster": "polyfon"}
    if name in OBJECTS:
        kwargs["pk"] = objects[OBJECTS[name]].pk
    return reverse(name, kwargs=kwargs)


def test_every_page_under_a_cluster_declares_its_permission():
    undeclared = [
        name for name, p in cluster_patterns() if not hasattr(p.callback, "cluster_permission")
    ]
    assert undeclared == []


def test_every_page_with_an_object_is_known_to_this_test():
    unknown = [
        name
        for name, pattern in cluster_patterns()
        if "<int:pk>" in str(pattern.pattern) and name not in OBJECTS
    ]
    assert unknown == []


EXPECTED_GET = {
    # permission: (anonymous, outsider, member, secretariat)
    PUBLIC: (200, 200, 200, 200),
    VIEW: (302, 404, 200, 200),
    MANAGE: (302, 404, 404, 200),
}


@pytest.mark.django_db
def test_each_role_gets_what_its_permission_allows(objects, member, outsider, secretariat):
    clients = [client_for(None), client_for(outsider), client_for(member), client_for(secretariat)]
    problems = []
    for name, pattern in cluster_patterns():
        url = _url(name, objects)
        expected = EXPECTED_GET[pattern.callback.cluster_permission]
        for client, status in zip(clients, expected, strict=True):
            got = client.get(url).status_code
            if got != status and not (status == 200 and got == 405):
                problems.append(f"GET {url}: expected {status}, got {got}")
    assert problems == []


@pytest.mark.django_db
def test_no_write_by_outsider_or_member_changes_anything(objects, member, outsider):
    """POST to every page, with data that would be valid, as Alrek and as a Polyfon member."""
    from auditlog.models import LogEntry

    before = LogEntry.objects.count()
    for user in (outsider, member):
        client = client_for(user)
        for name, pattern in cluster_patterns():
            view = pattern.callback
            if view.cluster_permission == PUBLIC:
                continue
            if view.cluster_permission == VIEW and not view.writes and user is member:
                continue
            url = _url(name, objects)
            response = client.post(
                url,
                {
                    "name": "Endret",
                    "kind": "municipality",
                    "joined_on": "2024-01-01",
                    "left_on": datetime.date.today().isoformat(),
                    "title": "Endret",
                },
            )
            assert response.status_code == 404, f"POST {url} as {user}: {response.status_code}"
    assert LogEntry.objects.count() == before


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
