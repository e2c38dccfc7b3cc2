"""The registry as data: the starter registry, load_registry / export_registry, round trips."""

import csv
import io
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from people.models import Organization, OrganizationAlias, Person, RegistryStamp, Role
from people.registry import (
    DATA_DIR,
    country_organizations,
    export_registry,
    load_registry,
    read_registry_file,
    starter_registry,
)
from people.suggestions import batch
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def counts() -> dict:
    return {m.__name__: m.objects.count() for m in (Organization, OrganizationAlias, Person, Role)}


def test_the_starter_registry_has_agencies_countries_and_multilateral_bodies():
    call_command("load_registry", stdout=StringIO())
    state = Organization.objects.get(name="Department of State")
    assert {"State Department", "DoS", "U.S. Department of State"} <= set(
        state.aliases.values_list("name", flat=True)
    )
    epa = Organization.objects.get(name="Environmental Protection Agency")
    assert epa.aliases.get(name="EPA").is_case_sensitive
    kyrgyzstan = Organization.objects.get(country="KG", kind="country")
    assert kyrgyzstan.name == "Kyrgyzstan"
    assert kyrgyzstan.aliases.filter(name="Kyrgyz Republic").exists()
    assert Organization.objects.filter(kind="country").count() == 249
    for name in ["United Nations", "North Atlantic Treaty Organization", "European Union",
                 "Group of Seven", "Group of Twenty", "Association of Southeast Asian Nations",
                 "C5+1", "World Health Organization"]:  # fmt: skip
        assert Organization.objects.filter(name=name, kind="multilateral").exists(), name
    assert Organization.objects.get(name="Federal Bureau of Investigation").parent.name == (
        "Department of Justice"
    )
    rubio = Person.objects.get(full_name="Marco Rubio")
    assert rubio.roles.get().organization == state


def test_loading_is_idempotent_and_merges_into_what_is_there():
    # An import created "U.S. Department of Agriculture" before the registry was loaded.
    imported = OrganizationFactory(name="U.S. Department of Agriculture", kind="other")
    load_registry(starter_registry())
    before = counts()
    out = StringIO()
    call_command("load_registry", stdout=out)
    assert counts() == before
    assert "0 organizations created, 0 updated (matched " in out.getvalue()
    assert ", 0 aliases added" in out.getvalue()
    imported.refresh_from_db()
    assert imported.name == "Department of Agriculture"
    assert imported.kind == "agency"
    assert imported.aliases.filter(name="U.S. Department of Agriculture").exists()


def test_a_newsrooms_own_file_adds_without_blanking(tmp_path):
    org = OrganizationFactory(name="Hill Country Conservancy", website="https://hcc.example.org")
    path = tmp_path / "ours.json"
    path.write_text(json.dumps({"organizations": [
        {"name": "Hill Country Conservancy", "kind": "nonprofit", "aliases": ["HCC"],
         "parent": None, "country": "US", "website": None},
        {"name": "Cave Survey Team", "kind": "nonprofit", "aliases": [],
         "parent": "Hill Country Conservancy", "country": "US", "website": None},
    ]}))  # fmt: skip
    call_command("load_registry", str(path), stdout=StringIO())
    org.refresh_from_db()
    assert (org.kind, org.country, org.website) == ("nonprofit", "US", "https://hcc.example.org")
    assert org.aliases.get().name == "HCC"
    assert Organization.objects.get(name="Cave Survey Team").parent == org


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"organizations": [{"name": "X", "kind": "club"}]}',
         "organizations[0].kind: expected one of agency, ministry"),
        ('{"organizations": [{"name": "X", "country": "USA"}]}',
         "organizations[0].country: expected an ISO 3166-1 alpha-2 country code"),
        ('{"organizations": [{"name": "X", "parent": "Nobody"}]}',
         "organizations[0].parent: expected the name of an organization"),
        ('{"organizations": [\n{"name": "X",}\n]}', "line 2: expected JSON"),
        ('{"people": [{"name": "Jo", "roles": [{"title": "Chair", "started_on": "May"}]}]}',
         "people[0].roles[0].started_on: expected a date (YYYY-MM-DD), found 'May'"),
    ],
)  # fmt: skip
def test_a_refused_file_names_where_and_changes_nothing(tmp_path, content, expected):
    OrganizationFactory(name="Already Here")
    before = counts()
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(CommandError) as error:
        call_command("load_registry", str(path), stdout=StringIO())
    assert f"{path}, {expected}" in str(error.value)
    assert counts() == before


