"""Throttling failed logins so that knowing someone's email is not enough to lock them out.

allauth counts failed logins per email address, so anyone who knows an address can keep its
owner out by typing wrong passwords. Here failures are counted instead (rates in the setting
SAMSPILL_LOGIN_RATE_LIMITS):

- per account and place (`login_failed_place`, tight): the place is the address (IP) the
  attempt comes from or, in a browser where the account logged in before, that browser;
- per account from anywhere new (`login_failed_account`, looser), not counted in a browser
  where the account logged in before;
- per address whatever the account (`login_failed_ip`), not counted there either.

So an attacker elsewhere uses up only their own place's and the account-wide allowance, and
the owner still gets in from a new address, and in any case from their usual browser.

Every attempt is counted before the password is checked and the count is taken back when the
password was right, as allauth does, so parallel guesses cannot slip past the limit.

A browser is known by a signed cookie, set at each successful login: a random id for the
browser and a keyed hash of each account that logged in there (the addresses are not in it).
"""

import secrets
from dataclasses import dataclass

from allauth.core.internal import ratelimit
from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponseBase
from django.utils.crypto import salted_hmac

from .models import User

APP = "samspill.accounts"
COOKIE_NAME = "samspill_browser"
COOKIE_SALT = "samspill.accounts.throttle.browser"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60
# A shared computer remembers this many accounts, the most recent first.
MAX_ACCOUNTS_PER_BROWSER = 10


@dataclass(frozen=True)
class Browser:
    id: str
    accounts: tuple[str, ...]


def _normalise(email: str) -> str:
    return email.strip().lower()


def _account_token(email: str) -> str:
    return salted_hmac(COOKIE_SALT, _normalise(email), algorithm="sha256").hexdigest()[:32]


def read_browser(request: HttpRequest) -> Browser | None:
    """The browser's id and accounts from its cookie; None without a valid cookie."""
    raw = request.COOKIES.get(COOKIE_NAME)
    if not raw:
        return None
    try:
        data = signing.loads(raw, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    browser_id, accounts = data.get("id"), data.get("accounts")
    if not isinstance(browser_id, str) or not isinstance(accounts, list):
        return None
    return Browser(id=browser_id, accounts=tuple(a for a in accounts if isinstance(a, str)))


def known_browser(request: HttpRequest, email: str) -> str | None:
    """The id of this browser if the account `email` logged in from it before."""
    browser = read_browser(request)
    if browser is not None and _account_token(email) in browser.accounts:
        return browser.id
    return None


def remember_browser(request: HttpRequest, response: HttpResponseBase, *, email: str) -> None:
    """After a successful login: mark this browser as a usual place of the account."""
    browser = read_browser(request) or Browser(id=secrets.token_urlsafe(16), accounts=())
    token = _account_token(email)
    accounts = [token, *(a for a in browser.accounts if a != token)]
    value = signing.dumps(
        {"id": browser.id, "accounts": accounts[:MAX_ACCOUNTS_PER_BROWSER]}, salt=COOKIE_SALT
    )
    response.set_cookie(
        COOKIE_NAME,
        value,
        max_age=COOKIE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _buckets(request: HttpRequest, email: str) -> list[tuple[str, str | None]]:
    """(action, key) of each count an attempt to log in to `email` from here goes into."""
    browser_id = known_browser(request, email)
    if browser_id is not None:
        return [("login_failed_place", f"{email}|browser:{browser_id}")]
    ip = ratelimit.get_ip(request)
    return [
        ("login_failed_ip", None),
        ("login_failed_place", f"{email}|ip:{ip}"),
        ("login_failed_account", email),
    ]


def consume_login_attempt(request: HttpRequest, *, email: str) -> ratelimit.RateLimitUsage | None:
    """Count an attempt to log in to `email`, before its password is checked.

    Returns the usage, to be rolled back when the password was right, or None (counting
    nothing) when one of the counts is full: the attempt must then be refused.
    """
    email = _normalise(email)
    usage = ratelimit.RateLimitUsage(usage=[])
    for action, key in _buckets(request, email):
        single = ratelimit.consume(
            request,
            app=APP,
            action=action,
            config=settings.SAMSPILL_LOGIN_RATE_LIMITS,
            key=key,
        )
        if single is None:
            usage.rollback()
            return None
        usage.usage.extend(single.usage)
    return usage


def clear_login_failures(request: HttpRequest, *, email: str) -> None:
    """Forget the failures counted for `email` from here and account-wide (after the owner
    chose a new password through the emailed link)."""
    email = _normalise(email)
    keys: list[tuple[str, str]] = [
        ("login_failed_place", f"{email}|ip:{ratelimit.get_ip(request)}"),
        ("login_failed_account", email),
    ]
    browser = read_browser(request)
    if browser is not None:
        keys.append(("login_failed_place", f"{email}|browser:{browser.id}"))
    for action, key in keys:
        ratelimit.clear(
            request, app=APP, action=action, config=settings.SAMSPILL_LOGIN_RATE_LIMITS, key=key
        )


def clear_after_password_reset(
    sender: object, *, request: HttpRequest, user: User, **kwargs: object
) -> None:
    """allauth's signal `password_reset`: the owner proved they hold the account's email."""
    clear_login_failures(request, email=user.email)
