"""What the suggestion engine finds in a story: the story's text as the engine reads it, and
the findings as plain data for commands, the importer and the admin."""

import dataclasses
import re

from django.conf import settings

from people.matching import Findings, Mention, PersonFinding, Suggestion, is_acronym
from people.matching.index import web_host
from people.matching.lexicon import (
    COMPANY_SUFFIXES,
    COMPANY_TITLES,
    NATIONAL_PREFIX,
    ORGANIZATION_HEADS,
    PORTFOLIOS,
    with_article,
    without_national_prefix,
)
from people.matching.quotes import Quote, find_quotes
from people.matching.results import PUBLIC_KINDS
from people.names import name_key
from people.suggestions import current_index, suggest
from stories.importers.plaintext import ParsedStory


def story_text(headline: str, attribution: str, paragraphs: list[str], caption: str = "") -> str:
    """Headline, source line, photo caption and body joined by blank lines: the offsets in
    findings point here. (A caption names what the story shows: "Paratroopers drop onto a
    training area in Estonia …".)"""
    return "\n\n".join(part for part in (headline, attribution, caption, *paragraphs) if part)


def stored_story_text(story) -> str:
    """story_text of a saved story."""
    return story_text(
        story.headline, story.source_attribution, story.paragraphs, story.image_caption
    )


def parsed_story_text(parsed: ParsedStory) -> str:
    attribution = parsed.source.attribution if parsed.source else ""
    return story_text(parsed.headline, attribution, parsed.paragraphs, parsed.caption)


def findings_as_dict(findings: Findings) -> dict:
    """The JSON shape of `suggest_organizations --json` (without "file")."""
    return {
        "organizations": [_suggestion(s) for s in findings.organizations],
        "countries": [_suggestion(s) for s in findings.countries],
        # ministries a minister's title implies, named nowhere in the text: offered, not tagged
        "implied": [_suggestion(s) for s in findings.implied],
        "candidates": [
            {
                "text": c.mentions[0].text,
                "start": c.mentions[0].start,
                "end": c.mentions[0].end,
                "name": c.name,
                "kind_guess": c.kind_guess,
                "country_guess": c.country_guess or None,
                "parent": c.parent or None,
                "reason": c.reason,
                "mentions": [m.as_dict() for m in c.mentions],
            }
            for c in findings.candidates
        ],
        "ambiguous": [
            {
                **a.mention.as_dict(),
                "options": [
                    {"name": e.name, "slug": e.slug, "kind": e.kind, "country": e.country or None}
                    for e in a.options
                ],
            }
            for a in findings.ambiguous
        ],
        "people": [
            {
                "name": p.name,
                "title": p.title,
                "organization": p.organization or None,
                "known": p.known,
                "mentions": [m.as_dict() for m in p.mentions],
            }
            for p in findings.people
        ],
    }


def story_quotes(parsed: ParsedStory, findings: Findings | None = None) -> list[Quote]:
    """The quotations in a parsed story's body, attributed with the engine's findings."""
    return find_quotes(parsed.paragraphs, findings or story_findings(parsed))


def quotes_as_dicts(quotes: list[Quote], text: str, paragraphs: list[str]) -> list[dict]:
    """The JSON shape of quotes in `suggest_organizations --json`: `start`/`end` are offsets in
    `text` (the story's text, as the mentions' are), `paragraph` 1-based over `paragraphs`
    (the body, each found in `text` in order)."""
    starts, at = [], 0
    for paragraph in paragraphs:
        found = text.find(paragraph, at)
        starts.append(found if found >= 0 else at)
        at = starts[-1] + len(paragraph)
    return [
        {
            "text": q.text,
            "start": starts[q.paragraph - 1] + q.start,
            "end": starts[q.paragraph - 1] + q.end,
            "paragraph": q.paragraph,
            "speaker": q.speaker.as_dict() if q.speaker else None,
            "cue": q.cue or None,
        }
        for q in quotes
    ]


def _suggestion(s: Suggestion) -> dict:
    return {
        "name": s.entry.name,
        "slug": s.entry.slug,
        "kind": s.entry.kind,
        "confidence": s.confidence,
        "reason": s.reason,
        "mentions": [m.as_dict() for m in s.mentions],
    }