def wipe_registry() -> None:
    """Delete every person and organization; the version stamp moves once (as in an import)."""
    with batch():
        Person.objects.all().delete()
        Organization.objects.all().delete()


def part_of_the_starter_registry(*files: str) -> dict:
    """The countries and these starter files: the round trip of a part, at a part's cost."""
    organizations = country_organizations()
    for name in files:
        organizations += read_registry_file(DATA_DIR / name)["organizations"]
    return {"organizations": organizations}


def test_json_round_trip():
    # the shapes of entry the starter files hold, at a part's cost: parents across files,
    # aliases as objects (kinds, case-sensitive, ambiguous), courts' shared aliases, cities,
    # counties, companies, people
    data = part_of_the_starter_registry(
        "us-federal.json", "us-states.json", "us-courts.json", "multilateral.json",
        "subnational-governments.json", "cities-world.json", "us-state-agencies.json",
        "us-local.json", "companies.json",
    )  # fmt: skip
    data["people"] = read_registry_file(DATA_DIR / "people.json")["people"]
    load_registry(data)
    first = export_registry()
    wipe_registry()
    assert Organization.objects.count() == 0
    load_registry(first)
    assert export_registry() == first


def test_csv_export_loads_back(tmp_path):
    # the federal bodies (parents, aliases) and the courts (aliases two offices share)
    load_registry(
        part_of_the_starter_registry("us-federal.json", "us-states.json", "us-courts.json")
    )
    path = tmp_path / "registry.csv"
    call_command("export_registry", "--format", "csv", "--output", str(path), stderr=StringIO())
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    state = next(r for r in rows if r["name"] == "Department of State")
    assert "State Department" in state["aliases"].split(" | ")
    before = counts()
    call_command("load_registry", str(path), stdout=StringIO())
    assert counts() == before
    wipe_registry()
    call_command("load_registry", str(path), stdout=StringIO())
    assert Organization.objects.get(name="Federal Bureau of Investigation").parent.name == (
        "Department of Justice"
    )
    assert OrganizationAlias.objects.count() == before["OrganizationAlias"]


def test_every_registry_change_moves_the_version_stamp():
    seen = {RegistryStamp.current()}
    org = OrganizationFactory()
    seen.add(RegistryStamp.current())
    OrganizationAlias.objects.create(organization=org, name="XYZ")
    seen.add(RegistryStamp.current())
    load_registry({"organizations": [{"name": "Fresh Office"}]})
    seen.add(RegistryStamp.current())
    assert len(seen) == 4


def _organizations_with_aliases(size: int) -> None:
    for n in range(size):
        organization = OrganizationFactory(name=f"Harbour Board {n}")
        for alias in ("Board", "Authority", "Office"):
            OrganizationAlias.objects.create(organization=organization, name=f"HB{n} {alias}")


@pytest.mark.parametrize("size", [5, 40])
def test_deleting_organizations_costs_the_same_queries_however_many(
    size, django_assert_max_num_queries, django_capture_on_commit_callbacks, client
):
    """A registry clean-up deletes thousands of organizations at once: the aliases' stories
    are looked up once and cached pages move on once, not once per alias and per row."""
    from people.suggestions import suggest

    _organizations_with_aliases(size)
    client.get("/")  # a cached page under the current generation
    text = "The HB1 Authority met on Monday."
    assert [s.entry.name for s in suggest(text).organizations] == ["Harbour Board 1"]
    with django_capture_on_commit_callbacks(execute=True):
        with django_assert_max_num_queries(15):
            Organization.objects.filter(name__startswith="Harbour Board").delete()
    assert not Organization.objects.filter(name__startswith="Harbour Board").exists()
    assert not OrganizationAlias.objects.filter(name__startswith="HB").exists()
    assert suggest(text).organizations == []  # the engine rebuilt without them
