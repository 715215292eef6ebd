"""The history on a registry page says what changed the way the pages say it
(`samspill/common/audit.py`)."""

import datetime

import pytest
from django.utils import translation
from django_scopes import scope

from samspill.clusters.services import record_save
from samspill.clusters.tests.factories import MembershipFactory, NodeFactory
from samspill.common.audit import history_for

pytestmark = pytest.mark.django_db


def test_changes_name_fields_linked_records_choices_and_dates(polyfon, secretariat):
    membership = MembershipFactory(cluster=polyfon)
    node = NodeFactory(cluster=polyfon, name="Knutepunkt Vest")
    membership.node = node
    membership.kind = "observer"
    membership.left_on = datetime.date(2026, 6, 30)
    record_save(record=membership, actor=secretariat)

    with translation.override("nb"), scope(cluster=polyfon):
        history = history_for(
            membership.organisation, related=[membership.organisation.memberships.all()]
        )
        changes = {c.label: (c.old, c.new) for c in history[0].changes}

    assert changes["Knutepunkt"] == ("–", "Knutepunkt Vest")
    assert changes["Meldt ut"] == ("–", "30.06.2026")
    assert changes["Type"] == ("Deltaker (partner)", "Observatør")
    assert all(entry.changes == [] for entry in history[1:])  # creations


def test_rows_a_page_has_read_already_need_no_query_of_their_own(
    polyfon, secretariat, django_assert_num_queries
):
    membership = MembershipFactory(cluster=polyfon)
    membership.notes = "Endret"
    record_save(record=membership, actor=secretariat)
    organisation = membership.organisation
    with scope(cluster=polyfon):
        from_queryset = history_for(organisation, related=[organisation.memberships.all()])
        rows = list(organisation.memberships.all())
        history_for(organisation, related=[rows, []])  # content types read once, first
        with django_assert_num_queries(1):
            from_rows = history_for(organisation, related=[rows, []])
    assert [e.pk for e in from_rows] == [e.pk for e in from_queryset]
    assert len(from_rows) == 3  # the organisation's creation, the membership's, its change
