"""Personas and clusters shared by the app tests, and the pages under /<cluster>/ with a test
object for each, for the tests that walk the whole URL configuration
(website/tests/test_url_permissions.py, clusters/tests/test_hostile_params.py)."""

import shutil
import subprocess

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_scopes import scopes_disabled

from samspill.accounts.tests.factories import UserFactory
from samspill.clusters.models import ClusterRole
from samspill.clusters.services import role_grant
from samspill.clusters.tests.factories import make_cluster, registry_objects
from samspill.governance.tests.factories import governance_objects
from samspill.plans.tests.factories import make_plan, plans_objects, proposed_plan


@pytest.fixture(autouse=True)
def _secretariat_2fa_off(settings):
    """Tests log in as secretariat without TOTP; the root conftest.py turns the rule off for
    the browser tests too. Tests of the rule use `secretariat_2fa`."""
    settings.SAMSPILL_SECRETARIAT_2FA = False


@pytest.fixture
def secretariat_2fa(settings):
    """Secretariat users must log in with TOTP, as in production."""
    settings.SAMSPILL_SECRETARIAT_2FA = True


@pytest.fixture
def polyfon(db):
    return make_cluster("polyfon", "Polyfon kunnskapsklynge")


@pytest.fixture
def alrek(db):
    return make_cluster("alrek", "Alrek helseklynge")


def _user_with_role(cluster, role):
    user = UserFactory()
    role_grant(cluster=cluster, user=user, role=role, actor=None)
    return user


@pytest.fixture
def secretariat(polyfon):
    return _user_with_role(polyfon, ClusterRole.Role.SECRETARIAT)


@pytest.fixture
def member(polyfon):
    return _user_with_role(polyfon, ClusterRole.Role.MEMBER)


@pytest.fixture
def outsider(alrek):
    """Alrek's secretariat: sees of Polyfon only what the public sees."""
    return _user_with_role(alrek, ClusterRole.Role.SECRETARIAT)


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def secretariat_client(secretariat):
    return client_for(secretariat)


@pytest.fixture
def secretariat_with_totp(secretariat_2fa, secretariat):
    """The secretariat as in production: two-factor login required, and set up."""
    Authenticator.objects.create(
        user=secretariat, type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    return secretariat


# Pages under /<cluster>/ ----------------------------------------------------------------

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
    "clusters:role_change": "role",
    "clusters:import_preview": "import_batch",
    "clusters:import_confirm": "import_batch",
    "governance:body_detail": "body",
    "governance:body_edit": "body",
    "governance:appointment_create": "body",
    "governance:appointment_edit": "appointment",
    "governance:meeting_create": "body",
    "governance:meeting_detail": "meeting",
    "governance:meeting_edit": "meeting",
    "governance:case_create": "meeting",
    "governance:minutes_approve": "meeting",
    "governance:case_edit": "case",
    "governance:case_withdraw": "case",
    "governance:attendance_record": "attendance",
    "governance:minutes_pdf": "meeting",
    "governance:minutes_docx": "meeting",
    "governance:protocol_pdf": "meeting",
    "governance:protocol_docx": "meeting",
    "governance:notice_send": "meeting",
    "governance:reminders_send": "meeting",
    "governance:notice_pdf": "meeting",
    "governance:meeting_ics": "meeting",
    "governance:case_correct": "case",
    "governance:minutes_versions": "meeting",
    "governance:followup_create": "case",
    "governance:followup_edit": "followup",
    "governance:followup_done": "followup",
    "website:minutes_pdf": "approved_meeting",
    "governance:signers_choose": "meeting",
    "governance:poll_create": "body",
    "governance:poll_detail": "poll",
    "governance:poll_choose": "poll",
    "governance:circulation_create": "body",
    "governance:circulation_detail": "circulation",
    "governance:circulation_conclude": "circulation",
    "governance:disqualifications": "case",
    "governance:case_send_on": "case",
    "governance:case_autosave": "case",
    "governance:mandate_versions": "body",
    "governance:mandate_adopt": "body",
    "governance:disqualification_remove": "disqualification",
    "website:plan_pdf": "plan",
    "plans:strategy_edit": "strategy",
    "plans:plan_detail": "plan",
    "plans:plan_edit": "plan",
    # Rolling needs a plan without a draft: another plan, only adopted.
    "plans:rolling_start": "rollable_plan",
    # A version's pages are about the draft, so that the secretariat's writes change it.
    "plans:version_detail": "draft_version",
    "plans:version_edit": "draft_version",
    "plans:version_changes": "draft_version",
    "plans:coordination": "draft_version",
    "plans:version_propose": "draft_version",
    "plans:plan_pdf": "draft_version",
    "plans:plan_docx": "draft_version",
    "plans:summary_pdf": "draft_version",
    # A draft adopts only once a meeting has decided on it: another plan's draft has been.
    "plans:version_adopt": "proposed_version",
    "plans:chapter_edit": "chapter",
    "plans:measure_create": "chapter",
    "plans:measure_edit": "measure",
    "plans:measure_action": "measure",
}

