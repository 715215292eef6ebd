"""The minute taker's text is saved as they type; a second editor never overwrites it
unknowingly, and neither loses what they wrote."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.conftest import client_for
from samspill.governance import services
from samspill.governance.models import Case, Meeting

from .factories import make_body, meeting_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(polyfon):
    meeting = meeting_at(make_body(polyfon), 2026, 10, 7, standard_cases=False)
    with scopes_disabled():
        return services.case_add(meeting=meeting, title="Budsjett 2027", actor=None)


def urls(case):
    return (
        reverse("governance:case_edit", kwargs=case.url_kwargs()),
        reverse("governance:case_autosave", kwargs=case.url_kwargs()),
    )


def stored(case) -> Case:
    with scopes_disabled():
        return Case.objects.get(pk=case.pk)


def test_text_is_saved_as_it_is_typed(case, secretariat):
    edit, autosave = urls(case)
    client = client_for(secretariat)
    page = client.get(edit).content.decode()
    assert f'data-autosave="{autosave}"' in page and 'name="revision" value="0"' in page
    answer = client.post(autosave, {"revision": 0, "discussion": "Budsjettet ble drøftet."})
    assert answer.status_code == 200 and answer.json()["revision"] == 1
    client.post(autosave, {"revision": 1, "decision": "Vedtatt."})
    saved = stored(case)
    assert (saved.discussion, saved.decision, saved.revision) == (
        "Budsjettet ble drøftet.",
        "Vedtatt.",
        2,
    )
    assert client.get(autosave).status_code == 405


def test_a_second_editor_gets_both_texts_and_nothing_is_lost(case, secretariat, polyfon):
    edit, autosave = urls(case)
    first, second = client_for(secretariat), client_for(secretariat)
    first.get(edit)  # both open the case at revision 0
    data = {"title": "Budsjett 2027", "kind": "decision", "position": 1, "revision": 0}
    second.post(edit, {**data, "discussion": "Teksten til den andre."})
    assert stored(case).revision == 1

    answer = first.post(autosave, {"revision": 0, "discussion": "Min tekst."})
    assert answer.status_code == 409
    assert answer.json()["theirs"]["discussion"] == "Teksten til den andre."
    assert stored(case).discussion == "Teksten til den andre."

    # Saving the form: refused once, with their text beside mine, mine kept in the form.
    refused = first.post(edit, {**data, "discussion": "Min tekst."})
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Teksten til den andre." in page and "Min tekst." in page
    assert refused.context["form"]["revision"].value() == "1"
    assert stored(case).discussion == "Teksten til den andre."
    # Saving again, having seen theirs, keeps mine.
    first.post(edit, {**data, "revision": 1, "discussion": "Min tekst."})
    assert stored(case).discussion == "Min tekst."


def test_approved_minutes_are_not_saved_into(case, secretariat):
    _, autosave = urls(case)
    with scopes_disabled():
        Meeting.objects.filter(pk=case.meeting_id).update(status=Meeting.Status.HELD)
        services.minutes_approve(meeting=Meeting.objects.get(pk=case.meeting_id), actor=None)
    answer = client_for(secretariat).post(autosave, {"revision": 0, "discussion": "For sent."})
    assert answer.status_code == 423
    assert stored(case).discussion == ""


def test_a_member_cannot_save_into_the_minutes(case, member):
    _, autosave = urls(case)
    client_for(member).post(autosave, {"revision": 0, "discussion": "Nei."})
    assert stored(case).discussion == ""


def test_a_new_case_needs_no_revision_and_shows_none(case, secretariat):
    url = reverse("governance:case_create", kwargs=case.meeting.url_kwargs())
    client = client_for(secretariat)
    page = client.get(url).content.decode()
    assert 'type="hidden" name="revision"' in page and 'for="id_revision"' not in page
    response = client.post(url, {"title": "Eventuelt", "kind": "other_business", "position": 2})
    assert response.status_code == 302
    with scopes_disabled():
        assert Case.objects.get(title="Eventuelt").revision == 0
