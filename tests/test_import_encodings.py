"""Files saved by Windows tools: UTF-16 (little- or big-endian, with a byte-order mark) and UTF-8
with a byte-order mark are read, with a warning naming the encoding; binary is still refused."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from stories.models import Story

pytestmark = pytest.mark.django_db

TEXT = """\
Café owners meet the city’s health inspectors

Webp abc123
Ann Poe, Director of the Bureau of Widget Safety | Official Website

Café owners meet the city’s health inspectors

ORGANIZATIONS IN THIS STORY

The Bureau met café owners on Monday — “a useful talk,” one said.

ORGANIZATIONS IN THIS STORY
"""


def run_import(path) -> dict:
    out = StringIO()
    call_command("import_stories", str(path), "--json", stdout=out)
    [report] = json.loads(out.getvalue())
    return report


@pytest.mark.parametrize(
    ("encoding", "bom", "named"),
    [
        ("utf-16-le", b"\xff\xfe", "UTF-16 (little-endian)"),
        ("utf-16-be", b"\xfe\xff", "UTF-16 (big-endian)"),
        ("utf-8", b"\xef\xbb\xbf", "UTF-8 with a byte-order mark"),
    ],
)
def test_a_file_saved_by_windows_is_read_with_a_warning_naming_its_encoding(
    tmp_path, encoding, bom, named
):
    path = tmp_path / "notepad.txt"
    path.write_bytes(bom + TEXT.replace("\n", "\r\n").encode(encoding))
    report = run_import(path)
    assert report["status"] == "created"
    story = Story.objects.get()
    assert story.headline == "Café owners meet the city’s health inspectors"
    assert story.body == "The Bureau met café owners on Monday — “a useful talk,” one said."
    warnings = [w["message"] for w in report["warnings"]]
    assert any(named in message for message in warnings), warnings
    assert f"{path}, line 1: read as {named}" in [w["text"] for w in report["warnings"]][0]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "expected UTF-8 text, found binary data"),
        (b"\xff\xfe" + b"\x00\xd8" + "text".encode("utf-16-le"), "expected UTF-16 text"),
        (b"\xff\xfe" + b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary data"),
        (b"\xff\xfe\x00\x00" + "Hi".encode("utf-32-le"), "binary data"),
    ],
)
def test_binary_is_still_refused(tmp_path, data, expected):
    path = tmp_path / "binary.txt"
    path.write_bytes(data)
    err = StringIO()
    with pytest.raises(CommandError, match="refused"):
        call_command("import_stories", str(path), stdout=StringIO(), stderr=err)
    assert expected in err.getvalue()
    assert not Story.objects.exists()