def story_findings(parsed: ParsedStory, found: Findings | None = None) -> Findings:
    """The engine's findings for a parsed story, with its source person among the people.
    `found`: what the engine already found in parsed_story_text(parsed) (the batch importer
    scans each text once); it is left as it was, the result is a copy."""
    text = parsed_story_text(parsed)
    findings = suggest(text) if found is None else _copy_findings(found)
    source = parsed.source
    if source is None:
        return findings
    if not source.person_name:
        # No person: the line names the body itself ("Prime Minister's Office"), or it is a
        # photo caption and the label after "|" names the body that issued the release.
        for named in (source.attribution, source.label):
            entry = _called_in(findings, named.strip()) if named.strip() else None
            if entry is not None and entry.kind == "company" and " " not in named.strip():
                continue  # a platform's one-word name: "| Facebook", "| X"
            if entry is not None and entry.kind != "country":
                _add_source_organization(findings, entry.name)
                break
        return findings
    at = text.find(source.attribution)
    name_end = at + len(source.attribution.split(",")[0]) if at >= 0 else 0
    mention = Mention(text[at:name_end], at, name_end) if at >= 0 else None
    surname = source.person_name.replace(",", " ").split()[-1]
    names = {name_key(source.person_name), name_key(_without_initials(source.person_name))}
    if source.nickname:
        names.add(name_key(f"{source.nickname} {surname}"))
    organization = source_organization(parsed, findings)
    _add_source_organization(findings, organization)
    label = _called_in(findings, source.label.strip()) if source.label.strip() else None
    if label is not None and (label.kind != "company" or " " in source.label.strip()):
        # "… | Presidential Communications Office": the body that issued the release (not a
        # platform's one-word name, "Facebook", "X")
        _add_source_organization(findings, label.name)
    # "Gina M. Raimondo" in the line, "Secretary Gina Raimondo" in the body: one person;
    # "Phú Trọng" after "Nguyễn Phú Trọng" too
    same = [
        person
        for person in findings.people
        if {name_key(person.name), name_key(_without_initials(person.name))} & names
        or (
            " " in person.name.strip()
            and not person.known
            and name_key(source.person_name).endswith(" " + name_key(person.name))
        )
    ]
    if same:
        person, *others = sorted(same, key=lambda p: not p.known)
        if not person.known:
            person.name = source.person_name
        person.title = source.title or person.title
        person.organization = person.organization or organization
        for other in others:
            person.mentions += [m for m in other.mentions if m not in person.mentions]
            findings.people.remove(other)
        if mention and all(m.start != mention.start for m in person.mentions):
            person.mentions.append(mention)
        person.mentions.sort(key=lambda m: m.start)
        return findings
    findings.people.insert(
        0,
        PersonFinding(
            name=source.person_name,
            title=source.title,
            organization=organization,
            mentions=[mention] if mention else [],
        ),
    )
    return findings


def _called_in(findings: Findings, name: str):
    """The body `name` calls: the story's own body of that name ("| ACC" in a story about
    Automotive Cells Company (ACC), not the registry's Air Combat Command), else the registry's."""
    for suggestion in findings.organizations:
        if any(m.text == name for m in suggestion.mentions):
            return suggestion.entry
    index = current_index()
    entry = index.entry_called(name)
    named = [c.entry.country for c in findings.countries if c.entry.country]
    if (
        entry is not None
        and entry.kind in PUBLIC_KINDS
        and entry.country
        and named
        and entry.country not in named
        and name_key(name) != name_key(entry.name)
    ):
        # "| Presidential Secretariat" on an Indonesian release: that country's body of the
        # name, not Sri Lanka's, the registry's only one called so without its country
        return index.national_entry(name, named)
    return entry


def _without_initials(name: str) -> str:
    return " ".join(w for w in name.split() if not re.fullmatch(r"[A-Z]\.?", w))


def _copy_findings(found: Findings) -> Findings:
    """A copy of `found` that story_findings may change (its lists and people) without
    changing `found`."""
    return dataclasses.replace(
        found,
        organizations=list(found.organizations),
        implied=list(found.implied),
        people=[dataclasses.replace(p, mentions=list(p.mentions)) for p in found.people],
    )


