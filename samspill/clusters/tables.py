"""The columns of each registry list's export.

One list per kind of record: the export writes these labels and values, and the importer
reads a file by the same labels (in every interface language), so an export imports again.
Choice fields are written as their labels with `choice(field)`, which looks the labels up
once per export rather than once per row as `get_<field>_display()` does.
"""

from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from samspill.common.collation import sort_key
from samspill.common.lists import Column, choice

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
