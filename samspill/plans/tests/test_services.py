"""Rolling a plan: the draft copied from the adopted version, changes to measures in the
draft, the rules a change must keep, and adoption through a body's decision."""

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scopes_disabled

from samspill.governance.tests.factories import make_body, meeting_at
from samspill.plans import services
from samspill.plans.models import Chapter, Measure, PlanVersion

from .factories import make_plan

pytestmark = pytest.mark.django_db
S = Measure.Status


@pytest.fixture
def plan(polyfon):
    return make_plan(polyfon)[0]


def _draft(plan, year=2027):
    return services.rolling_start(plan=plan, year=year, actor=None)


def _measure(version, text):
    with scopes_disabled():
        return Measure.objects.select_related("chapter", "version__plan").get(
            version=version, text=text
        )


def test_rolling_copies_the_adopted_version_with_the_same_identities(plan):
    draft = _draft(plan)
    with scopes_disabled():
        adopted = PlanVersion.objects.get(plan=plan, year=2026)
        assert draft.status == PlanVersion.Status.DRAFT
        assert draft.based_on == adopted
        old = {m.key: (m.text, m.status, m.start_year) for m in adopted.measures.all()}
        new = {m.key: (m.text, m.status, m.start_year) for m in draft.measures.all()}
        assert new == old
        assert {c.key for c in draft.chapters.all()} == {c.key for c in adopted.chapters.all()}


def test_rolling_leaves_out_what_was_completed_last_year(plan):
    draft = _draft(plan)
    done = _measure(draft, "Rådgivning om praksis")
    services.measure_set_status(measure=done, status=S.COMPLETED, actor=None)
    with scopes_disabled():
        draft.status, draft.adopted_on = PlanVersion.Status.ADOPTED, "2027-12-01"
        PlanVersion.objects.filter(plan=plan, year=2026).update(status="superseded")
        draft.save()
        following = _draft(plan, 2028)
        assert not following.measures.filter(text="Rådgivning om praksis").exists()


@pytest.mark.parametrize(
    ("year", "message"),
    [(2031, "Planen gjelder 2025–2030."), (2026, "Planen har allerede en versjon for dette året.")],
)
def test_rolling_refuses_a_year_outside_the_period_or_taken(plan, year, message):
    with pytest.raises(ValidationError) as refused:
        _draft(plan, year)
    assert refused.value.message_dict == {"year": [message]}


def test_taking_a_candidate_up_gives_it_this_years_start(plan):
    draft = _draft(plan)
    measure = services.measure_set_status(
        measure=_measure(draft, "Ambassadørordning"), status=S.ONGOING, actor=None
    )
    assert (measure.status, measure.start_year) == (S.ONGOING, 2027)
    prioritised = services.measure_set_status(
        measure=_measure(draft, "Nettverk for erfaringsskoler"), status=S.PRIORITISED, actor=None
    )
    assert prioritised.start_year == 2027


def test_a_measure_that_has_started_cannot_be_a_candidate_again(plan):
    draft = _draft(plan)
    with pytest.raises(ValidationError):
        services.measure_set_status(
            measure=_measure(draft, "Rådgivning om praksis"), status=S.CANDIDATE, actor=None
        )


def _new_measure(draft, **fields):
    with scopes_disabled():
        chapter = Chapter.objects.get(version=draft, numeral="II")
    return Measure(cluster=draft.cluster, version=draft, chapter=chapter, **fields)


def test_a_new_measure_must_start_within_the_plans_period(plan):
    draft = _draft(plan)
    for year in (2015, 2031):
        with pytest.raises(ValidationError) as refused:
            services.measure_save(
                measure=_new_measure(draft, text="Nytt tiltak", start_year=year), actor=None
            )
        assert refused.value.message_dict == {
            "start_year": ["Startåret må ligge innenfor planperioden, 2025–2030."]
        }
    saved = services.measure_save(
        measure=_new_measure(draft, text="Nytt tiltak", start_year=2027), actor=None
    )
    assert saved.position == 4  # last in the chapter, after its three


def test_a_measure_carried_over_keeps_the_year_it_started(plan):
    draft = _draft(plan)
    measure = _measure(draft, "Rådgivning om praksis")
    measure.text = "Rådgivning om etablering av praksis"
    assert services.measure_save(measure=measure, actor=None).start_year == 2015


def test_an_empty_measure_is_refused_at_its_field(plan):
    with pytest.raises(ValidationError) as refused:
        services.measure_save(measure=_new_measure(_draft(plan), text="  "), actor=None)
    assert "text" in refused.value.message_dict


def test_the_adopted_version_refuses_every_change(plan):
    with scopes_disabled():
        adopted = PlanVersion.objects.get(plan=plan, year=2026)
        chapter = adopted.chapters.get(numeral="II")
    measure = _measure(adopted, "Rekruttere klyngedeltakere")
    message = (
        "Versjonen for 2026 er vedtatt og kan ikke lenger endres. "
        "Start rulleringen for neste år for å endre planen."
    )
    attempts = [
        lambda: services.measure_set_status(measure=measure, status=S.COMPLETED, actor=None),
        lambda: services.measure_save(measure=measure, actor=None),
        lambda: services.measure_move(measure=measure, up=False, actor=None),
        lambda: services.chapter_save(chapter=chapter, actor=None),
        lambda: services.version_save(version=adopted, actor=None),
    ]
    for attempt in attempts:
        with pytest.raises(services.VersionFrozen) as refused:
            attempt()
        assert refused.value.messages == [message]
    with scopes_disabled():
        assert Measure.objects.get(pk=measure.pk).status == S.ONGOING


