"""The plain-text story parser: every shape and variant in the format note (no database)."""

import pytest

from stories.importers.errors import StoryImportError
from stories.importers.plaintext import (
    MAX_FILE_BYTES,
    parse_attribution,
    parse_story_bytes,
    read_story_file,
)

HEADLINE = "Ministry opens new consular office in Tashkent"
SOURCE = "Jane Roe, Spokesperson for the Department of State | Official Website"
BODY = ["First paragraph with “curly quotes” — and a dash.", "Second paragraph, Rubio’s."]


def story_text(
    *,
    headline=HEADLINE,
    image="Webp e16l2sc6x5qdmh3jlwtpw95528yk",
    source=SOURCE,
    repeated=HEADLINE,
    opening=True,
    closing=True,
    body=BODY,
) -> str:
    header = [line for line in (image, source) if line is not None]
    parts = [headline, "\n".join(header)] if header else [headline]
    if repeated is not None:
        parts.append(repeated)
    if opening:
        parts.append("ORGANIZATIONS IN THIS STORY")
    parts += body
    if closing:
        parts.append("ORGANIZATIONS IN THIS STORY")
    return "\n\n".join(parts)


def parse(text: str | bytes, known=None):
    data = text.encode() if isinstance(text, str) else text
    return parse_story_bytes(data, "story.txt", is_known_organization=known)


def messages(parsed) -> list[tuple[int | None, str]]:
    return [(n.line, n.message) for n in parsed.notices]


def test_a_well_formed_story_parses_without_notices():
    parsed = parse(story_text())
    assert parsed.headline == HEADLINE
    assert (parsed.image_format, parsed.image_asset_id) == ("webp", "e16l2sc6x5qdmh3jlwtpw95528yk")
    assert parsed.source.person_name == "Jane Roe"
    assert parsed.source.title == "Spokesperson"
    assert parsed.source.organization == "Department of State"
    assert parsed.source.label == "Official Website"
    assert parsed.paragraphs == BODY  # typography kept as written
    assert parsed.notices == []


def test_the_shared_sample_parses(sample_story_path):
    parsed = read_story_file(sample_story_path)
    assert parsed.headline == (
        "U.S. and Uzbekistan officials meet to strengthen economic ties "
        "and discuss critical minerals"
    )
    assert parsed.image_asset_id == "e16l2sc6x5qdmh3jlwtpw95528yk"
    assert len(parsed.paragraphs) == 4
    assert "Rubio’s" in parsed.paragraphs[0]
    assert "“Deputy Secretary" in parsed.paragraphs[1]
    assert parsed.notices == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Webp e16l2sc6x5qdmh3jlwtpw95528yk", ("webp", "e16l2sc6x5qdmh3jlwtpw95528yk")),
        ("Webp janeroe", ("webp", "janeroe")),
        ("Webp y75", ("webp", "y75")),
        ("Webp  35", ("webp", "35")),
        ("JPEG press-photo", ("jpeg", "press-photo")),
        ("jpg abc", ("jpeg", "abc")),
        ("Png abc", ("png", "abc")),
        ("GIF abc", ("gif", "abc")),
        ("Avif abc", ("avif", "abc")),
    ],
)
def test_image_lines_in_every_shape_seen(line, expected):
    parsed = parse(story_text(image=line))
    assert (parsed.image_format, parsed.image_asset_id) == expected
    assert parsed.notices == []


def test_the_older_image_variant_takes_the_format_from_the_file_name():
    parsed = parse(story_text(image="lead_photo-2019.jpg"))
    assert (parsed.image_format, parsed.image_asset_id) == ("jpeg", "lead_photo-2019")
    assert messages(parsed) == [
        (3, "image line without a format word (older variant); format taken from the file name")
    ]


