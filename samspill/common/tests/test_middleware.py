"""Answers holding personal data are kept out of caches; public pages to the public are not."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from samspill.accounts.tests.factories import UserFactory
from samspill.clusters.tests.factories import MembershipFactory
from samspill.common.middleware import PrivateCacheMiddleware, mark_private
from samspill.conftest import client_for


def _no_store(response) -> bool:
    value = response.headers.get("Cache-Control", "")
    return "private" in value and "no-store" in value


@pytest.fixture
def registry(polyfon):
    MembershipFactory(cluster=polyfon)


@pytest.mark.django_db
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


@pytest.mark.django_db
def test_public_page_to_a_member_is_not_stored_either(registry, member):
    response = client_for(member).get(reverse("website:participants", args=["polyfon"]))

    assert _no_store(response)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/polyfon/participants/", "/api/v1/polyfon/participants"])
def test_public_pages_to_anonymous_visitors_stay_cacheable(url, registry):
    response = client_for(None).get(url)

    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/polyfon/organisations/", "/api/v1/polyfon/organisations"])
def test_refusals_of_non_public_pages_are_not_stored(url, polyfon):
    response = client_for(None).get(url)

    assert response.status_code in (302, 404)
    assert _no_store(response)


def test_cache_control_set_by_the_view_is_kept():
    request = RequestFactory().get("/")
    request.user = UserFactory.build()
    mark_private(request)
    middleware = PrivateCacheMiddleware(
        lambda r: HttpResponse(headers={"Cache-Control": "no-cache"})
    )

    assert middleware(request).headers["Cache-Control"] == "no-cache"


def test_answer_to_anonymous_visitor_of_unmarked_page_is_left_alone():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()

    response = PrivateCacheMiddleware(lambda r: HttpResponse("ok"))(request)

    assert "Cache-Control" not in response.headers
