"""PrivateCacheMiddleware leaves alone what it should; the pages it protects are tested in
samspill/clusters/tests/test_private_cache.py."""

from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory

from samspill.common.middleware import PrivateCacheMiddleware, mark_private


def test_cache_control_set_by_the_view_is_kept():
    request = RequestFactory().get("/")
    request.user = SimpleNamespace(is_authenticated=True)
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


def test_answer_to_a_signed_in_user_is_not_stored():
    request = RequestFactory().get("/")
    request.user = SimpleNamespace(is_authenticated=True)

    response = PrivateCacheMiddleware(lambda r: HttpResponse("ok"))(request)

    assert "no-store" in response.headers["Cache-Control"]
