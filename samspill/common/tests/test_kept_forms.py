"""A kept part with forms: kept with a placeholder, served with each visitor's own token."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from samspill.common.caching import CSRF_PLACEHOLDER, kept, with_csrf_token

FORM = '<form><input type="hidden" name="csrfmiddlewaretoken" value="{}"></form>'


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_a_part_with_a_real_token_is_never_kept():
    kept("real", lambda: FORM.format("abc123"))
    assert cache.get("real") is None


def test_a_part_with_the_placeholder_is_kept_and_each_visitor_gets_their_token():
    html = kept("placeholder", lambda: FORM.format(CSRF_PLACEHOLDER))
    assert cache.get("placeholder") == html
    first = with_csrf_token(html, RequestFactory().get("/"))
    second = with_csrf_token(html, RequestFactory().get("/"))
    assert CSRF_PLACEHOLDER not in first
    assert first != second  # two visitors, two tokens


def test_a_part_mixing_a_real_token_and_the_placeholder_is_not_kept():
    kept("mixed", lambda: FORM.format(CSRF_PLACEHOLDER) + FORM.format("abc123"))
    assert cache.get("mixed") is None
