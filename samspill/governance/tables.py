"""The decision register's table on the page and in its export (see clusters/tables.py)."""

import datetime
from html import escape

from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from samspill.common.lists import Column, choice
from samspill.common.tables import Cell, link, muted, text

DECISION_COLUMNS = [
    Column(_("Case"), lambda c: c.code),
    Column(_("Title"), lambda c: c.title),
    Column(_("Body"), lambda c: c.body.name),
    Column(_("Meeting"), lambda c: timezone.localtime(c.meeting.starts_at).date()),
    Column(_("Kind"), choice("kind")),
    Column(_("Decision"), lambda c: c.decision),
]


def decision_cells() -> list[Cell]:
    return [
        Cell(
            _("Case"),
            lambda c: (
                link(f"{c.meeting.get_absolute_url()}#case-{c.pk}", c.code) + muted(c.body.name)
            ),
        ),
        Cell(_("Title"), lambda c: text(c.title)),
        Cell(_("Meeting"), lambda c: text(timezone.localtime(c.meeting.starts_at).date())),
        Cell(_("Decision"), lambda c: text(Truncator(c.decision).chars(240))),
    ]


FOLLOWUP_COLUMNS = [
    Column(_("What is to be done"), lambda f: f.text),
    Column(_("Responsible"), lambda f: f.owner.name if f.owner else ""),
    Column(_("Due"), lambda f: f.due_on),
    Column(_("Case"), lambda f: f.case.code),
    Column(_("Body"), lambda f: f.case.body.name),
    Column(_("Done"), lambda f: f.done_on),
]


def followup_cells(today: datetime.date, list_url: str) -> list[Cell]:
    overdue = gettext("overdue")

    def responsible(f) -> str:
        return link(f"{list_url}?person={f.owner_id}", f.owner.name) if f.owner else text("")

    def case(f) -> str:
        return link(f"{f.case.meeting.get_absolute_url()}#case-{f.case_id}", f.case.code)

    def due(f) -> str:
        late = f.due_on and not f.done_on and f.due_on < today
        return text(f.due_on) + (f" <strong>({escape(overdue)})</strong>" if late else "")

    return [
        Cell(
            _("What is to be done"),
            lambda f: text(f.text) + muted(f"{f.case.label} {f.case.title}"),
        ),
        Cell(
            _("Responsible"),
            lambda f: (
                link(f"{list_url}?person={f.owner_id}", f.owner.name) if f.owner else text("")
            ),
        ),
        Cell(_("Due"), due),
        Cell(
            _("Case"),
            lambda f: link(f"{f.case.meeting.get_absolute_url()}#case-{f.case_id}", f.case.code),
        ),
        Cell(_("Done"), lambda f: text(f.done_on)),
    ]
