"""The decision register's table on the page and in its export (see clusters/tables.py)."""

from django.utils import timezone
from django.utils.text import Truncator
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
