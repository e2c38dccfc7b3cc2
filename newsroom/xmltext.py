"""Text that XML 1.0 can carry: feeds and sitemaps must stay well-formed whatever was typed.

A control character pasted into a headline (a vertical tab from a word processor, an escape
from a terminal) is legal in the database, in HTML and in JSON, but XML 1.0 has no way to write
it, not even as a character reference: Django's feed generator refuses it (a 500 for the whole
feed) and a template writes it raw (a document no reader parses). Outputs drop them.
"""

import re

# Everything outside XML 1.0's Char production: C0 controls but tab, newline and carriage
# return; lone surrogates; U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value):
    """`value` with the characters XML 1.0 cannot carry removed, in strings inside lists,
    tuples and dicts too; anything else is returned as it is."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, list | tuple):
        return type(value)(xml_safe(item) for item in value)
    if isinstance(value, dict):
        return {key: xml_safe(item) for key, item in value.items()}
    return value
