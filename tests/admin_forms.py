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