@pytest.mark.parametrize(
    ("attribution", "name", "nickname", "title", "organization"),
    [
        (
            'Thomas "Tommy" Pigott, Principal Deputy Spokesperson for the Department of State',
            "Thomas Pigott", "Tommy", "Principal Deputy Spokesperson", "Department of State",
        ),
        (
            "Thomas “Tommy” Pigott, Principal Deputy Spokesperson for the Department of State",
            "Thomas Pigott", "Tommy", "Principal Deputy Spokesperson", "Department of State",
        ),
        (
            "Jane Roe, Secretary of the U.S. Department of Energy",
            "Jane Roe", "", "Secretary", "U.S. Department of Energy",
        ),
        (
            "John Doe, Chairman, The Select Committee on Widgets",
            "John Doe", "", "Chairman", "Select Committee on Widgets",
        ),
        ("Ann Poe, CEO Acme Trading", "Ann Poe", "", "CEO", "Acme Trading"),
        (
            "Congressman John Doe Chairman of the Select Committee on Widgets",
            "John Doe", "", "Chairman", "Select Committee on Widgets",
        ),
        ("President Jane Roe", "Jane Roe", "", "President", ""),
        (
            "Joseph R. Biden, Jr., President of the United States",
            "Joseph R. Biden, Jr.", "", "President", "United States",
        ),
        (
            "Christopher Landau, Deputy Secretary of State",
            "Christopher Landau", "", "Deputy Secretary of State", "",
        ),
        (
            "Jane Roe, Chair of the Senate Appropriations Committee",
            "Jane Roe", "", "Chair", "Senate Appropriations Committee",
        ),
        (
            "John Doe, Chairman, The Select Comminttee on Widgets",
            "John Doe", "", "Chairman", "Select Comminttee on Widgets",
        ),
        (
            "Zoë Brennan-Østergaard, Director at the University of São Paulo",
            "Zoë Brennan-Østergaard", "", "Director", "University of São Paulo",
        ),
        # The shapes an editor reads without thinking (issue 10):
        ("Ann Poe, CEO of Northwind Widgets", "Ann Poe", "", "CEO", "Northwind Widgets"),
        (
            "Ann Poe, Minister of Foreign Affairs of Latvia", "Ann Poe", "",
            "Minister of Foreign Affairs", "Ministry of Foreign Affairs of Latvia",
        ),
        (
            "Ann Poe, Minister for Foreign Affairs", "Ann Poe", "", "Minister for Foreign Affairs",
            "",
        ),
        (
            "Ann Poe, Assistant Secretary for Oceans at the Department of State", "Ann Poe", "",
            "Assistant Secretary for Oceans", "Department of State",
        ),
        ("Ann Poe, Governor of Ohio", "Ann Poe", "", "Governor", "Ohio"),
        ("Ann Poe, Mayor-elect of Springfield", "Ann Poe", "", "Mayor-elect", "Springfield"),
        ("Ann Poe, Treasurer of Australia", "Ann Poe", "", "Treasurer", "Australia"),
        ("Joseph R. Biden, Jr.", "Joseph R. Biden, Jr.", "", "", ""),
        (
            "Ann Poe, PhD, Director of the Institute of Tides", "Ann Poe", "", "Director",
            "Institute of Tides",
        ),
        (
            "Ann Poe III, Chairman, President and CEO, Northwind Widgets, Inc.", "Ann Poe III", "",
            "Chairman, President and CEO", "Northwind Widgets, Inc.",
        ),
        (
            "Ann Poe, Chairman and CEO of Northwind Motors", "Ann Poe", "", "Chairman and CEO",
            "Northwind Motors",
        ),
        (
            "Ann Poe, President and CEO Northwind", "Ann Poe", "", "President and CEO",
            "Northwind",
        ),
        (
            "Tidewater’s Minister of Harbors and Quays, Ann Poe", "Ann Poe", "",
            "Minister of Harbors and Quays", "Tidewater",
        ),
        (
            "Ann Poe, Co-Founder, Chairman of the Management Board and CEO, Northwind.kz",
            "Ann Poe", "", "Co-Founder, Chairman of the Management Board and CEO", "Northwind.kz",
        ),
        ("Ann Poe, Secretary of the Treasury", "Ann Poe", "", "Secretary of the Treasury", ""),
        # a body's short name in brackets after its name is no part of it; a country's is
        (
            "Ann Poe, President, Federal Tides Office (Destides)", "Ann Poe", "", "President",
            "Federal Tides Office",
        ),
        (
            "Ann Poe, Director, National Tides Authority (Brazil)", "Ann Poe", "", "Director",
            "National Tides Authority (Brazil)",
        ),
        # a name, then with no comma a title its scope widens ("Global Head")
        (
            "Ann Poe Global Head of Research at Northwind Motors", "Ann Poe", "",
            "Global Head of Research", "Northwind Motors",
        ),
        # a title of the state itself: no body's name after "of the"
        (
            "Ann Poe, Prosecutor-General of the Republic", "Ann Poe", "",
            "Prosecutor-General of the Republic", "",
        ),
        ("Ann Poe, Special Envoy for Climate", "Ann Poe", "", "Special Envoy for Climate", ""),
        (
            "Ann Poe, CEO of Northwind, Incorporated", "Ann Poe", "", "CEO",
            "Northwind, Incorporated",
        ),
    ],
)  # fmt: skip
def test_attribution_shapes(attribution, name, nickname, title, organization):
    assert parse_attribution(attribution) == (name, nickname, title, organization)


