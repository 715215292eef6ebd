"""Reading an uploaded CSV or XLSX file into rows of text, safely.

Uploads come from anyone with an import right, and files lie: a CSV renamed .xlsx, a small
XLSX that unpacks to gigabytes, a million rows where five thousand are allowed. The file is
recognised by its content, not its name; spreadsheets are read as a stream; and each limit
stops the reading as soon as it is passed, with a message the person can act on.
"""

import csv
import io
import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from .lists import unneutralise

logger = logging.getLogger(__name__)

ZIP_MAGIC = b"PK\x03\x04"
DELIMITERS = (";", ",", "\t")


class UnreadableFile(Exception):
    """The file cannot be read; the message says why, in the person's language."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 5 * 1024 * 1024
    max_rows: int = 5000  # rows of data, not counting the header
    max_columns: int = 50
    max_cell_chars: int = 5000
    # An XLSX is a zip of XML; its unpacked size bounds the memory reading it can take.
    max_unpacked_bytes: int = 60 * 1024 * 1024


def read_table(upload, limits: Limits = Limits()) -> list[list[str]]:
    """The non-empty rows of the file (header first), each a list of stripped strings."""
    if upload.size is not None and upload.size > limits.max_bytes:
        raise UnreadableFile(
            _("The file is %(size)s MB; the limit is %(limit)s MB. Split it into smaller files.")
            % {"size": _megabytes(upload.size), "limit": _megabytes(limits.max_bytes)}
        )
    upload.seek(0)
    head = upload.read(4)
    upload.seek(0)
    is_xlsx_name = upload.name.lower().endswith(".xlsx")
    if head == ZIP_MAGIC:
        rows = _xlsx_rows(upload, limits)
    elif is_xlsx_name:
        raise UnreadableFile(
            _(
                "The file is named .xlsx but is not an Excel workbook. If it is a CSV file, "
                "save it with the ending .csv, or open it in Excel and save it as .xlsx."
            )
        )
    else:
        rows = _csv_rows(upload, limits)
    table: list[list[str]] = []
    try:
        for row in rows:
            if not any(row):
                continue
            if len(table) > limits.max_rows:
                raise UnreadableFile(
                    _("The file has more than %(max)d rows. Split it into smaller files.")
                    % {"max": limits.max_rows}
                )
            table.append(row)
    except UnreadableFile:
        raise
    except Exception as error:
        # openpyxl and the csv module raise a dozen kinds of error on a broken file; to the
        # person they all mean the same thing, and none may become a server error.
        logger.info("unreadable upload %r: %r", upload.name, error)
        raise UnreadableFile(
            _("The file could not be read. Save it again as .xlsx or as .csv and try again.")
        ) from error
    if not table:
        raise UnreadableFile(_("The file is empty."))
    return table


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def _cells(values, limits: Limits, row_number: int) -> list[str]:
    cells = ["" if v is None else _text(v) for v in values]
    while cells and not cells[-1]:
        cells.pop()
    if len(cells) > limits.max_columns:
        raise UnreadableFile(
            _("Row %(row)d has more than %(max)d columns.")
            % {"row": row_number, "max": limits.max_columns}
        )
    for cell in cells:
        if len(cell) > limits.max_cell_chars:
            raise UnreadableFile(
                _("Row %(row)d has a cell of more than %(max)d characters.")
                % {"row": row_number, "max": limits.max_cell_chars}
            )
        if "\x00" in cell:
            raise UnreadableFile(
                _("Row %(row)d contains a NUL character; the file is not plain text.")
                % {"row": row_number}
            )
    return [unneutralise(cell) for cell in cells]


def _text(value) -> str:
    if hasattr(value, "date") and callable(value.date):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# XLSX -------------------------------------------------------------------------------------


def _xlsx_rows(upload, limits: Limits) -> Iterator[list[str]]:
    try:
        archive = zipfile.ZipFile(upload)
        unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise UnreadableFile(
            _("The file is not a readable Excel workbook (.xlsx). Save it again and retry.")
        ) from error
    if unpacked > limits.max_unpacked_bytes:
        raise UnreadableFile(
            _(
                "The workbook unpacks to more than %(limit)s MB. Save only the sheet to import, "
                "or save it as CSV."
            )
            % {"limit": _megabytes(limits.max_unpacked_bytes)}
        )
    upload.seek(0)
    try:
        sheet = load_workbook(upload, read_only=True, data_only=True).active
    except Exception as error:
        logger.info("unreadable workbook %r: %r", upload.name, error)
        raise UnreadableFile(
            _("The file is not a readable Excel workbook (.xlsx). Save it again and retry.")
        ) from error
    # Empty rows count too, so a sheet of a million blank rows stops early as well.
    max_raw_rows = limits.max_rows * 4 + 100
    rows = sheet.iter_rows(values_only=True, max_col=limits.max_columns + 1)
    for number, values in enumerate(rows, 1):
        if number > max_raw_rows:
            raise UnreadableFile(
                _("The file has more than %(max)d rows. Split it into smaller files.")
                % {"max": limits.max_rows}
            )
        yield _cells(values, limits, number)


# CSV --------------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    """Text as Norwegian Excel saves it: UTF-8 (with or without BOM), UTF-16, or Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            _(
                "The file's characters could not be read. Save it as “CSV UTF-8” in Excel, "
                "or as .xlsx."
            )
        ) from error


def _delimiter(first_line: str) -> str:
    """The separator that splits the header into the most columns (semicolon on a tie)."""
    counts = {d: len(next(csv.reader([first_line], delimiter=d), [])) for d in DELIMITERS}
    return max(DELIMITERS, key=lambda d: counts[d])


def _csv_rows(upload, limits: Limits) -> Iterator[list[str]]:
    text = _decode(upload.read(limits.max_bytes + 1))
    if "\x00" in text:
        raise UnreadableFile(_("The file contains NUL characters; it is not a CSV text file."))
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    for number, values in enumerate(reader, 1):
        if number > limits.max_rows * 4 + 100:
            raise UnreadableFile(
                _("The file has more than %(max)d rows. Split it into smaller files.")
                % {"max": limits.max_rows}
            )
        yield _cells(values, limits, number)
