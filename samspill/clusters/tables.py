"""The columns of each registry list's export, and the tables of its list pages.

One list per kind of record: the export writes these labels and values, and the importer
reads a file by the same labels (in every interface language), so an export imports again.
Choice fields are written as their labels with `choice(field)`, which looks the labels up
once per export rather than once per row as `get_<field>_display()` does.
"""

from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from samspill.common.choices import choice_label
from samspill.common.collation import sort_key
from samspill.common.lists import Column, choice
from samspill.common.tables import Cell, linebreaks, link, muted, row_url, text

from .models import Cluster, Membership
from .validators import format_organisation_number

ORGANISATION_COLUMNS = [
    Column(_("Name"), lambda o: o.name, "name"),
    Column(_("Short name"), lambda o: o.short_name, "short_name"),
    Column(_("Organisation number"), lambda o: o.organisation_number, "organisation_number"),
    Column(_("Kind"), choice("kind"), "kind"),
    Column(_("County"), choice("county"), "county"),
    Column(_("Region"), lambda o: o.region, "region"),
    Column(_("Parent organisation"), lambda o: o.parent, "parent"),
    Column(_("Website"), lambda o: o.website, "website"),
    Column(_("Member now"), lambda o: gettext("yes") if o.is_member else gettext("no")),
]

PERSON_COLUMNS = [
    Column(_("Name"), lambda p: p.name, "name"),
    Column(_("Initials"), lambda p: p.initials, "initials"),
    Column(_("Title"), lambda p: p.title, "title"),
    Column(_("Email"), lambda p: p.email, "email"),
    Column(_("Phone"), lambda p: p.phone, "phone"),
    Column(
        _("Organisations"),
        # In alphabetical order, so that an export imported and exported again is the same.
        lambda p: "; ".join(
            sorted((a.organisation.name for a in p.affiliations.all()), key=sort_key)
        ),
        "organisations",
    ),
]

MEMBERSHIP_COLUMNS = [
    Column(_("Organisation"), lambda m: m.organisation.name, "organisation"),
    Column(_("Kind"), choice("kind"), "kind"),
    Column(_("Subgroup"), lambda m: m.subgroup, "subgroup"),
    Column(_("Joined"), lambda m: m.joined_on, "joined_on"),
    Column(_("Left"), lambda m: m.left_on, "left_on"),
    Column(_("Region"), lambda m: m.effective_region, "region"),
    Column(pgettext_lazy("knutepunkt", "Node"), lambda m: m.node, "node"),
]
# Notes may be internal: only those who manage the registry see them (views add the column).
MEMBERSHIP_NOTES = Column(_("Notes"), lambda m: m.notes, "notes")

NODE_COLUMNS = [
    Column(_("Name"), lambda n: n.name),
    Column(_("Region"), lambda n: n.region),
    Column(_("Host organisation"), lambda n: n.host_organisation),
    Column(_("Coordinator"), lambda n: n.coordinator),
    Column(_("Status"), choice("status")),
    Column(_("From"), lambda n: n.starts_on),
    Column(_("To"), lambda n: n.ends_on),
]

SUBGROUP_COLUMNS = [
    Column(_("Name"), lambda s: s.name),
    Column(_("Region"), lambda s: s.region),
    Column(_("Parties"), lambda s: s.party_count),
]

AGREEMENT_COLUMNS = [
    Column(_("Title"), lambda a: a.title),
    Column(_("Kind"), choice("kind")),
    Column(_("Other party"), lambda a: a.counterpart),
    Column(_("Versions"), lambda a: a.version_count),
]

IMPORT_COLUMNS = [
    Column(_("File"), lambda b: b.filename),
    Column(_("Kind"), choice("kind")),
    Column(_("Uploaded by"), lambda b: b.created_by),
    Column(_("Uploaded"), lambda b: timezone.localtime(b.created_at).replace(tzinfo=None)),
    Column(_("Imported rows"), lambda b: b.imported_count),
]


# The tables of the list pages (`common/tables.py`): what a row shows on the page, with
# links, which can differ from what its export holds.


def organisation_cells(cluster: Cluster) -> list[Cell]:
    url = row_url("clusters:organisation_detail", cluster=cluster.slug)
    yes, no = gettext("Yes"), gettext("No")
    return [
        Cell(
            _("Name"),
            lambda o: link(url.with_pk(o.pk), o.name) + muted(o.parent and o.parent.name),
        ),
        Cell(_("Kind"), lambda o: text(choice_label(o, "kind"))),
        Cell(_("Region"), lambda o: text(o.region)),
        Cell(
            _("Organisation number"),
            lambda o: text(format_organisation_number(o.organisation_number)),
        ),
        Cell(_("Member now"), lambda o: yes if o.is_member else no),
    ]


