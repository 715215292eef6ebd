"""Hostile and random files to the importer: a clear message or a preview, never a crash,
and reading never takes much memory whatever the file claims to hold."""

import io
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from samspill.clusters.imports import UnreadableFile, import_prepare
from samspill.common.spreadsheets import Limits, read_table

pytestmark = pytest.mark.django_db

FAST = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MEMORY_LIMIT = 40 * 1024 * 1024

hostile_text = st.text(
    alphabet=st.sampled_from(list(";,\t\"'\n\r=+-@ æøåÆØÅ\x00\ufeff\u202e") + ["a", "1"]),
    max_size=300,
)
cells = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["=1+2", "@SUM(A1)", "+47", "-", "Vest", "99999999999", "31.02.2024"]),
    st.integers(),
    st.floats(allow_nan=True),
    st.dates(),
    st.none(),
)


def _xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _prepare(cluster, actor, data: bytes, name: str, kind: str):
    try:
        import_prepare(
            cluster=cluster, kind=kind, upload=SimpleUploadedFile(name, data), actor=actor
        )
    except UnreadableFile as problem:
        assert str(problem)


@FAST
@given(
    data=st.one_of(st.binary(max_size=2000), hostile_text.map(lambda t: t.encode("utf-8"))),
    name=st.sampled_from(["fil.csv", "fil.xlsx", "fil.CSV", "fil"]),
    kind=st.sampled_from(["organisations", "people", "memberships"]),
)
def test_random_bytes_never_crash_the_import(polyfon, secretariat, data, name, kind):
    _prepare(polyfon, secretariat, data, name, kind)


@FAST
@given(
    header=st.lists(
        st.sampled_from(
            [
                "Navn",
                "Type",
                "Region",
                "Overordnet organisasjon",
                "Organisasjon",
                "Meldt inn",
                "Initialer",
                "Organisasjoner",
                "Kind",
                "x",
            ]
        ),
        max_size=6,
    ),
    rows=st.lists(st.lists(cells, max_size=7), max_size=8),
    kind=st.sampled_from(["organisations", "people", "memberships"]),
)
def test_random_spreadsheets_never_crash_the_import(polyfon, secretariat, header, rows, kind):
    try:
        data = _xlsx([header, *rows])
    except Exception:  # openpyxl refuses some values (control characters): not our input
        return
    _prepare(polyfon, secretariat, data, "fil.xlsx", kind)


@FAST
@given(content=st.binary(min_size=1, max_size=3000))
def test_a_broken_zip_named_xlsx_gets_a_message(content):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", content)
        archive.writestr("[Content_Types].xml", content[:100])
    with pytest.raises(UnreadableFile):
        read_table(SimpleUploadedFile("fil.xlsx", buffer.getvalue()))


def test_an_enormous_cell_or_endless_rows_take_little_memory():
    """One cell of 50 MB (packed into a small file), and 100,000 rows where 5,000 are allowed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/sharedStrings.xml", "w") as member:
            for _ in range(50):
                member.write(b"A" * (1024 * 1024))
    bomb = SimpleUploadedFile("bomb.xlsx", buffer.getvalue())
    many_rows = SimpleUploadedFile("rows.csv", b"Navn\n" + b"Kommune\n" * 100_000)
    tracemalloc.start()
    try:
        for file, message in ((bomb, "unpacks to more than"), (many_rows, "more than 5000 rows")):
            with translation.override("en"), pytest.raises(UnreadableFile, match=message):
                read_table(file, Limits(max_unpacked_bytes=20 * 1024 * 1024))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_LIMIT
