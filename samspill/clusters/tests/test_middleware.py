"""Two-factor login for the secretariat (SecretariatTOTPMiddleware, SAMSPILL_SECRETARIAT_2FA)."""

import pytest
from allauth.mfa.models import Authenticator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samspill.conftest import client_for

pytestmark = pytest.mark.django_db

REGISTRY_PAGE = reverse("clusters:organisation_list", kwargs={"cluster": "polyfon"})


def _with_totp(user):
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    return user


def test_secretariat_without_totp_is_sent_to_set_it_up(secretariat_2fa, secretariat):
    response = client_for(secretariat).get(REGISTRY_PAGE)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_secretariat_of_another_cluster_is_sent_too(secretariat_2fa, outsider, polyfon):
    response = client_for(outsider).get(reverse("home"))
    assert response["Location"] == reverse("mfa_activate_totp")


def test_an_htmx_request_reloads_the_whole_page_into_the_setup(secretariat_2fa, secretariat):
    response = client_for(secretariat).get(REGISTRY_PAGE, HTTP_HX_REQUEST="true")
    assert response.headers["HX-Redirect"] == reverse("mfa_activate_totp")


def test_secretariat_without_totp_can_reach_the_setup_and_log_out(secretariat_2fa, secretariat):
    client = client_for(secretariat)
    # Setting up may ask for the password first (force_login is not a fresh login).
    setup = client.get(reverse("mfa_activate_totp"), follow=True)
    assert setup.status_code == 200
    assert all(url.startswith("/accounts/") for url, _ in setup.redirect_chain)
    assert client.get(reverse("mfa_index")).status_code == 200
    client.post(reverse("account_logout"))
    assert client.get(REGISTRY_PAGE).status_code == 302
    assert client.get(REGISTRY_PAGE)["Location"].startswith(reverse("account_login"))


def test_secretariat_with_totp_gets_through(secretariat_2fa, secretariat):
    _with_totp(secretariat)
    assert client_for(secretariat).get(REGISTRY_PAGE).status_code == 200


def test_a_member_is_not_forced(secretariat_2fa, member):
    assert client_for(member).get(REGISTRY_PAGE).status_code == 200


def test_the_setting_turns_the_rule_off(settings, secretariat):
    settings.SAMSPILL_SECRETARIAT_2FA = False
    assert client_for(secretariat).get(REGISTRY_PAGE).status_code == 200


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


# The rule's one query reads the user's roles too, which a registry page's permission check
# then reuses: there it costs nothing; on a page that checks no role it costs that query.
@pytest.mark.parametrize(("path", "cost"), [(REGISTRY_PAGE, 0), (reverse("home"), 1)])
def test_the_rule_costs_one_query_which_the_permission_checks_reuse(
    settings, secretariat, path, cost
):
    client = client_for(_with_totp(secretariat))
    client.get(path)  # sessions, content types … read once
    settings.SAMSPILL_SECRETARIAT_2FA = False
    without = _queries(client, path)
    settings.SAMSPILL_SECRETARIAT_2FA = True
    assert _queries(client, path) == without + cost


def test_the_account_menu_links_to_two_factor_login(member, polyfon):
    menu_link = f'href="{reverse("mfa_index")}"'
    assert menu_link in client_for(member).get(reverse("home")).content.decode()
    assert menu_link not in client_for(None).get(reverse("home")).content.decode()
