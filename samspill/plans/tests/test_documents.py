"""The plan as PDF, summary and Word: the reference's shape and typography, in the plan's
written standard, in a fixed number of queries."""

import io

import pytest
from django.utils import translation
from django_scopes import scopes_disabled

from samspill.conftest import pdf_text
from samspill.plans import documents, word
from samspill.plans.models import ActionPlan, Measure

from .factories import make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(polyfon):
    return make_plan(polyfon)[1]


def test_the_summary_lists_exactly_the_prioritised_measures_by_chapter(version):
    with scopes_disabled():
        text = pdf_text(documents.plan_pdf(version, summary_only=True))
    assert "Sammendrag: Prioriterte tiltak i 2026" in text
    assert "II) Nasjonal funksjon" in text
    assert "Søknad om nasjonal kompetansetjeneste" in text
    assert "Rekruttere klyngedeltakere" not in text  # ongoing, not prioritised
    assert "III)" not in text  # no prioritised measure there
    assert "X) Rullering" in text and "Planen rulleres årlig." in text


def test_the_whole_plan_has_the_reference_sections_in_the_plans_language(version):
    with scopes_disabled():
        text = pdf_text(documents.plan_pdf(version))
    for heading in (
        "Hvorfor er dette viktig?",
        "Hvor bør klynga være i 2030?",
        "Aktuelle tiltak",
        "Startår",
        "Forutsetninger for å lykkes",
        "Forklaringer til tabellene med tiltak",
        "III) Målsetting 2a: MT er integrert i tjenester",
    ):
        assert heading in text, heading
    assert "1) Rekruttere klyngedeltakere" in text
    # Candidates are not numbered, and come after the measures taken up.
    assert text.index("2) Søknad om nasjonal") < text.index("Nettverk for erfaringsskoler")


def test_nynorsk_plans_print_nynorsk_labels(version):
    with scopes_disabled():
        ActionPlan.objects.filter(pk=version.plan_id).update(language="nn")
        version.plan.refresh_from_db()
        text = pdf_text(documents.plan_pdf(version))
    assert "Kvifor er dette viktig?" in text


def test_the_html_marks_each_status_as_the_reference_does(version):
    with scopes_disabled(), translation.override("nb"):
        html = documents.plan_html(version)
    assert "<strong><em>Søknad om nasjonal kompetansetjeneste</em></strong>" in html
    assert "<em>Nettverk for erfaringsskoler</em>" in html
    with scopes_disabled():
        Measure.objects.filter(text="Rådgivning om praksis").update(status="completed")
        html = documents.plan_html(version)
    assert "<s>Rådgivning om praksis</s>" in html


def test_the_document_takes_the_same_queries_for_more_measures(version, django_assert_num_queries):
    with scopes_disabled():
        version.cluster, version.plan  # noqa: B018 (read before counting, as the views do)
        with django_assert_num_queries(2):
            documents.plan_html(version)
        chapter = version.chapters.get(numeral="II")
        for n in range(5):
            Measure.objects.create(
                cluster=version.cluster,
                version=version,
                chapter=chapter,
                text=f"Ekstra {n}",
                start_year=2026,
            )
        with django_assert_num_queries(2):
            documents.plan_html(version)


def test_the_word_document_has_headings_a_table_and_the_typography(version):
    from docx import Document

    with scopes_disabled():
        document = Document(io.BytesIO(word.plan_docx(version)))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Sammendrag: Prioriterte tiltak i 2026"
    assert "II) Realisering av en nasjonal funksjon" in headings
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Tiltak", "Startår"]
    runs = {r.text: r for row in table.rows[1:] for r in row.cells[0].paragraphs[0].runs}
    assert runs["Søknad om nasjonal kompetansetjeneste"].bold
    assert runs["Søknad om nasjonal kompetansetjeneste"].italic
    assert runs["Nettverk for erfaringsskoler"].italic
    assert not runs["Nettverk for erfaringsskoler"].bold
    assert [c.text for c in table.rows[-1].cells] == ["", ""]  # the open row


def test_the_reference_plans_summary_is_one_page(polyfon):
    from samspill.plans import services
    from samspill.plans.demo_plan import polyfon_2026

    with scopes_disabled():
        plan = ActionPlan.objects.create(
            cluster=polyfon,
            title="Handlingsplan 2025-2030",
            slug="ref",
            period_start=2025,
            period_end=2030,
        )
    version = services.version_create_from_outline(
        plan=plan, outline=polyfon_2026(), year=2026, actor=None
    )
    with scopes_disabled():
        pages = pdf_text(documents.plan_pdf(version, summary_only=True)).strip("\f").split("\f")
    assert len(pages) == 1
    assert pages[0].count("•") == 13  # the reference's thirteen prioritised measures
