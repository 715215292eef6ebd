"""Meeting pages are kept while the cluster is unchanged (`clusters/freshness.py`), and what
is kept for one visitor is never shown to another who may see less."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.clusters.models import ClusterRole
from samspill.conftest import client_for
from samspill.governance import services

from .factories import appoint, make_body, meeting_at

# Committed as in production: a transaction that changed a cluster keeps nothing it renders.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_kept_meeting_page_shows_restricted_cases_only_to_the_bodys_members(
    polyfon, secretariat, member
):
    body = make_body(polyfon)
    meeting = meeting_at(body, 2024, 2, 5, standard_cases=False)
    with scopes_disabled():
        services.case_add(
            meeting=meeting,
            title="Personalsak Hemmelig",
            restricted=True,
            legal_ground="offl. § 13",
            actor=None,
        )
        other = get_user_model().objects.create_user(email="annen@example.org")
        ClusterRole.objects.create(cluster=polyfon, user=other, role=ClusterRole.Role.MEMBER)
        person = appoint(body).person
        person.user = member
        person.save()
    url = reverse("governance:meeting_detail", kwargs=meeting.url_kwargs())
    for _ in range(2):  # the second time from what was kept
        assert "Hemmelig" in client_for(secretariat).get(url).content.decode()
        assert "Hemmelig" in client_for(member).get(url).content.decode()
        assert "Hemmelig" not in client_for(other).get(url).content.decode()
