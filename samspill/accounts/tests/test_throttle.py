"""Failed logins are throttled per place and per account, never so that a stranger who knows
the email address can lock its owner out (samspill/accounts/throttle.py)."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.signing import dumps
from django.test import Client
from django.urls import reverse

from samspill.accounts import throttle
from samspill.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "secret-password-1"  # UserFactory's
OWNER_HOME = "192.0.2.10"
ATTACKER = "198.51.100.66"
THROTTLED = (
    "Too many failed attempts to log in to this account. Wait a while and try again, "
    "or choose a new password with “Forgot your password?”."
)


@pytest.fixture(autouse=True)
def _fresh_counts():
    # The counts live in the cache, which outlives a test's database transaction.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def owner():
    return UserFactory(email="eier@example.no")


def log_in(client, email, password, ip):
    return client.post(
        reverse("account_login"),
        {"login": email, "password": password},
        REMOTE_ADDR=ip,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def logged_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == reverse("home")


def throttled(response) -> bool:
    return response.status_code == 200 and response.context["form"].non_field_errors() == [
        THROTTLED
    ]


def test_wrong_passwords_from_one_address_do_not_lock_the_owner_out_elsewhere(owner):
    attacker = Client()
    for _ in range(10):
        assert log_in(attacker, owner.email, "guess", ATTACKER).status_code == 200
    assert logged_in(log_in(Client(), owner.email, PASSWORD, OWNER_HOME))


def test_the_attacker_keeps_getting_throttled(owner):
    attacker = Client()
    answers = [log_in(attacker, owner.email, "guess", ATTACKER) for _ in range(5)]
    assert not any(throttled(answer) for answer in answers)
    # Now even the right password is refused from there, so guessing gets nowhere.
    for password in ["guess", PASSWORD, "guess", "guess"]:
        assert throttled(log_in(attacker, owner.email, password, ATTACKER))
    # A fresh browser on the same address is the same place.
    assert throttled(log_in(Client(), owner.email, PASSWORD, ATTACKER))


def test_a_throttled_login_says_why_and_keeps_the_email(owner):
    for _ in range(5):
        log_in(Client(), owner.email, "guess", ATTACKER)
    response = log_in(Client(), owner.email, "guess", ATTACKER)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Too many failed attempts to log in to this account." in page
    assert f'value="{owner.email}"' in page


def test_the_owner_logs_in_from_their_usual_browser_after_failures_from_everywhere(owner):
    browser = Client()
    assert logged_in(log_in(browser, owner.email, PASSWORD, OWNER_HOME))
    assert throttle.COOKIE_NAME in browser.cookies
    browser.post(reverse("account_logout"))
    # Guesses spread over many addresses fill the account-wide count (20 an hour)…
    for i in range(25):
        log_in(Client(), owner.email, "guess", f"198.51.100.{i}")
    # …which stops the right password from a new browser in a new place,
    assert throttled(log_in(Client(), owner.email, PASSWORD, "203.0.113.5"))
    # but not the owner in the browser where they logged in before, wherever they are.
    assert logged_in(log_in(browser, owner.email, PASSWORD, "203.0.113.7"))


def test_the_usual_browser_has_its_own_count_for_mistypes(owner):
    browser = Client()
    log_in(browser, owner.email, PASSWORD, OWNER_HOME)
    browser.post(reverse("account_logout"))
    # A stranger on the owner's own network (the same address) uses up that address …
    for _ in range(5):
        log_in(Client(), owner.email, "guess", OWNER_HOME)
    assert logged_in(log_in(browser, owner.email, PASSWORD, OWNER_HOME))
    browser.post(reverse("account_logout"))
    # … while the owner's own mistypes in their browser are limited too.
    for _ in range(5):
        log_in(browser, owner.email, "typo", OWNER_HOME)
    assert throttled(log_in(browser, owner.email, PASSWORD, OWNER_HOME))


def test_the_usual_browser_of_one_account_is_a_new_place_for_another(owner):
    other = UserFactory(email="annen@example.no")
    browser = Client()
    log_in(browser, owner.email, PASSWORD, OWNER_HOME)
    browser.post(reverse("account_logout"))
    for i in range(25):
        log_in(Client(), other.email, "guess", f"198.51.100.{i}")
    assert throttled(log_in(browser, other.email, PASSWORD, OWNER_HOME))


def test_a_forged_browser_cookie_is_ignored(owner):
    for i in range(25):
        log_in(Client(), owner.email, "guess", f"198.51.100.{i}")
    forger = Client()
    fake = {"id": "x", "accounts": [throttle._account_token(owner.email)]}
    forger.cookies[throttle.COOKIE_NAME] = dumps(fake, salt="another salt")
    assert throttled(log_in(forger, owner.email, PASSWORD, "203.0.113.9"))


def test_right_passwords_are_not_counted(owner):
    for _ in range(8):
        browser = Client()
        assert logged_in(log_in(browser, owner.email, PASSWORD, OWNER_HOME))


def test_guessing_over_many_accounts_from_one_address_is_throttled(owner):
    for i in range(10):
        log_in(Client(), f"someone{i}@example.no", "guess", ATTACKER)
    assert throttled(log_in(Client(), owner.email, PASSWORD, ATTACKER))
    assert logged_in(log_in(Client(), owner.email, PASSWORD, OWNER_HOME))


def test_choosing_a_new_password_clears_the_account_wide_count(owner):
    for i in range(25):
        log_in(Client(), owner.email, "guess", f"198.51.100.{i}")
    browser = Client(REMOTE_ADDR="203.0.113.5")
    assert throttled(log_in(browser, owner.email, PASSWORD, "203.0.113.5"))
    browser.post(reverse("account_reset_password"), {"email": owner.email})
    link = mail.outbox[-1].body.split("http://testserver", 1)[1].split()[0]
    form = browser.get(link, follow=True)
    new = "another-secret-password-2"
    browser.post(form.redirect_chain[-1][0], {"password1": new, "password2": new})
    assert logged_in(log_in(Client(), owner.email, new, "203.0.113.5"))


def test_a_flood_of_login_posts_from_one_address_gets_too_many_requests(owner):
    statuses = [log_in(Client(), owner.email, PASSWORD, ATTACKER).status_code for _ in range(31)]
    assert statuses[-1] == 429
