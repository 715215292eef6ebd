"""The measure form offers the cluster's participants now, and keeps what a measure already
names even when it is no longer offered otherwise: saving never drops a link unticked."""

import pytest
from django_scopes import scopes_disabled

from samspill.clusters.tests.factories import OrganisationFactory
from samspill.plans.forms import MeasureForm

from .factories import make_plan

pytestmark = pytest.mark.django_db


def test_a_former_participant_named_by_the_measure_stays_ticked(polyfon):
    _plan, version = make_plan(polyfon, adopted_year=None)
    with scopes_disabled():
        measure = version.measures.select_related("chapter").first()
        former = OrganisationFactory(cluster=polyfon, name="Tidligere deltaker")  # no membership
        measure.organisations.add(former)
        form = MeasureForm(instance=measure, cluster=polyfon, version=version)
        offered = list(form.fields["organisations"].queryset)
        other = MeasureForm(instance=version.measures.last(), cluster=polyfon, version=version)
        assert former in offered
        assert former not in list(other.fields["organisations"].queryset)
        assert form["organisations"].value() == [former.pk]
