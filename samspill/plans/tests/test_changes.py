"""The changes page's comparison: each kind of change found once, matched by identity."""

import pytest
from django_scopes import scopes_disabled

from samspill.plans import changes, services
from samspill.plans.models import Chapter, Measure

from .factories import make_plan

pytestmark = pytest.mark.django_db
S = Measure.Status


def test_every_kind_of_change_from_last_year_is_listed_once(polyfon):
    plan, _adopted = make_plan(polyfon)
    draft = services.rolling_start(plan=plan, year=2027, actor=None)
    with scopes_disabled():
        measures = {
            m.text: m
            for m in Measure.objects.filter(version=draft).select_related(
                "version__plan", "chapter"
            )
        }
        other = Chapter.objects.get(version=draft, numeral="III")
    services.measure_set_status(
        measure=measures["Rådgivning om praksis"], status=S.COMPLETED, actor=None
    )
    services.measure_set_status(measure=measures["Ambassadørordning"], status=S.ONGOING, actor=None)
    services.measure_set_status(
        measure=measures["Rekruttere klyngedeltakere"], status=S.PRIORITISED, actor=None
    )
    services.measure_set_status(
        measure=measures["Søknad om nasjonal kompetansetjeneste"], status=S.ONGOING, actor=None
    )
    moved = measures["Nettverk for erfaringsskoler"]
    moved.chapter = other
    moved.text = "Nettverk for erfaringsskoler og folkehøgskoler"
    services.measure_save(measure=moved, actor=None)
    services.measure_save(
        measure=Measure(
            cluster=polyfon, version=draft, chapter=other, text="Nytt", status=S.CANDIDATE
        ),
        actor=None,
    )
    with scopes_disabled():
        found = changes.version_changes(draft)
    summary = sorted((c.kind, c.measure.text) for c in found.items)
    assert summary == [
        ("added", "Nytt"),
        ("completed", "Rådgivning om praksis"),
        ("moved", "Nettverk for erfaringsskoler og folkehøgskoler"),
        ("prioritised", "Rekruttere klyngedeltakere"),
        ("reworded", "Nettverk for erfaringsskoler og folkehøgskoler"),
        ("taken_up", "Ambassadørordning"),
        ("unprioritised", "Søknad om nasjonal kompetansetjeneste"),
    ]
    reworded = found.of_kind("reworded")[0]
    assert str(reworded.diff) == "Nettverk for erfaringsskoler <ins>og folkehøgskoler</ins>"


def test_the_word_diff_escapes_what_people_wrote():
    diff = changes.word_diff("Tiltak <b>A</b>", "Tiltak <script>B</script>")
    assert "<script>" not in diff
    assert "<del>&lt;b&gt;A&lt;/b&gt;</del> <ins>&lt;script&gt;B&lt;/script&gt;</ins>" in diff


def test_a_first_version_has_nothing_to_compare_with(polyfon):
    _plan, adopted = make_plan(polyfon)
    with scopes_disabled():
        found = changes.version_changes(adopted)
    assert found.previous is None and found.items == []
