from samspill.clusters.queries import BalanceCell, BalanceRow, bubble_radius
from samspill.clusters.templatetags.clusters import (
    balance_cells,
    balance_marks,
    organisation_number,
)


def test_organisation_number_is_printed_in_groups_of_three():
    assert organisation_number("917641404") == "917 641 404"
    assert organisation_number("") == ""
    assert organisation_number("12345") == "12345"  # left as typed when it is not a number


def test_balance_bubbles_grow_with_the_square_root_of_the_count():
    assert bubble_radius(0, 4) == 0
    assert bubble_radius(4, 4) == 28
    assert bubble_radius(1, 4) == 17


def _row() -> BalanceRow:
    cells = [
        BalanceCell(None, "university", "U", 3, False, "3", "250", "28.0", "<Vest>, U: 3"),
        BalanceCell(None, "municipality", "M", 0, True, "0", "350", "", "<Vest>, M: gap"),
        BalanceCell(None, "other", "O", 0, False, "0", "450", "", ""),
    ]
    return BalanceRow(None, cells, 3, "<Vest>", "200", "250", "255", "256")


def test_balance_cells_are_drawn_with_the_region_escaped():
    marks = balance_marks(_row())
    assert marks == (
        '<circle class="bubble" cx="250" cy="250" r="28.0"><title>&lt;Vest&gt;, U: 3</title>'
        '</circle><text x="250" y="255" text-anchor="middle" class="count">3</text>\n'
        '<circle class="gap" cx="350" cy="250" r="22"><title>&lt;Vest&gt;, M: gap</title>'
        '</circle><text x="350" y="256" text-anchor="middle" class="gap-mark">!</text>'
    )
    assert "450" not in marks  # nothing to draw where there is neither a member nor a gap


def test_balance_table_marks_the_gaps():
    assert balance_cells(_row(), "gap & hole") == (
        "<td>3</td><td>0 <strong>(gap &amp; hole)</strong></td><td>0</td>"
    )
