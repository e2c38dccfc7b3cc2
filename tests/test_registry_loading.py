"""load_registry never duplicates: a file's organization or person already in the registry under
any of its names updates that one; conflicts are listed and not written; --dry-run writes nothing.
And the starter registry's hygiene: no two organizations share a folded name by accident."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command

from people.models import Organization, OrganizationAlias, Person, Role
from people.registry import folded_key, load_registry, starter_registry
from people.suggestions import suggest
from tests.factories import OrganizationAliasFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def counts() -> dict:
    return {m.__name__: m.objects.count() for m in (Organization, OrganizationAlias, Person, Role)}


def load(tmp_path, data: dict, *args: str) -> str:
    path = tmp_path / "ours.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = StringIO()
    call_command("load_registry", str(path), *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def nasa():
    nasa = OrganizationFactory(
        name="National Aeronautics and Space Administration", kind="agency", country="US"
    )
    OrganizationAliasFactory(organization=nasa, name="NASA", is_case_sensitive=True)
    return nasa


def test_a_file_naming_an_organization_by_its_acronym_updates_it(tmp_path, nasa):
    before = Organization.objects.count()
    out = load(tmp_path, {"organizations": [
        {"name": "NASA", "kind": "agency", "country": "US", "website": "https://www.nasa.gov"},
        {"name": "Goddard Space Flight Center", "kind": "agency", "parent": "NASA"},
    ]})  # fmt: skip
    assert "1 organizations created" in out
    assert "(matched 1 existing)" in out
    assert Organization.objects.count() == before + 1
    nasa.refresh_from_db()
    assert nasa.name == "National Aeronautics and Space Administration"
    assert nasa.website == "https://www.nasa.gov"
    assert Organization.objects.get(name="Goddard Space Flight Center").parent == nasa
    # The engine offers NASA, not a choice between NASA and its own duplicate.
    findings = suggest("NASA and Goddard Space Flight Center engineers")
    assert [s.entry.name for s in findings.organizations] == [
        "National Aeronautics and Space Administration",
        "Goddard Space Flight Center",
    ]
    assert findings.ambiguous == []


def test_the_files_name_is_kept_as_an_alias(tmp_path, nasa):
    load(tmp_path, {"organizations": [
        {"name": "U.S. National Aeronautics & Space Administration",
         "aliases": ["NASA"], "kind": "agency"},
    ]})  # fmt: skip
    assert Organization.objects.filter(kind="agency").count() == 1
    assert set(nasa.aliases.values_list("name", flat=True)) == {
        "NASA",
        "U.S. National Aeronautics & Space Administration",
    }


def test_a_national_prefix_spelled_out_or_abbreviated_names_the_same_organization(tmp_path):
    """The engine reads "U.S. X" and "United States X" as one name: so does the loader."""
    transportation = OrganizationFactory(
        name="Department of Transportation", kind="agency", country="US"
    )
    OrganizationAliasFactory(organization=transportation, name="U.S. Department of Transportation")
    out = load(tmp_path, {"organizations": [
        {"name": "United States Department of Transportation", "kind": "agency",
         "country": "US"},
    ]})  # fmt: skip
    assert "0 organizations created" in out
    assert "(matched 1 existing)" in out
    findings = suggest("The U.S. Department of Transportation approved the merger.")
    assert [s.entry.name for s in findings.organizations] == ["Department of Transportation"]
    assert findings.ambiguous == []


def test_a_countrys_body_named_without_its_country_is_the_registrys_body_of_that_country(
    tmp_path,
):
    """The engine reads "Ministry of Finance" in a story about Tuvalu as Tuvalu's: so does the
    loader, and it adds no alias that would name that ministry in every story."""
    OrganizationFactory(name="Tuvalu", kind="country", country="TV")
    ministry = OrganizationFactory(name="Ministry of Finance of Tuvalu", kind="ministry",
                                   country="TV")  # fmt: skip
    OrganizationFactory(name="Ministry of Finance of Nauru", kind="ministry", country="NR")
    out = load(tmp_path, {"organizations": [
        {"name": "Ministry of Finance", "kind": "ministry", "country": "TV"},
    ]})  # fmt: skip
    assert "0 organizations created" in out and "(matched 1 existing)" in out
    assert not OrganizationAlias.objects.filter(organization=ministry).exists()
    findings = suggest("In Tuvalu, the Ministry of Finance said the budget is balanced.")
    assert [s.entry.name for s in findings.organizations] == [ministry.name]
    assert findings.ambiguous == []


def test_a_company_the_registry_places_in_another_country_is_no_second_company(tmp_path):
    miner = OrganizationFactory(name="Harbor Mining plc", kind="company", country="JE")
    OrganizationAliasFactory(organization=miner, name="Harbor Mining")
    out = load(tmp_path, {"organizations": [
        {"name": "Harbor Mining", "kind": "company", "country": "CH"},
        # a government's body of the same name in another country is another body
        {"name": "Harbor Mining Agency", "kind": "agency", "country": "CH"},
    ]})  # fmt: skip
    assert "1 organizations created" in out and "(matched 1 existing)" in out
    findings = suggest("Harbor Mining said output rose.")
    assert [s.entry.name for s in findings.organizations] == ["Harbor Mining plc"]
    assert findings.ambiguous == []


def test_legal_forms_of_several_countries_are_set_aside_when_names_are_compared(tmp_path):
    OrganizationFactory(name="Emirates Holding", kind="company", country="AE")
    OrganizationFactory(name="Perusahaan Motor Kedua", kind="company", country="MY")
    out = load(tmp_path, {"organizations": [
        {"name": "Emirates Holding PJSC", "kind": "company", "country": "AE"},
        {"name": "Perusahaan Motor Kedua Sdn. Bhd.", "kind": "company", "country": "MY"},
    ]})  # fmt: skip
    assert "0 organizations created" in out
    assert "(matched 2 existing)" in out


def test_a_loaded_name_of_the_and_one_word_matches_only_as_written(tmp_path):
    load(tmp_path, {"organizations": [
        {"name": "THE Alliance", "kind": "company", "country": "DE"},
    ]})  # fmt: skip
    assert suggest("Members of the alliance met in Brussels.").organizations == []
    assert [s.entry.name for s in suggest("Hapag-Lloyd left THE Alliance.").organizations] == [
        "THE Alliance"
    ]


def test_typography_and_diacritics_do_not_make_a_second_organization(tmp_path):
    OrganizationFactory(name="Agence française de développement", kind="agency", country="FR")
    out = load(tmp_path, {"organizations": [
        {"name": "Agence Francaise de Developpement", "kind": "agency", "country": "FR"},
    ]})  # fmt: skip
    assert "0 organizations created" in out
    assert Organization.objects.count() == 1


def test_a_name_shared_by_two_existing_organizations_is_a_conflict_not_written(tmp_path):
    first = OrganizationFactory(name="Office of Science", kind="agency", country="US")
    second = OrganizationFactory(name="Science Office", kind="agency", country="US")
    OrganizationAliasFactory(organization=second, name="OSC")
    before = counts()
    out = load(tmp_path, {"organizations": [
        {"name": "Office for Science", "aliases": ["Office of Science", "OSC"],
         "kind": "agency", "country": "US", "website": "https://science.example.org"},
    ]})  # fmt: skip
    assert "1 conflicts not written" in out
    assert "conflict, not written: 'Office for Science' names 2 organizations" in out
    assert counts() == before
    first.refresh_from_db()
    assert first.website == ""


def test_the_same_name_of_another_kind_or_country_is_another_organization(tmp_path):
    OrganizationFactory(name="Georgia", kind="country", country="GE")
    load(tmp_path, {"organizations": [
        {"name": "State of Georgia", "aliases": ["Georgia"], "kind": "subnational",
         "country": "US"},
    ]})  # fmt: skip
    assert Organization.objects.count() == 2


def test_dry_run_reports_and_writes_nothing(tmp_path, nasa):
    before = counts()
    out = load(tmp_path, {"organizations": [
        {"name": "NASA", "kind": "agency", "website": "https://www.nasa.gov"},
        {"name": "Sierra Club", "kind": "nonprofit", "country": "US"},
    ]}, "--dry-run")  # fmt: skip
    assert "1 organizations would be created, 1 would be updated (matched 1 existing)" in out
    assert "Dry run: nothing was written." in out
    assert counts() == before
    nasa.refresh_from_db()
    assert nasa.website == ""


def test_people_are_matched_by_folded_name(tmp_path, nasa):
    person = PersonFactory(full_name="José Pérez")
    out = load(tmp_path, {"people": [
        {"name": "Jose Perez", "nickname": "Pepe",
         "roles": [{"title": "Administrator", "organization": "NASA"}]},
    ]})  # fmt: skip
    assert "0 people created (matched 1 existing)" in out
    assert Person.objects.count() == 1
    person.refresh_from_db()
    assert person.nickname == "Pepe"
    assert person.roles.get().organization == nasa


def test_the_starter_registry_shares_no_name_by_accident():
    """Two organizations may share a folded name or alias only when they differ in kind or
    country (Georgia the country, Georgia the state) or the alias is marked ambiguous."""
    data = starter_registry()
    owners: dict[str, list[dict]] = {}
    for organization in data["organizations"]:
        names = {folded_key(organization["name"])}
        for alias in organization.get("aliases", []):
            if isinstance(alias, dict) and alias.get("ambiguous"):
                continue
            names.add(folded_key(alias if isinstance(alias, str) else alias["name"]))
        for key in names:
            owners.setdefault(key, []).append(organization)
    clashes = []
    for key, organizations in owners.items():
        for n, one in enumerate(organizations):
            for other in organizations[n + 1 :]:
                same_kind = (one.get("kind") or "other") == (other.get("kind") or "other")
                same_country = (one.get("country") or "") == (other.get("country") or "")
                if same_kind and same_country:
                    clashes.append((key, one["name"], other["name"]))
    assert clashes == []


def test_loading_the_starter_registry_twice_creates_nothing(starter_registry_in_test):
    before = counts()
    report = load_registry(starter_registry())
    assert counts() == before
    assert report.conflicts == []
    assert re.match(r"0 organizations created, 0 updated \(matched \d+ existing\)", str(report))


def test_a_file_naming_a_company_without_its_legal_form_or_as_another_kind_updates_it():
    load_registry(
        {"organizations": [
            {"name": "Northwind Rail Limited", "kind": "company", "country": "GB",
             "aliases": ["Northwind Rail"]},
            {"name": "Eastwind Widgets plc", "kind": "company", "country": "GB"},
        ]}
    )  # fmt: skip
    report = load_registry(
        {"organizations": [
            {"name": "Northwind Rail", "kind": "agency", "country": "GB"},
            {"name": "Eastwind Widgets", "kind": "company", "country": "GB"},
        ]}
    )  # fmt: skip
    assert Organization.objects.count() == 2
    assert (report.organizations_created, report.organizations_matched) == (0, 2)
    assert Organization.objects.get(name="Northwind Rail Limited").kind == "agency"
    assert (
        Organization.objects.get(name="Eastwind Widgets plc")
        .aliases.filter(name="Eastwind Widgets")
        .exists()
    )


def test_a_short_form_two_organizations_of_a_file_share_merges_neither(tmp_path):
    """An exported registry where "SDNY" names the court and the prosecutors (the export cannot
    say the alias is ambiguous, a CSV still less) loads back as two organizations."""
    court = "United States District Court for the Southern District of New York"
    office = "United States Attorney's Office for the Southern District of New York"
    data = {
        "organizations": [
            {"name": court, "kind": "other", "country": "US",
             "aliases": ["SDNY", "Southern District of New York"]},
            {"name": office, "kind": "agency", "country": "US",
             "aliases": ["SDNY", "Southern District of New York"]},
        ]
    }  # fmt: skip
    report = load(tmp_path, data)
    assert "2 organizations created" in report and "matched 0 existing" in report
    for name in (court, office):
        organization = Organization.objects.get(name=name)
        assert set(organization.aliases.values_list("name", flat=True)) == {
            "SDNY",
            "Southern District of New York",
        }
    assert "0 organizations created, 0 updated" in load(tmp_path, data)