def test_a_known_organization_decides_where_the_title_ends():
    known = {"Office of the Special Envoy for Climate"}.__contains__
    text = "Ann Poe, Deputy Director of the Office of the Special Envoy for Climate"
    assert parse_attribution(text, is_known_organization=known) == (
        "Ann Poe", "", "Deputy Director", "Office of the Special Envoy for Climate",
    )  # fmt: skip
    # Unknown to the registry, a body named after the title words: "Office" is one.
    assert parse_attribution(text)[2:] == (
        "Deputy Director", "Office of the Special Envoy for Climate",
    )  # fmt: skip
    known = {"Harbor Commission", "Fort Tern", "General Harbor Company"}.__contains__
    # a portfolio, then a second title, then the body the registry knows
    text = (
        "Ann Poe, Executive Vice-President, A Harbor Fit for the Digital Age, and Commissioner "
        "for Competition, Harbor Commission"
    )
    assert parse_attribution(text, is_known_organization=known)[2:] == (
        "Executive Vice-President, A Harbor Fit for the Digital Age, and Commissioner for "
        "Competition",
        "Harbor Commission",
    )
    # two bodies after the title, the second the registry's: the first is the person's
    text = "Lt. Gen. Ann Poe, Commanding General of XVIII Harbor Corps and Fort Tern"
    assert parse_attribution(text, is_known_organization=known)[2:] == (
        "Commanding General", "XVIII Harbor Corps",
    )  # fmt: skip
    # the line is a registry company's name, or a company's with its legal form: no person
    assert parse_attribution("General Harbor Company", is_known_organization=known) is None
    assert parse_attribution("Tern Stock Exchange, Inc.") is None


