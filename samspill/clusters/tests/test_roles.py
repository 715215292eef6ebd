import pytest
from django.core import mail
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.accounts.models import User
from samspill.clusters.models import ClusterRole
from samspill.clusters.services import (
    AlreadyHasRole,
    LastSecretariat,
    role_change,
    role_grant,
    role_invite,
    role_revoke,
)
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


def test_inviting_someone_who_already_has_a_role_changes_nothing_and_says_so(
    secretariat_client, member, polyfon, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(
            url("clusters:role_list"),
            {"email": member.email.upper(), "role": "secretariat"},
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == 200
    errors = response.context["form"].errors["email"]
    assert errors == [f"{member} already has access as member; change the role in the list above."]
    assert f'value="{member.email.upper()}"' in response.content.decode()
    with scopes_disabled():
        assert ClusterRole.objects.get(user=member).role == "member"
    assert mail.outbox == []


def test_inviting_the_last_secretariat_as_member_does_not_downgrade_them(
    secretariat_client, secretariat, polyfon
):
    response = secretariat_client.post(
        url("clusters:role_list"),
        {"email": secretariat.email, "role": "member"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "already has access as secretariat" in str(response.context["form"].errors["email"])
    with scopes_disabled():
        assert ClusterRole.objects.get(user=secretariat).role == "secretariat"


def test_inviting_someone_from_another_cluster_gives_them_a_role_here(
    secretariat_client, outsider, polyfon, alrek, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(
            url("clusters:role_list"), {"email": outsider.email, "role": "member"}
        )
    assert response.status_code == 302
    with scopes_disabled():
        assert ClusterRole.objects.get(user=outsider, cluster=polyfon).role == "member"
        assert ClusterRole.objects.get(user=outsider, cluster=alrek).role == "secretariat"
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


def _grant(user, cluster):
    with scopes_disabled():
        return ClusterRole.objects.get(user=user, cluster=cluster)


def test_the_access_list_offers_to_change_each_role(secretariat_client, member, polyfon):
    page = secretariat_client.get(url("clusters:role_list")).content.decode()
    change_url = url("clusters:role_change", pk=_grant(member, polyfon).pk)
    assert f'action="{change_url}"' in page
    assert '<option value="member" selected>' in page


def test_secretariat_changes_a_members_role(secretariat_client, member, polyfon):
    grant = _grant(member, polyfon)
    response = secretariat_client.post(
        url("clusters:role_change", pk=grant.pk),
        {"role": "secretariat"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.redirect_chain[-1][0] == url("clusters:role_list")
    assert f"{member} is now secretariat." in [str(m) for m in response.context["messages"]]
    assert _grant(member, polyfon).role == "secretariat"
    from auditlog.models import LogEntry

    assert LogEntry.objects.get_for_object(grant).filter(action=LogEntry.Action.UPDATE).exists()


def test_the_last_secretariat_cannot_be_downgraded_by_role_change(
    secretariat_client, secretariat, polyfon
):
    grant = _grant(secretariat, polyfon)
    response = secretariat_client.post(
        url("clusters:role_change", pk=grant.pk),
        {"role": "member"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    messages = [(m.level_tag, str(m)) for m in response.context["messages"]]
    assert messages == [
        (
            "error",
            f"{secretariat} is the only secretariat and keeps that role: the cluster must have "
            "at least one. Give someone else the secretariat role first.",
        )
    ]
    assert _grant(secretariat, polyfon).role == "secretariat"


def test_a_secretariat_can_step_down_when_another_remains(
    secretariat_client, secretariat, member, polyfon
):
    secretariat_client.post(
        url("clusters:role_change", pk=_grant(member, polyfon).pk), {"role": "secretariat"}
    )
    response = secretariat_client.post(
        url("clusters:role_change", pk=_grant(secretariat, polyfon).pk), {"role": "member"}
    )
    assert _grant(secretariat, polyfon).role == "member"
    assert _grant(member, polyfon).role == "secretariat"
    # The access page is no longer theirs; the registry still is.
    assert response["Location"] == url("clusters:dashboard")
    assert secretariat_client.get(response["Location"]).status_code == 200


def test_a_secretariat_who_removes_their_own_access_goes_home(
    secretariat_client, secretariat, member, polyfon
):
    secretariat_client.post(
        url("clusters:role_change", pk=_grant(member, polyfon).pk), {"role": "secretariat"}
    )
    response = secretariat_client.post(
        url("clusters:role_remove", pk=_grant(secretariat, polyfon).pk)
    )
    assert response["Location"] == reverse("home")


def test_an_unknown_role_is_refused(secretariat_client, member, polyfon):
    grant = _grant(member, polyfon)
    response = secretariat_client.post(
        url("clusters:role_change", pk=grant.pk), {"role": "owner"}, follow=True
    )
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert _grant(member, polyfon).role == "member"


def test_role_change_is_post_only(secretariat_client, member, polyfon):
    response = secretariat_client.get(url("clusters:role_change", pk=_grant(member, polyfon).pk))
    assert response.status_code == 405


def test_a_role_in_another_cluster_cannot_be_changed_from_here(secretariat_client, outsider, alrek):
    grant = _grant(outsider, alrek)
    response = secretariat_client.post(url("clusters:role_change", pk=grant.pk), {"role": "member"})
    assert response.status_code == 404
    assert _grant(outsider, alrek).role == "secretariat"


def test_services_keep_the_last_secretariat(secretariat, member, polyfon):
    grant = _grant(secretariat, polyfon)
    with pytest.raises(LastSecretariat):
        role_change(grant=grant, role=ClusterRole.Role.MEMBER, actor=secretariat)
    with pytest.raises(LastSecretariat):
        role_grant(cluster=polyfon, user=secretariat, role=ClusterRole.Role.MEMBER, actor=None)
    with pytest.raises(LastSecretariat):
        role_revoke(grant=grant, actor=secretariat)
    with pytest.raises(AlreadyHasRole):
        role_invite(
            cluster=polyfon,
            email=secretariat.email,
            name="",
            role=ClusterRole.Role.MEMBER,
            actor=secretariat,
            site_url="http://testserver/",
        )
    assert _grant(secretariat, polyfon).role == "secretariat"


def test_role_grant_changes_a_role_when_a_secretariat_remains(secretariat, member, polyfon):
    role_grant(cluster=polyfon, user=member, role=ClusterRole.Role.SECRETARIAT, actor=None)
    role_grant(cluster=polyfon, user=secretariat, role=ClusterRole.Role.MEMBER, actor=None)
    assert _grant(secretariat, polyfon).role == "member"
    assert _grant(member, polyfon).role == "secretariat"
    with scopes_disabled():
        assert ClusterRole.objects.filter(cluster=polyfon).count() == 2