def test_moving_a_measure_swaps_it_with_its_neighbour(plan):
    draft = _draft(plan)
    second = _measure(draft, "Søknad om nasjonal kompetansetjeneste")
    services.measure_move(measure=second, up=True, actor=None)
    with scopes_disabled():
        order = list(
            Measure.objects.filter(chapter=second.chapter)
            .order_by("position")
            .values_list("text", flat=True)
        )
    assert order[:2] == ["Søknad om nasjonal kompetansetjeneste", "Rekruttere klyngedeltakere"]


def test_a_measure_added_to_the_draft_can_be_removed_but_one_carried_over_cannot(plan):
    draft = _draft(plan)
    added = services.measure_save(
        measure=_new_measure(draft, text="Feil", status=S.CANDIDATE), actor=None
    )
    services.measure_remove(measure=added, actor=None)
    with pytest.raises(ValidationError):
        services.measure_remove(measure=_measure(draft, "Rådgivning om praksis"), actor=None)


@pytest.fixture
def meeting(polyfon):
    body = make_body(polyfon, name="Styringsgruppa", slug="styringsgruppa")
    return meeting_at(body, 2026, 12, 10, standard_cases=False)


def test_the_draft_is_adopted_by_the_decision_of_its_case(plan, meeting):
    draft = _draft(plan)
    case = services.version_propose(version=draft, meeting=meeting, actor=None)
    assert case.kind == "decision"
    assert (
        case.proposed_decision == "Styringsgruppa vedtar Handlingsplan 2025-2030, rullert for 2027."
    )
    with pytest.raises(ValidationError) as refused:
        services.version_adopt(version=draft, actor=None)
    assert refused.value.messages == ["Møtet 10.12.2026 er ikke holdt ennå."]
    with scopes_disabled():
        meeting.status = meeting.Status.HELD
        meeting.save(update_fields=["status"])
    with pytest.raises(ValidationError) as refused:
        services.version_adopt(version=draft, actor=None)
    assert refused.value.messages == [f"{case.label} har ikke noe vedtak ennå."]
    with scopes_disabled():
        case.decision = "Vedtatt."
        case.save()
    adopted = services.version_adopt(version=draft, actor=None)
    with scopes_disabled():
        assert adopted.status == PlanVersion.Status.ADOPTED
        assert adopted.adopted_in == case
        assert str(adopted.adopted_on) == "2026-12-10"
        assert PlanVersion.objects.get(plan=plan, year=2026).status == "superseded"


def test_a_version_with_a_goal_without_measures_cannot_go_to_adoption(plan, meeting):
    draft = _draft(plan)
    with scopes_disabled():
        Measure.objects.filter(version=draft, chapter__numeral="III").delete()
    with pytest.raises(ValidationError) as refused:
        services.version_propose(version=draft, meeting=meeting, actor=None)
    assert refused.value.message_dict == {
        "meeting": ["Kapittel III) Målsetting 2a: MT er integrert i tjenester har ingen tiltak."]
    }


def test_rolling_waits_until_the_open_draft_is_adopted(plan):
    _draft(plan)
    with pytest.raises(ValidationError) as refused:
        _draft(plan, 2028)
    assert refused.value.message_dict == {
        "year": ["Utkastet for 2027 er ikke vedtatt ennå: gjør ferdig det først."]
    }


def test_a_draft_goes_on_the_agenda_once(plan, meeting):
    draft = _draft(plan)
    case = services.version_propose(version=draft, meeting=meeting, actor=None)
    with pytest.raises(ValidationError) as refused:
        services.version_propose(version=draft, meeting=meeting, actor=None)
    assert refused.value.message_dict == {
        "meeting": [f"Utkastet står allerede på sakslisten som {case.label}."]
    }


def test_rolling_copies_who_works_on_each_measure(polyfon, plan):
    from samspill.clusters.tests.factories import OrganisationFactory

    with scopes_disabled():
        adopted = PlanVersion.objects.get(plan=plan, year=2026)
        measure = adopted.measures.get(text="Rekruttere klyngedeltakere")
        organisation = OrganisationFactory(cluster=polyfon)
        measure.organisations.add(organisation)
    copy = _measure(_draft(plan), "Rekruttere klyngedeltakere")
    with scopes_disabled():
        assert list(copy.organisations.all()) == [organisation]


def test_an_import_must_be_for_a_year_of_the_plan(plan):
    from .factories import small_outline

    with pytest.raises(ValidationError) as refused:
        services.version_create_from_outline(
            plan=plan, outline=small_outline(), year=2035, actor=None
        )
    assert refused.value.message_dict == {"year": ["Planen gjelder 2025–2030."]}


def test_a_started_measure_cannot_be_made_a_candidate_by_editing_it_either(plan):
    measure = _measure(_draft(plan), "Rådgivning om praksis")
    measure.status, measure.start_year = S.CANDIDATE, None
    with pytest.raises(ValidationError) as refused:
        services.measure_save(measure=measure, actor=None)
    assert refused.value.message_dict == {
        "status": ["Et tiltak som har startet, kan ikke bli et aktuelt nytt tiltak igjen."]
    }