def test_a_photo_caption_in_the_source_slot_is_not_a_person():
    assert parse_attribution("Bats show signs of white-nose syndrome.") is None
    assert parse_attribution("President Ann Poe speaks inside the cathedral on 7 May.") is None
    assert parse_attribution("Prime Minister’s Office") is None  # a body, not a person
    # several people under one plural title
    caption = "Presidents Ann Poe, Bo Lee, Li Wei and Jo Roe at the Harbor Union summit in Tern."
    assert parse_attribution(caption) is None
    assert parse_attribution("The Federal Public Prosecutor General at the Tern Court") is None
    # a generation after the name's comma, then the caption's verb
    assert parse_attribution("President Ann Poe, Jr. speaks at the plant in Dayton.") is None
    assert parse_attribution("Ann Poe, Jr., Mayor of Dayton")[2:] == ("Mayor", "Dayton")
    # two people, then the caption's verb
    caption = "Mayor Ann Poe and Harbor Chair Bo Lee tour the restored hall of the station."
    assert parse_attribution(caption) is None
    assert parse_attribution("Senator Ann Poe and Senator Bo Lee of Ohio") is not None
    caption = (
        "President Ann Poe, Governor Bo Lee and Acme CEO Li Wei at the groundbreaking of the plant."
    )
    assert parse_attribution(caption) is None
    # two people with their titles, at an event: more lower-case words, or "his" for "the"
    caption = (
        "Ann Poe, CEO of Acme, and Bo Lee, CEO of Harbor, at the new company’s launch in Tidewater "
        "on March 26, 2024."
    )
    assert parse_attribution(caption) is None
    caption = "Ann Poe, with partner Bo Lee, at his introduction as managing partner of Acme."
    assert parse_attribution(caption) is None
    caption = (
        "Chancellor Ann Poe, Premier Bo Lee and Acme CEO Li Wei at the groundbreaking ceremony "
        "near Harbor on March 25, 2024."
    )
    assert parse_attribution(caption) is None
    assert parse_attribution("Ann Poe, Head of Research at the Bank of Tidewater") is not None
    # what the person did and when, at the end
    caption = (
        "Ann Poe, Harborland’s Minister of Foreign Affairs, after his election as Chairperson of "
        "the Tidewater Commission at the 38th Ordinary Session in Harbor City, February 15, 2025."
    )
    assert parse_attribution(caption) is None
    parsed = parse(story_text(source="Bats show signs of white-nose syndrome. | USFWS"))
    assert parsed.source.person_name is None
    assert parsed.caption == "Bats show signs of white-nose syndrome."
    assert (4, "the source line names no person; kept as the image caption") in messages(parsed)


def test_a_label_naming_the_body_of_the_titles_portfolio_ends_the_title():
    line = "Jane Roe, Superintendent of Financial Services | State Department of Financial Services"
    source = parse(story_text(source=line)).source
    assert (source.title, source.organization) == ("Superintendent of Financial Services", "")
    # a place's government is no body of a portfolio: "Mayor of Springfield" stays
    source = parse(story_text(source="Jane Roe, Mayor of Springfield | City of Springfield")).source
    assert (source.title, source.organization) == ("Mayor", "Springfield")


def test_a_url_label_is_also_the_source_url():
    parsed = parse(
        story_text(source="Jane Roe, Mayor of Springfield | https://springfield.gov/news")
    )
    assert parsed.source.label == parsed.source.url == "https://springfield.gov/news"


def test_a_free_text_label_is_kept_verbatim():
    parsed = parse(
        story_text(
            source="Jane Roe, Director, Hill Country Conservancy | Hill Country Conservancy’s site"
        )
    )
    assert parsed.source.label == "Hill Country Conservancy’s site"


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"image": None}, (3, "no image line (expected '<format> <asset id>', e.g. 'Webp ab12')")),
        ({"source": None}, (4, "no source line (expected '<attribution> | <label>')")),
        (
            {"source": "Jane Roe, Spokesperson for the Department of State"},
            (4, "source line has no '| label' (expected '<attribution> | <label>')"),
        ),
        ({"repeated": None}, (None, "the repeated headline is missing from the header")),
        (
            {"repeated": "Ministry opens new consular ofice in Tashkent"},
            (6, "repeated headline differs from line 1: "
                "'Ministry opens new consular ofice in Tashkent'"),
        ),
        ({"closing": False}, (12, "closing ORGANIZATIONS IN THIS STORY marker missing after "
                                  "the last paragraph")),
        ({"opening": False}, (None, "opening ORGANIZATIONS IN THIS STORY marker missing")),
        (
            {"opening": False, "closing": False},
            (8, "expected the ORGANIZATIONS IN THIS STORY markers around the body; none found"),
        ),
    ],
)  # fmt: skip
def test_each_leniency_is_reported_with_its_line(kwargs, expected):
    parsed = parse(story_text(**kwargs))
    assert expected in messages(parsed)
    assert parsed.paragraphs == BODY


def test_a_source_line_much_like_the_headline_is_still_the_source_line():
    # Four fifths alike: the long name and the body's name fill both lines.
    headline = (
        "Alexandra M. Konstantinidou sworn in as director of the National Institutes of Health"
    )
    parsed = parse(
        story_text(
            headline=headline,
            source="Alexandra M. Konstantinidou, M.D., Director of the National Institutes of "
            "Health | nih.gov",
            repeated=headline,
        )
    )
    assert (parsed.source.person_name, parsed.source.title, parsed.source.organization) == (
        "Alexandra M. Konstantinidou",
        "Director",
        "National Institutes of Health",
    )
    assert parsed.caption == ""
    assert not [m for _, m in messages(parsed) if "repeated headline" in m]


