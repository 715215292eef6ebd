"""Minutes approved by two members chosen to sign: each reads them and signs with a click,
without logging in; the time is recorded, and the last signature approves and locks them."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.clusters.tests.factories import PersonFactory
from samspill.conftest import client_for
from samspill.governance import services
from samspill.governance.models import Meeting, MinutesSigner, Role

from .factories import appoint, make_body, meeting_at

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https?://[^\s]+/sign/[^\s]+/")


@pytest.fixture
def held(polyfon):
    body = make_body(polyfon)
    for name in ("Kari Leder", "Ola Medlem"):
        appoint(
            body,
            role=Role.MEMBER,
            person=PersonFactory(
                cluster=polyfon, name=name, email=f"{name.split()[0].lower()}@example.org"
            ),
        )
    meeting = meeting_at(body, 2026, 3, 4, standard_cases=False)
    with scopes_disabled():
        case = services.case_add(meeting=meeting, title="Budsjett 2026", actor=None)
        case.decision = "Budsjettet vedtas."
        case.save()
        meeting.status = Meeting.Status.HELD
        meeting.save()
    return meeting


def test_two_members_sign_and_the_last_signature_approves(
    held, secretariat, django_capture_on_commit_callbacks
):
    client = client_for(secretariat)
    url = reverse("governance:signers_choose", kwargs=held.url_kwargs())
    form = client.get(url).context["form"]
    people = [person.pk for person in form.fields["people"].queryset]
    assert len(people) == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"people": people}).status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["kari@example.org", "ola@example.org"]
    assert all(m.attachments[0][1].startswith(b"%PDF") for m in mail.outbox)
    links = [LINK.search(m.body).group(0).removeprefix("http://testserver") for m in mail.outbox]

    anonymous = client_for(None)
    page = anonymous.get(links[0])
    assert "Budsjettet vedtas." in page.content.decode()
    anonymous.post(links[0])
    held.refresh_from_db()
    assert held.status == Meeting.Status.MINUTES_DRAFT  # one of two
    anonymous.post(links[1])
    held.refresh_from_db()
    assert held.minutes_locked
    with scopes_disabled():
        assert all(s.signed_at for s in MinutesSigner.objects.filter(meeting=held))
        assert held.versions.count() == 1


def test_a_signing_link_altered_or_for_another_set_of_signers_changes_nothing(
    held, secretariat, django_capture_on_commit_callbacks
):
    client = client_for(secretariat)
    url = reverse("governance:signers_choose", kwargs=held.url_kwargs())
    people = [p.pk for p in client.get(url).context["form"].fields["people"].queryset]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"people": people})
    link = LINK.search(mail.outbox[0].body).group(0).removeprefix("http://testserver")
    anonymous = client_for(None)
    assert anonymous.post(link[:-3] + "xx/").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"people": people[:1]})  # chosen again: the old links are void
    response = anonymous.post(link, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    with scopes_disabled():
        assert not MinutesSigner.objects.filter(signed_at__isnull=False).exists()


def test_choosing_nobody_is_explained(held, secretariat):
    url = reverse("governance:signers_choose", kwargs=held.url_kwargs())
    response = client_for(secretariat).post(url, {}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.context["form"].errors["people"]
