"""Panels on a cluster's dashboard, added by the apps: common and the registry know none of them.

An app adds a panel in its `AppConfig.ready()`:

    dashboard.add(
        dashboard.Panel(
            "governance/_dashboard_warnings.html",  # the panel's template
            read=body_warnings_panel,  # (cluster) -> its context, or None for no panel
            permission="governance.view_bodies",
            order=20,
        )
    )

The dashboard shows, in order, the panels the user has the permission for whose `read` gives
something; the panels are part of what the dashboard keeps (`clusters/freshness.py`), so
`read` must depend only on the cluster's rows and the day.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Panel:
    template: str
    read: Callable[[Any], dict[str, Any] | None]
    permission: str
    order: int = 100


@dataclass(frozen=True)
class Shown:
    template: str
    context: dict[str, Any]


_panels: dict[str, Panel] = {}


def add(panel: Panel) -> None:
    """Add a panel (again: a panel replaces the one with its template)."""
    _panels[panel.template] = panel


def panels_for(user: Any, cluster: Any) -> list[Shown]:
    shown = []
    for panel in sorted(_panels.values(), key=lambda p: p.order):
        if not user.has_perm(panel.permission, cluster):
            continue
        context = panel.read(cluster)
        if context is not None:
            shown.append(Shown(panel.template, context))
    return shown
