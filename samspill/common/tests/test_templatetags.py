from samspill.common.templatetags.samspill import organisation_number


def test_organisation_number_is_printed_in_groups_of_three():
    assert organisation_number("917641404") == "917 641 404"
    assert organisation_number("") == ""
    assert organisation_number("12345") == "12345"  # left as typed when it is not a number