def _add_source_organization(findings: Findings, organization: str) -> None:
    """The source's organization is in the story (the importer tags it), also when the line
    only implies it ("Minister for Foreign Affairs | Department of Foreign Affairs and Trade").
    A title implying an organization is not a mention of it: the suggestion has none."""
    index = current_index()
    entry = index.entry_called(organization) if organization else None
    if entry is None and organization:
        # "Ministry of National Defence": the one of the country the story names most
        entry = _national_entry(organization, findings)
    if entry is None or entry.kind == "country":
        return
    if any(s.entry.id == entry.id for s in findings.organizations):
        return
    if implied := [s for s in findings.implied if s.entry.id == entry.id]:
        # the body the source speaks for, implied in the body too ("Uzbekistan's Foreign
        # Minister"): in the story, with that mention
        findings.implied.remove(implied[0])
        findings.organizations.append(implied[0])
        findings.organizations.sort(key=lambda s: s.first)
        return
    suggestion = Suggestion(entry, 0.8, "the source line's organization", [])
    findings.organizations.append(suggestion)
    findings.organizations.sort(key=lambda s: s.first)


_CONSTRUCTED_MINISTRY = re.compile(r"^Ministry of (?P<portfolio>.+?) of (?:the )?(?P<country>.+)$")
# (the last of two: "Minister of State, Minister of Agriculture, …" heads agriculture)
_MINISTER_TITLE = re.compile(
    r"\bMinister (?:of|for) (?:the )?(?P<portfolio>[A-Z](?:(?!Minister )[\w ,&'-])+)$"
)
_SECRETARY_TITLE = re.compile(r"\bSecretary of (?P<the>the )?(?P<department>[A-Z][\w ]+)$")
_DEPUTY_SECRETARY_FOR = re.compile(
    r"^(?P<deputy>(?:(?:Acting|Principal|Deputy|Assistant|Under) )+Secretary of \w+(?: \w+)?)"
    r" for [A-Z].*$"
)
_SECRETARY_OF_STATE_FOR = re.compile(r"\bSecretary of State for (?P<portfolio>[A-Z][\w ,&'-]+)$")
_OFFICE_FORMS = (
    "Office of the {title} of {place}", "{place} {title}'s Office", "Office of the {place} {title}",
    "{place} County {title}'s Office",  # "Harbor District Attorney": the county's
)  # fmt: skip
_PLACE_KINDS = {"country", "subnational"}
_PLACE_FORMS = (
    "{}", "State of {}", "Government of {}", "City of {}", "{} State Government",
    "{} government", "{} County",  # ("Harbor County Mayor …": the county's level in the title)
)  # fmt: skip