def test_without_markers_and_repeated_headline_the_body_is_still_found():
    parsed = parse(story_text(opening=False, closing=False, repeated=None))
    assert parsed.paragraphs == BODY
    assert parsed.source.person_name == "Jane Roe"


def test_windows_line_endings_bom_trailing_spaces_and_blank_runs():
    text = story_text().replace("\n\n", "\n\n\n\n", 1).replace("Tashkent\n", "Tashkent   \n", 1)
    parsed = parse(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert parsed.headline == HEADLINE
    assert parsed.paragraphs == BODY
    assert messages(parsed)[:4] == [
        (1, "read as UTF-8 with a byte-order mark (the mark removed)"),
        (1, "Windows (CRLF) line endings converted"),
        (1, "trailing spaces removed"),
        (2, "3 blank lines in a row (one is enough)"),
    ]


def test_a_file_without_final_newline_or_with_extra_newlines_parses_the_same():
    assert parse(story_text()).paragraphs == parse(story_text() + "\n\n\n").paragraphs


@pytest.mark.parametrize(
    ("data", "line", "expected"),
    [
        (b"", 1, "a headline on line 1, found an empty file"),
        (b"\n\n  \n", 1, "a headline on line 1, found an empty file"),
        (b"Headline\n\n\x00\x01\x02PNG", 3, "UTF-8 text, found binary data (a NUL byte)"),
        (
            b"Headline\n\nCaf\xe9 opens\n",
            3,
            "UTF-8 text, found byte 0xE9 that is not UTF-8 (save the file as UTF-8)",
        ),
        (
            b"Webp abc\nJane Roe, Mayor | Site\n\nBody.\n",
            1,
            "a headline on line 1, found an image line",
        ),
        (
            b"ORGANIZATIONS IN THIS STORY\n\nBody.\n",
            1,
            "a headline on line 1, found the ORGANIZATIONS IN THIS STORY marker",
        ),
        (
            b"Headline\n\nWebp abc\nJane Roe, Mayor | Site\n\nHeadline\n\n"
            b"ORGANIZATIONS IN THIS STORY\n",
            8,
            "at least one body paragraph",
        ),
        (("x" * 301).encode(), 1, "a headline of at most 300 characters, found 301"),
    ],
)
def test_refused_files_name_the_line_and_what_was_expected(data, line, expected):
    with pytest.raises(StoryImportError) as error:
        parse(data)
    assert (error.value.path, error.value.line, error.value.expected) == (
        "story.txt",
        line,
        expected,
    )
    assert str(error.value) == f"story.txt, line {line}: expected {expected}"


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(story_text().encode() + b"x" * MAX_FILE_BYTES)
    with pytest.raises(StoryImportError) as error:
        read_story_file(path)
    assert error.value.line is None
    assert error.value.expected.startswith("a story file of at most 2 MB, found 2.0 MB")


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(StoryImportError) as error:
        read_story_file(tmp_path / "nope.txt")
    assert "a readable file" in error.value.expected


def test_the_import_key_ignores_typography():
    straight = parse(story_text(headline="Rubio's trip", repeated="Rubio's trip"))
    curly = parse(story_text(headline="Rubio’s trip", repeated="Rubio’s trip"))
    assert straight.import_key == curly.import_key


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a courtesy title that is the office
        ("Rep. Ann Poe (D-NY)", ("Ann Poe", "Representative", "")),
        # a national prefix before the title
        ("U.S. Attorney Ann Poe", ("Ann Poe", "U.S. Attorney", "")),
        # a portfolio listed with commas, then the body
        (
            "Ann Poe, Executive Vice-President for a Clean, Just and Fair Transition, Harbor "
            "Commission",
            (
                "Ann Poe",
                "Executive Vice-President for a Clean, Just and Fair Transition",
                "Harbor Commission",
            ),
        ),  # fmt: skip
        # a body's name listed with commas after the title
        (
            "Ann Poe, Ranking Member of the Senate Committee on Health, Education, Labor, and "
            "Pensions",
            (
                "Ann Poe",
                "Ranking Member",
                "Senate Committee on Health, Education, Labor, and Pensions",
            ),
        ),
        # titles listed with commas and "&", a title word of companies ("Corporate")
        (
            "Ann Poe, Representative Director, Corporate Officer, Chairman & CEO, Harbor "
            "Group Corp.",
            (
                "Ann Poe",
                "Representative Director, Corporate Officer, Chairman & CEO",
                "Harbor Group Corp.",
            ),
        ),  # fmt: skip
        # portfolios of more words joined by "&" and "and"
        (
            "Ann Poe, Union Minister for Railways, Information & Broadcasting and Electronics "
            "& Information Technology",
            (
                "Ann Poe",
                "Union Minister for Railways, Information & Broadcasting and "
                "Electronics & Information Technology",
                "",
            ),
        ),  # fmt: skip
        # a university's fields of work listed with commas and "and", then the university
        (
            "Ann Poe, Vice-President, Research and Innovation, and Strategic Initiatives, "
            "Harbor University",
            (
                "Ann Poe",
                "Vice-President, Research and Innovation, and Strategic Initiatives",
                "Harbor University",
            ),
        ),
        # a field of work after the title, then "for" or "at" the body
        (
            "Ann Poe, Head of Communication for the Harbor Organization",
            ("Ann Poe", "Head of Communication", "Harbor Organization"),
        ),
        # (not a secretary's portfolio)
        (
            "Ann Poe, Secretary of State for Harbor Affairs",
            ("Ann Poe", "Secretary of State for Harbor Affairs", ""),
        ),
        # a shared title ("Co-CEO") before "of <company>"
        (
            "Ann Poe, Co-founder and Co-CEO of Harbor Fashion SE",
            ("Ann Poe", "Co-founder and Co-CEO", "Harbor Fashion SE"),
        ),
        # a portfolio listed with commas whose last part says where the person works
        (
            "Ann Poe, Assistant Director for Tides, Currents and Waves at the Harbor Foundation",
            ("Ann Poe", "Assistant Director for Tides, Currents and Waves", "Harbor Foundation"),
        ),
        # Canada's post-nominals with full stops are no part of the title
        (
            "The Honourable Ann Poe, P.C., M.P., Deputy Prime Minister and Minister of Finance",
            ("Ann Poe", "Deputy Prime Minister and Minister of Finance", ""),
        ),
        # a head noun alone before the title is the title's ("Department Spokesperson")
        ("Department Spokesperson Ann Poe", ("Ann Poe", "Department Spokesperson", "")),
        # degrees with full stops, and decorations in capitals, between the name and the title
        (
            "Ann Poe, D.P.M., M.B.A., Chairman, Select Subcommittee on Tides",
            ("Ann Poe", "Chairman", "Select Subcommittee on Tides"),
        ),
        (
            "Admiral Ann Poe, PVSM, AVSM, ADC, Chief of the Naval Staff",
            ("Ann Poe", "Chief of the Naval Staff", ""),
        ),
        # the name, then the title, with no comma between
        ("Ann Poe CEO of Harbor Innovation", ("Ann Poe", "CEO", "Harbor Innovation")),
        # an envoy of a country named in the title heads that country's mission
        (
            "Ann Poe, Ambassador of Japan to the United States",
            (
                "Ann Poe",
                "Ambassador of Japan to the United States",
                "Embassy of Japan in the United States",
            ),
        ),
        # the body's own name holds a later " for "
        (
            "Ann Poe, Founder and Executive Chairman for the Institute for Tides & Waves",
            ("Ann Poe", "Founder and Executive Chairman", "Institute for Tides & Waves"),
        ),
    ],
)
def test_source_lines_with_courtesy_titles_prefixes_and_lists(line, expected):
    name, _, title, organization = parse_attribution(line)
    assert (name, title, organization) == expected
