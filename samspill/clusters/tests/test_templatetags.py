from samspill.clusters.templatetags.clusters import organisation_number, scale


def test_organisation_number_is_printed_in_groups_of_three():
    assert organisation_number("917641404") == "917 641 404"
    assert organisation_number("") == ""
    assert organisation_number("12345") == "12345"  # left as typed when it is not a number


def test_balance_bubbles_grow_with_the_square_root_of_the_count():
    assert scale(0, 4) == 0
    assert scale(4, 4) == 28
    assert scale(1, 4) == 17