def source_organization(parsed: ParsedStory, findings: Findings | None = None) -> str:
    """The organization of the source line's person as the registry names it, else as the
    line names it. When the line names none: the label after "|" when it names a body ("UNHCR",
    "Department of Foreign Affairs and Trade"), else the body the title implies (a minister's
    ministry in the country the story names, a secretary's department). "" when none."""
    source = parsed.source
    if source is None:
        return ""
    index = current_index()
    name, label = source.organization, source.label.strip()
    site = index.entry_at(label) if label else None  # "| iom.int": the body whose site it is
    if name:
        country = index.country_named(name)
        if country and (office := index.head_office(country.country, source.title)):
            return office.name  # "President of the Philippines": the president's office
        if country and (minister := _MINISTER_TITLE.search(source.title)):
            # "Minister of Finance and Economic Planning, Republic of Rwanda": the ministry
            if ministry := index.ministry_of(country.country, minister["portfolio"]):
                return ministry.name
        if country and site is not None and site.country == country.country:
            return site.name  # "Chief Statistician of Canada | statcan.gc.ca": the site's body
        if source.title.casefold() not in _PLACE_HEADS:
            # "Attorney General of North Carolina", "District Attorney of New York County":
            # the office they head
            for form in _OFFICE_FORMS:
                if office := index.entry_named(form.format(title=source.title, place=name)):
                    return office.name
        if (
            label
            and is_acronym(name)
            and name_key(label).startswith(name_key(name) + " ")
            and (spelled := index.entry_called(label))
        ):
            return spelled.name  # "ACT Leader | ACT New Zealand": the party, not NATO's ACT
        for form in _PLACE_FORMS:
            if entry := index.entry_called(form.format(name)):
                if (
                    site is not None
                    and site.parent_id == entry.id
                    and entry.kind in _PLACE_KINDS
                    and source.title.casefold() not in _PLACE_HEADS
                ):
                    # "Attorney General of Washington | atg.wa.gov"; not "CEO of Alaska Air
                    # Group | news.alaskaair.com", the group's airline, nor "Governor of Hawaii
                    # | governor.hawaii.gov", who heads the state
                    return site.name
                return entry.name
        if entry := index.entry_called(name):
            return entry.name
        bare = without_national_prefix(name)
        if bare and (entry := index.entry_called(bare)) and entry.country == "US":
            return entry.name  # "U.S. Department of Housing and Urban Development"
        if site is not None and f"{name_key(site.name)} ".startswith(f"{name_key(name)} "):
            # "…, Chairman and Chief Executive Officer, Abbott | abbott.com": the registry's
            # "Abbott Laboratories", whose short form alone is too common a surname to index
            return site.name
        if match := _CONSTRUCTED_MINISTRY.match(name):
            country = _country_called(index, match["country"])
            if country and (ministry := index.ministry_of(country.country, match["portfolio"])):
                return ministry.name
        if label and name_key(label).startswith(name_key(name) + " ") and _names_a_body(label):
            return _registry_name(label)  # "Constellation" | "Constellation Energy"
        first, _, second = name.partition(" and ")
        if second and (entry := index.entry_called(first)):
            return entry.name  # "CEO of Google and Alphabet": the first body named
        # "Spokesperson for the Ministry of Foreign Affairs | fmprc.gov.cn": a country's body
        # named without its country, of the country of the site's domain, else of the one the
        # story names most
        if not index.entry_called(name):
            countries = _countries_named_most(findings or suggest(parsed_story_text(parsed)))
            if (domain := web_host(label).rpartition(".")[2]) and len(domain) == 2:
                countries.insert(0, "GB" if domain == "uk" else domain.upper())
            if national := index.national_entry(name, countries):
                return national.name
        return name
    if source.person_name is None:
        return ""
    if site is not None:
        # "Director General Amy Pope | iom.int"; "Governor Roy Cooper | governor.nc.gov": the
        # state he heads, not its governor's office
        return _place_headed(index, site, source.title).name
    if label and (entry := index.entry_called(label)) and entry.kind != "country":
        match = _MINISTER_TITLE.search(source.title)
        if match and entry.kind != "ministry" and entry.country:
            # "Minister for Foreign Affairs, European Union and Cooperation | La Moncloa": the
            # minister's ministry in the country of the government the label names
            if ministry := index.ministry_of(entry.country, match["portfolio"]):
                return ministry.name
        # "Governor Kay Ivey | Office of the Governor of Alabama": the state she heads
        return _place_headed(index, entry, source.title).name
    if _MINISTER_TITLE.search(source.title):
        # "Federal Minister for Economic Affairs and Climate Action": the registry's ministry
        # of that very name, when it has one
        ministry = re.sub(r"\bMinister\b", "Ministry", source.title.split(", ")[-1])
        if (entry := index.entry_called(ministry)) and entry.kind == "ministry":
            findings = findings or suggest(parsed_story_text(parsed))
            if entry.country in {c.entry.country for c in findings.countries}:
                return entry.name  # (of a country the story names: not Malta's "Ministry for
                # Finance" for Ireland's Minister for Finance)
    if (match := _PORTFOLIO_FIRST.match(source.title)) and (
        (domain := web_host(label).rpartition(".")[2]) and len(domain) == 2
    ):
        # "Foreign Secretary Marcelo Ebrard | gob.mx": the ministry of the portfolio in the
        # country of the site's domain
        country = "GB" if domain == "uk" else domain.upper()
        if ministry := index.ministry_of(country, match["portfolio"]):
            return ministry.name
    if match := _MINISTER_TITLE.search(source.title):
        # "Minister for Europe and Foreign Affairs | France Diplomatie": the label's country
        if (country := _country_in(label)) and (
            ministry := index.ministry_of(country, match["portfolio"])
        ):
            return ministry.name
        findings = findings or suggest(parsed_story_text(parsed))
        home = settings.NEWSROOM_HOME_COUNTRY
        for country in findings.countries:
            if country.entry.country and country.entry.country != home:
                ministry = index.ministry_of(country.entry.country, match["portfolio"])
                if ministry:
                    return ministry.name
                break
    # "Assistant Secretary of State for African Affairs", "Under Secretary of State for Public
    # Diplomacy": a deputy of a Secretary of State (as the U.S. names them; Britain's deputies
    # are Ministers of State and Parliamentary Under-Secretaries), in that department
    title = _DEPUTY_SECRETARY_FOR.sub(r"\g<deputy>", source.title)
    if match := _SECRETARY_TITLE.search(title):
        for form in ("Department of {}", "Department of the {}"):
            if entry := index.entry_named(form.format(match["department"])):
                return entry.name
    if match := _SECRETARY_OF_STATE_FOR.search(source.title):
        # The British form: a Secretary of State heads the Department for <portfolio> (or the
        # Ministry of Defence: the registry's British ministry of that portfolio)
        if ministry := index.ministry_of("GB", match["portfolio"]):
            return ministry.name
        return _registry_name(f"Department for {match['portfolio']}")
    if label and _names_a_body(label):
        body = _registry_name(_STATE_OF_BODY.sub(r"\g<state> ", label))
        national = _national_entry(body, findings or suggest(parsed_story_text(parsed)))
        return national.name if national else body
    if _GOVERNOR.search(source.title) and (state := _state_named(parsed_story_text(parsed))):
        return state  # "Governor Kathy Hochul | Official Website", the story naming New York
    national = NATIONAL_PREFIX.match(source.title)
    if chamber := _BODY_OF_TITLE.get(source.title[national.end() if national else 0 :].casefold()):
        # "Senator Jo Roe | Official Website": the chamber they sit in ("Treasurer": the
        # treasury), of the country the story names most that has one, else the newsroom's
        # own reading of the name ("U.S. Senator Jo Roe": the United States')
        named = _countries_named_most(findings or suggest(parsed_story_text(parsed)))
        if national:
            named.insert(0, "US")
        entry = index.national_entry(chamber, named)
        if (entry := entry or index.entry_called(chamber)) is not None:
            return entry.name
    if source.title.casefold() in _HEAD_TITLES:
        # "Prime Minister | pm.gov.au": the office of the country the story names most, else
        # of the newsroom's own country
        named = _countries_named_most(findings or suggest(parsed_story_text(parsed)))
        code = named[0] if named else settings.NEWSROOM_HOME_COUNTRY
        if office := index.head_office(code, source.title):
            return office.name
    if match := _MINISTER_TITLE.search(source.title):
        for country in (findings or suggest(parsed_story_text(parsed))).countries:
            if country.entry.country and country.entry.country != settings.NEWSROOM_HOME_COUNTRY:
                return f"Ministry of {match['portfolio']} of {with_article(country.entry.name)}"
    return ""