# What a page's address takes besides its object's own.
EXTRA_KWARGS = {
    "plans:measure_action": {"action": "prioritise"},
}


# Pages outside /<cluster>/ and what makes them safe. `answer`, `calendar_feed`, `sign`, `poll`
# and `circulation` are reached by a signed link instead of a login: the governance tests try
# bad ones.
OUTSIDE_CLUSTERS = {
    *("home", "healthz", "set_language"),
    *("answer", "calendar_feed", "sign", "poll", "circulation"),
}
# The API checks its permissions per operation: samspill/clusters/tests/test_api.py.
OUTSIDE_PREFIXES = ("account_", "mfa_", "socialaccount_", "admin:", "openid_connect_", "api:")


def _patterns(resolver: URLResolver, namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def cluster_patterns() -> list[tuple[str, URLPattern]]:
    """Every named page under /<cluster>/: (view name, pattern)."""
    found = []
    for name, pattern in _patterns(get_resolver()):
        if name in OUTSIDE_CLUSTERS or name.startswith(OUTSIDE_PREFIXES):
            continue
        found.append((name, pattern))
    return found


def page_url(name: str, objects: dict) -> str:
    """The address of page `name` in Polyfon, about the test object OBJECTS names."""
    kwargs = {"pk": None}
    if name in OBJECTS:
        record = objects[OBJECTS[name]]
        # A governance record is addressed by its body's and meeting's slugs as well, a plan's
        # by the plan's slug and the version's year.
        kwargs = record.url_kwargs() if hasattr(record, "url_kwargs") else {"pk": record.pk}
    kwargs = {k: v for k, v in kwargs.items() if v is not None} | EXTRA_KWARGS.get(name, {})
    return reverse(name, kwargs=kwargs | {"cluster": "polyfon"})


@pytest.fixture
def objects(polyfon, secretariat, member):
    """One object of each kind in Polyfon (see `registry_objects`), by the names OBJECTS uses."""
    with scopes_disabled():
        role = ClusterRole.objects.get(cluster=polyfon, user=member)
    return (
        registry_objects(polyfon, secretariat=secretariat, role=role)
        | governance_objects(polyfon, person=None)
        | _plans(polyfon)
    )


@pytest.fixture
def alrek_objects(alrek, outsider):
    """The same in Alrek, for checking that another cluster's object is not found."""
    with scopes_disabled():
        role = ClusterRole.objects.get(cluster=alrek, user=outsider)
    return (
        registry_objects(alrek, secretariat=outsider, role=role)
        | governance_objects(alrek, person=None)
        | _plans(alrek)
    )


def _plans(cluster) -> dict:
    """`plans_objects`, and a draft of another plan on which a meeting has decided. A plan is
    addressed by its slug, which `plans_objects` gives the same in every cluster: Alrek's
    plans get their own, so that under Polyfon's address they are not Polyfon's plans."""
    found = plans_objects(cluster)
    if cluster.slug != "polyfon":
        with scopes_disabled():
            found["plan"].slug = f"handlingsplan-{cluster.slug}"
            found["plan"].save(update_fields=["slug"])
    rollable, _adopted = make_plan(cluster, slug=f"rullerbar-{cluster.slug}")
    return found | {
        "proposed_version": proposed_plan(cluster, meeting=found["plan_meeting"]),
        "rollable_plan": rollable,
    }


def pdf_text(pdf: bytes) -> str:
    """The text of a PDF, as laid out on its pages (poppler's pdftotext)."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(
        [pdftotext, "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return result.stdout.decode()
