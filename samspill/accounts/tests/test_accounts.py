from urllib.parse import urlencode

import pytest
from django.core import mail
from django.urls import reverse

from samspill.accounts.models import User
from samspill.accounts.tests.factories import UserFactory
from samspill.conftest import client_for

pytestmark = pytest.mark.django_db


def test_login_with_email_and_password(client):
    UserFactory(email="kari@example.no")
    response = client.post(
        reverse("account_login"), {"login": "kari@example.no", "password": "secret-password-1"}
    )
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"].is_authenticated


def test_wrong_password_keeps_the_email_and_explains(client):
    UserFactory(email="kari@example.no")
    response = client.post(
        reverse("account_login"), {"login": "kari@example.no", "password": "wrong"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert 'value="kari@example.no"' in response.content.decode()


def test_password_reset_email_goes_out_through_the_task_queue(client):
    UserFactory(email="kari@example.no")
    response = client.post(reverse("account_reset_password"), {"email": "kari@example.no"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["kari@example.no"]
    assert "/accounts/password/reset/key/" in message.body


def test_signup_is_closed_by_default(client):
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    assert response.templates[0].name == "account/signup_closed.html"
    data = {"email": "ny@example.no", "password1": "x-y-z-123456", "password2": "x-y-z-123456"}
    response = client.post(reverse("account_signup"), data)
    assert response.templates[0].name == "account/signup_closed.html"
    assert not User.objects.filter(email="ny@example.no").exists()


def test_staff_must_set_up_totp_before_anything_else():
    staff = UserFactory(is_staff=True)
    response = client_for(staff).get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_staff_with_totp_is_let_through():
    from allauth.mfa.models import Authenticator

    staff = UserFactory(is_staff=True)
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert client_for(staff).get(reverse("home")).status_code == 200


def test_user_is_created_with_email_as_login():
    user = User.objects.create_user(email="Ola@Example.NO", password="x-y-z-123456")
    assert user.email == "ola@example.no"
    assert user.check_password("x-y-z-123456")


def test_staff_without_totp_can_reach_the_setup_page():
    staff = UserFactory(is_staff=True)
    client = client_for(staff)
    setup = reverse("mfa_activate_totp")
    # force_login is not a fresh login, so allauth asks for the password first; the TOTP rule
    # must let the person through both pages rather than send them round in a loop.
    response = client.get(setup)
    assert response.status_code == 302
    assert (
        response["Location"] == f"{reverse('account_reauthenticate')}?{urlencode({'next': setup})}"
    )
    response = client.post(response["Location"], {"password": "secret-password-1"}, follow=True)
    assert response.redirect_chain == [(setup, 302)]
    assert response.status_code == 200
    assert response.templates[0].name == "mfa/totp/activate_form.html"
