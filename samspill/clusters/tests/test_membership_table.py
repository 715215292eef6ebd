"""The membership table links each row to its organisation and, for the secretariat, to its
edit, end and delete pages: URLs reversed once per page (`{% row_url %}`), filled per row."""

import datetime

import pytest
from django.urls import reverse

from samspill.clusters.tests.factories import MembershipFactory, SubgroupFactory
from samspill.conftest import client_for

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(name, kwargs={"cluster": "polyfon", **kwargs})


@pytest.fixture
def memberships(polyfon):
    subgroup = SubgroupFactory(cluster=polyfon)
    active = MembershipFactory(cluster=polyfon, joined_on=datetime.date(2021, 3, 4))
    ended = MembershipFactory(
        cluster=polyfon,
        kind="subgroup_party",
        subgroup=subgroup,
        joined_on=datetime.date(2019, 1, 2),
        left_on=datetime.date(2022, 5, 6),
    )
    return {"active": active, "ended": ended, "subgroup": subgroup}


@pytest.mark.parametrize(
    "page",
    [
        lambda m: url("clusters:membership_list") + "?status=all",
        lambda m: m["ended"].organisation.get_absolute_url(),
        lambda m: url("clusters:subgroup_detail", pk=m["subgroup"].pk),
    ],
)
def test_rows_link_to_their_own_pages(page, memberships, secretariat, member):
    address = page(memberships)
    html = client_for(secretariat).get(address, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    ended = memberships["ended"]
    assert f'href="{url("clusters:membership_edit", pk=ended.pk)}"' in html
    assert f'href="{url("clusters:membership_delete", pk=ended.pk)}"' in html
    # An ended membership cannot be ended again.
    assert url("clusters:membership_leave", pk=ended.pk) not in html
    assert f"{ended.organisation.name} 02.01.2019</span>" in html
    assert "06.05.2022" in html
    if "memberships" in address:
        active = memberships["active"]
        assert f'href="{url("clusters:membership_leave", pk=active.pk)}"' in html
    if "organisations" not in address:
        assert (
            f'href="{ended.organisation.get_absolute_url()}">{ended.organisation.name}</a>' in html
        )
    members_html = client_for(member).get(address).content.decode()
    assert url("clusters:membership_edit", pk=ended.pk) not in members_html
    assert "02.01.2019" in members_html