def _place_headed(index, office, title: str):
    """The place whose government the title heads, when `office` is its office ("Office of
    the Governor of Alabama" for a Governor: the State of Alabama), else `office`."""
    parent = index.entries.get(office.parent_id) if office.parent_id else None
    if parent is not None and parent.kind in _PLACE_KINDS and title.casefold() in _PLACE_HEADS:
        return parent
    return office


_GOVERNOR = re.compile(r"^(?:Lieutenant )?Governor$")
# "Foreign Secretary", "Finance Minister": the portfolio before the title
_PORTFOLIO_FIRST = re.compile(
    r"^(?:Federal |Union )?(?P<portfolio>[A-Z][a-z]+) (?:Minister|Secretary)$"
)
_HEAD_TITLES = {"president", "prime minister", "premier"}
_BODY_OF_TITLE = {
    "senator": "Senate", "representative": "House of Representatives",
    "congressman": "House of Representatives", "congresswoman": "House of Representatives",
    "speaker of the house": "House of Representatives", "president of the senate": "Senate",
    "treasurer": "Department of the Treasury",
}  # fmt: skip
# Who speaks for a place's whole government ("Governor of Ohio": the State of Ohio)
_PLACE_HEADS = _HEAD_TITLES | {
    "governor", "lieutenant governor", "mayor", "first minister", "chief minister",
}  # fmt: skip
_STATE_NAME = re.compile(r"^(?:State|Commonwealth) of (?P<place>[A-Z][\w ]+)$")


