"""Selects and inputs written in Python are the markup Django's templates make, byte for
byte; other widgets are left to Django."""

import pytest
from django import forms

from samspill.common.templatetags.samspill import ds_widget
from samspill.common.widgets import render_choice, render_widget


class KeptValueSelect(forms.Select):
    """Like the registry's filters: an option for a value not among the choices."""

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        option = self.create_option(name, "extra", "Extra <x>", True, len(groups))
        return [*groups, (None, [option], len(groups))]


class Everything(forms.Form):
    plain = forms.ChoiceField(choices=[("", "Alle"), ("a", "A & B"), ("b", "«B»")])
    grouped = forms.ChoiceField(
        choices=[("", "—"), ("Vest", [("1", "Bergen"), ("2", '"Voss"')]), ("3", "Bodø")],
        required=False,
        help_text="Hjelp",
    )
    typed = forms.TypedChoiceField(choices=[(1, "én"), (2, "to")], coerce=int, required=False)
    kept = forms.ChoiceField(choices=[("", "Alle")], required=False, widget=KeptValueSelect)
    attrs = forms.ChoiceField(
        choices=[("x", "X")],
        widget=forms.Select(attrs={"data-autosubmit": True, "data-off": False, "size": 3}),
    )
    disabled = forms.ChoiceField(choices=[("x", "X")], disabled=True, required=False)
    nullable = forms.NullBooleanField(required=False)
    many = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B")], required=False)
    text = forms.CharField(required=False, max_length=20)
    search = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "search"}))
    email = forms.EmailField()
    url = forms.URLField(required=False, assume_scheme="https")
    number = forms.IntegerField(required=False, min_value=1)
    day = forms.DateField(required=False)
    secret = forms.CharField(required=False, widget=forms.PasswordInput(render_value=True))
    hidden = forms.CharField(required=False, widget=forms.HiddenInput)
    note = forms.CharField(required=False, widget=forms.Textarea)
    flag = forms.BooleanField(required=False)
    upload = forms.FileField(required=False)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"plain": "a", "grouped": "2", "typed": "2", "kept": "nope", "nullable": "true"},
        {"plain": "zzz", "grouped": "<script>", "typed": "x", "many": ["a", "b"]},
        {
            "text": 'Bergen "kommune" & <b>',
            "search": "x",
            "email": "a@b.no",
            "number": "0",
            "day": "07.10.2022",
            "secret": "hemmelig",
            "hidden": "1",
            "note": "<tekst>",
            "flag": "on",
        },
    ],
)
@pytest.mark.parametrize("name", list(Everything.base_fields))
def test_widget_written_in_python_is_what_django_renders(name, data):
    form = Everything(data or None)
    form.is_valid()
    field = form[name]
    attrs = {"class": "ds-input", "aria-describedby": "x_help"}
    assert render_widget(field, dict(attrs)) == field.as_widget(attrs=dict(attrs))


@pytest.mark.parametrize("data", [{}, {"many": ["a", "b"], "radio": "b"}, {"many": ["<x>"]}])
def test_checkboxes_and_radio_buttons_of_a_choice_are_what_django_renders(data):
    class Choices(forms.Form):
        many = forms.MultipleChoiceField(
            choices=[("a", "A"), ("b", "«B»")], widget=forms.CheckboxSelectMultiple
        )
        radio = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)

    form = Choices(data or None)
    form.is_valid()
    for name in ("many", "radio"):
        for choice in form[name]:
            assert render_choice(choice) == choice.tag()


def test_initial_values_are_written_too():
    form = Everything(initial={"text": "Førehand", "day": "2022-10-07", "plain": "b"})
    for name in ("text", "day", "plain"):
        attrs = {"class": "ds-input"}
        assert render_widget(form[name], dict(attrs)) == form[name].as_widget(attrs=dict(attrs))


def test_ds_widget_marks_errors_on_a_select():
    form = Everything({"plain": "zzz"})
    form.is_valid()
    html = ds_widget(form["plain"])
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_plain_error"' in html
    assert html.startswith('<select name="plain" class="ds-input"')
