import pytest
from django.core import mail
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.accounts.models import User
from samspill.clusters.models import ClusterRole
from samspill.conftest import client_for

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(name, kwargs={"cluster": "polyfon", **kwargs})


def test_inviting_a_new_person_creates_account_role_and_set_password_link(
    secretariat_client, polyfon, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(
            url("clusters:role_list"),
            {"email": "Ny.Person@Example.no", "name": "Ny Person", "role": "member"},
        )
    assert response.status_code == 302
    user = User.objects.get(email="ny.person@example.no")
    assert not user.has_usable_password()
    assert user.has_perm("clusters.view_registry", polyfon)
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "/accounts/password/reset/key/" in body
    reset_link = body.split("http://testserver", 1)[1].split()[0]
    page = client_for(None).get(reset_link, follow=True)
    assert page.status_code == 200
    assert "password1" in page.content.decode()


def test_inviting_an_existing_user_changes_their_role(
    secretariat_client, member, polyfon, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        secretariat_client.post(
            url("clusters:role_list"), {"email": member.email, "role": "secretariat"}
        )
    with scopes_disabled():
        assert ClusterRole.objects.get(user=member).role == "secretariat"
    assert "/polyfon/registry/" in mail.outbox[0].body


def test_bad_email_is_explained_and_kept(secretariat_client, polyfon):
    response = secretariat_client.post(
        url("clusters:role_list"), {"email": "ikke-en-epost", "name": "Kari", "role": "member"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert 'value="ikke-en-epost"' in response.content.decode()


def test_removing_access_after_confirmation(secretariat_client, member, polyfon):
    with scopes_disabled():
        grant = ClusterRole.objects.get(user=member)
    page = secretariat_client.get(url("clusters:role_remove", pk=grant.pk))
    assert page.status_code == 200
    with scopes_disabled():
        assert ClusterRole.objects.filter(pk=grant.pk).exists()
    secretariat_client.post(url("clusters:role_remove", pk=grant.pk))
    member = User.objects.get(pk=member.pk)
    assert not member.has_perm("clusters.view_registry", polyfon)


def test_the_last_secretariat_cannot_be_removed(secretariat_client, secretariat, polyfon):
    with scopes_disabled():
        grant = ClusterRole.objects.get(user=secretariat)
    response = secretariat_client.post(url("clusters:role_remove", pk=grant.pk))
    assert response.status_code == 200
    assert response.context["problem"]
    with scopes_disabled():
        assert ClusterRole.objects.filter(pk=grant.pk).exists()
