"""Plain text as the newsroom stores it: one line ending, "\n".

Browsers post a textarea's text with CRLF line endings (the HTML spec says so), Windows tools
save files with them and old Mac files use a bare CR. Stored text is normalized at every
boundary — form fields, importers, the model's save — so that a paragraph break is always
"\n\n" and a save without edits compares equal to what is stored.
"""

from django import forms


def normalize_newlines(text: str) -> str:
    """`text` with every CRLF and lone CR turned into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


class PlainTextField(forms.CharField):
    """A form field for multi-line text: strips like CharField and normalizes line endings, so
    that unchanged text posted back by a browser is not seen as a change."""

    def to_python(self, value):
        value = super().to_python(value)
        return normalize_newlines(value) if isinstance(value, str) else value
