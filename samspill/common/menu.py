"""The main menu of a cluster's pages, filled in by the apps: common knows none of them.

Each app adds its items in its `AppConfig.ready()`:

    menu.add(
        menu.MenuItem(
            "clusters:organisation_list",
            _("Organisations"),
            permission="clusters.view_registry",
            order=20,
            pages=("clusters:organisation",),
        ),
        section="clusters",  # the app's other pages are under its first item
    )

An item shows to those who have its `permission` on the cluster. It is marked current
(`aria-current`) on the page it links to ("page") and on the pages of its section ("true"):
those whose view name starts with one of its `pages` prefixes (an organisation's page and
form under Organisations), and, for the first item added with `section`, every other page of
that URL namespace (the registry's balance, nodes, settings … under Registry).
"""

from dataclasses import dataclass

from django.urls import ResolverMatch
from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class MenuItem:
    view_name: str  # reversed with the cluster's slug: "clusters:organisation_list"
    label: StrOrPromise
    permission: str  # a rules permission whose object is the cluster
    order: int = 100  # place in the menu, smallest first
    pages: tuple[str, ...] = ()  # view-name prefixes of the pages in its section


_items: dict[str, MenuItem] = {}
_sections: dict[str, str] = {}  # URL namespace → view name of the item its pages belong to


def add(*items: MenuItem, section: str | None = None) -> None:
    """Add items to the menu (again: an item replaces the one with its view name).

    `section` is a URL namespace whose pages, unless an item's `pages` claims them, belong
    under the first of `items`.
    """
    for item in items:
        _items[item.view_name] = item
    if section is not None and items:
        _sections[section] = items[0].view_name


def items() -> list[MenuItem]:
    return sorted(_items.values(), key=lambda item: item.order)


def item_for(match: ResolverMatch | None) -> str | None:
    """The view name of the menu item the resolved page belongs to (its own if none)."""
    if match is None:
        return None
    for item in _items.values():
        if match.view_name.startswith(item.pages):
            return item.view_name
    return _sections.get(match.namespace, match.view_name)