def person_cells(cluster: Cluster) -> list[Cell]:
    url = row_url("clusters:person_detail", cluster=cluster.slug)
    return [
        Cell(_("Name"), lambda p: link(url.with_pk(p.pk), p.name) + muted(p.title)),
        Cell(_("Initials"), lambda p: text(p.initials)),
        Cell(
            _("Organisations"),
            lambda p: text(", ".join([a.organisation.name for a in p.affiliations.all()])),
        ),
        Cell(_("Email"), lambda p: text(p.email)),
    ]


def membership_cells(cluster: Cluster, *, show_organisation: bool, can_manage: bool) -> list[Cell]:
    """The memberships of the list, of an organisation's page (without the organisation's
    column) and of a subgroup's; notes and actions only for those who manage the registry."""
    cells = []
    if show_organisation:
        url = row_url("clusters:organisation_detail", cluster=cluster.slug)
        cells.append(
            Cell(
                _("Organisation"),
                lambda m: link(url.with_pk(m.organisation_id), m.organisation.name),
            )
        )
    cells += [
        Cell(
            _("Kind"),
            lambda m: (
                text(choice_label(m, "kind"))
                + (f": {text(m.subgroup.name)}" if m.subgroup_id else "")
            ),
        ),
        Cell(_("Joined"), lambda m: text(m.joined_on)),
        Cell(_("Left"), lambda m: text(m.left_on)),
        Cell(_("Region"), lambda m: text(m.effective_region)),
        Cell(pgettext_lazy("knutepunkt", "Node"), lambda m: text(m.node)),
    ]
    if can_manage:
        edit = row_url("clusters:membership_edit", cluster=cluster.slug)
        leave = row_url("clusters:membership_leave", cluster=cluster.slug)
        delete = row_url("clusters:membership_delete", cluster=cluster.slug)
        labels = gettext("Edit"), gettext("End"), gettext("Delete")

        def actions(m: Membership) -> str:
            which = f"{m.organisation.name} {text(m.joined_on)}"
            links = [link(edit.with_pk(m.pk), labels[0], which)]
            if not m.left_on:
                links.append(link(leave.with_pk(m.pk), labels[1], m.organisation.name))
            links.append(link(delete.with_pk(m.pk), labels[2], which))
            return "\n".join(links)

        cells += [
            Cell(_("Notes"), lambda m: linebreaks(m.notes)),
            Cell(_("Actions"), actions, hidden_label=True),
        ]
    return cells


def node_cells() -> list[Cell]:
    return [
        Cell(_("Name"), lambda n: link(n.get_absolute_url(), n.name)),
        Cell(_("Region"), lambda n: text(n.region)),
        Cell(_("Host organisation"), lambda n: text(n.host_organisation)),
        Cell(_("Coordinator"), lambda n: text(n.coordinator)),
        Cell(_("Status"), lambda n: text(choice_label(n, "status"))),
        Cell(_("Members"), lambda n: text(n.member_count)),
    ]


def subgroup_cells() -> list[Cell]:
    return [
        Cell(_("Name"), lambda s: link(s.get_absolute_url(), s.name)),
        Cell(_("Region"), lambda s: text(s.region)),
        Cell(_("Parties"), lambda s: text(s.party_count)),
    ]


def agreement_cells() -> list[Cell]:
    return [
        Cell(_("Title"), lambda a: link(a.get_absolute_url(), a.title)),
        Cell(_("Kind"), lambda a: text(choice_label(a, "kind"))),
        Cell(_("Other party"), lambda a: text(a.counterpart)),
        Cell(_("Versions"), lambda a: text(a.version_count)),
    ]


def import_cells(cluster: Cluster) -> list[Cell]:
    url = row_url("clusters:import_preview", cluster=cluster.slug)
    not_confirmed = gettext("Not confirmed")
    return [
        Cell(_("File"), lambda b: link(url.with_pk(b.pk), b.filename)),
        Cell(_("Kind"), lambda b: text(choice_label(b, "kind"))),
        Cell(_("Uploaded by"), lambda b: text(b.created_by)),
        Cell(_("Uploaded"), lambda b: text(b.created_at)),
        Cell(
            _("Imported rows"),
            lambda b: text(b.imported_count) if b.confirmed_at else not_confirmed,
        ),
    ]
