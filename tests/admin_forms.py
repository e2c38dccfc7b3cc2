"""Posting admin forms back as a browser would, from what the page showed."""

from django import forms


def form_data(form: forms.Form) -> dict:
    """The values `form` shows, ready to post (file inputs left empty, as a browser sends them)."""
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None or isinstance(field, forms.FileField):
            continue
        data[name] = value
    return data


def inline_data(response) -> dict:
    """What the change form's inlines post when left as shown: each management form and the
    values its rows show (blank rows too, as a browser sends their defaults)."""
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update({management.add_prefix(k): v for k, v in management.initial.items()})
        for form in formset.forms:
            data.update({form.add_prefix(k): v for k, v in form_data(form).items()})
    return data