def _country_called(index, name: str):
    """The country `name` names, "Republic of China (Taiwan)" by either of its names."""
    outer, _, inner = name.partition(" (")
    for form in (name, inner.removesuffix(")"), outer):
        if form and (country := index.country_named(form)):
            return country
    return None


def _state_named(text: str) -> str:
    """The home country's state the text names most ("New York" for the State of New York),
    "" when it names none."""
    home = settings.NEWSROOM_HOME_COUNTRY
    counts = []
    for entry in current_index().entries.values():
        if entry.kind != "subnational" or entry.country != home:
            continue
        if match := _STATE_NAME.match(entry.name):
            found = len(re.findall(rf"(?<!\w){re.escape(match['place'])}(?!\w)", text))
            if found:
                counts.append((found, entry.name))
    return max(counts)[1] if counts else ""


def _country_in(label: str) -> str:
    """The ISO code of a country a label names in words ("France Diplomatie"), else ""."""
    words = label.split()
    index = current_index()
    for size in (3, 2, 1):
        for at in range(len(words) - size + 1):
            if country := index.country_named(" ".join(words[at : at + size])):
                return country.country
    return ""


def _national_entry(name: str, findings: Findings):
    """The registry's body called `name` without its country ("Ministry of National Defence"),
    of the country the story names most that has one; None when the registry knows `name`."""
    index = current_index()
    if index.entry_called(name):
        return None
    return index.national_entry(name, _countries_named_most(findings))


def _countries_named_most(findings: Findings) -> list[str]:
    """The ISO codes of the countries the story names, the most named first."""
    countries = sorted(findings.countries, key=lambda s: -len(s.mentions))
    return [s.entry.country for s in countries]


def _registry_name(name: str) -> str:
    entry = current_index().entry_called(name)
    return entry.name if entry else name


def _names_a_body(label: str) -> bool:
    """A label that names an organization ("Department of Foreign Affairs and Trade",
    "Constellation Energy"), not a website or a press office ("Official Website", "GOV.UK")."""
    words = [w.strip(",.").lower() for w in label.split()]
    if "." in label.replace(".", "", label.count(".") - 1) and len(words) == 1:
        return False  # a domain name: "Energy.gov"
    if _PLACE_GOVERNMENT.match(label):
        return True  # "City of New York", "County of Los Angeles": a place's government
    if _PRESS_WORDS.intersection(words):
        return False  # "Press Office", "Office of the Spokesperson": who speaks, not whose
    heads = ORGANIZATION_HEADS - PORTFOLIOS - {"service"}
    return (
        len(words) >= 2
        and words[-1] in heads | COMPANY_SUFFIXES
        or (len(words) >= 3 and words[0] in heads)
        # "State of California Department of Justice": a head, then "of" its portfolio;
        # "UAE Embassy in Washington, DC": then where it is
        or any(
            w in heads and words[n + 1 : n + 2] in (["of"], ["for"], ["in"])
            for n, w in enumerate(words[:-2])
        )  # fmt: skip
    )


_PRESS_WORDS = frozenset({"press", "media", "communications", "spokesperson", "newsroom", "news"})
_PLACE_GOVERNMENT = re.compile(
    r"^(?:City|Town|County|Borough|Municipality|State|Commonwealth|Province|District) of "
    r"[A-Z][\w.' -]+$"
)
# "State of California Department of Justice" is what news copy calls the "California
# Department of Justice": a state's body is named after the state, not "State of".
_STATE_OF_BODY = re.compile(
    r"^State of (?P<state>[A-Z][\w ]+?) (?=(?:Department|Office|Division|Board|Commission|"
    r"Agency|Bureau)\b)"
)


def source_organization_kind(parsed: ParsedStory) -> str:
    """The kind the source's title implies for an organization the registry lacks."""
    if parsed.source is None:
        return ""
    words = {w.strip(",.").lower() for w in parsed.source.title.split()}
    title = parsed.source.title.lower()
    if words & COMPANY_TITLES or any(t in title for t in COMPANY_TITLES if " " in t):
        return "company"
    return ""
