"""Answers holding personal data are kept out of caches; public pages to the public are not
(`PrivateCacheMiddleware` and `mark_private` in samspill/common/middleware.py)."""

import pytest

from samspill.clusters.tests.factories import MembershipFactory
from samspill.conftest import client_for

pytestmark = pytest.mark.django_db


def _no_store(response) -> bool:
    value = response.headers.get("Cache-Control", "")
    return "private" in value and "no-store" in value


@pytest.fixture
def registry(polyfon):
    MembershipFactory(cluster=polyfon)


@pytest.mark.parametrize(
    "url",
    [
        "/polyfon/organisations/",
        "/polyfon/organisations/?format=csv",
        "/polyfon/memberships/?format=xlsx",
        "/api/v1/polyfon/organisations",
        "/api/v1/polyfon/people",
    ],
)
def test_registry_pages_exports_and_api_answers_are_not_stored(url, registry, member):
    response = client_for(member).get(url)

    assert response.status_code == 200
    assert _no_store(response)


def test_public_page_to_a_member_is_not_stored_either(registry, member):
    response = client_for(member).get("/polyfon/participants/")

    assert _no_store(response)


@pytest.mark.parametrize("url", ["/polyfon/participants/", "/api/v1/polyfon/participants"])
def test_public_pages_to_anonymous_visitors_stay_cacheable(url, registry):
    response = client_for(None).get(url)

    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")


@pytest.mark.parametrize(
    ("url", "status"),
    [("/polyfon/organisations/", 302), ("/api/v1/polyfon/organisations", 404)],
)
def test_refusals_of_non_public_pages_are_not_stored(url, status, polyfon):
    response = client_for(None).get(url)

    assert response.status_code == status  # a page sends to login, the API says 404
    assert _no_store(response)
