"""The starter registry's companies and institutions: usable entries, names that do not collide,
and what an editor sees when a story names them (or only uses the same words in lower case)."""

from collections import defaultdict

import pycountry
import pytest

from people.models import Organization
from people.registry import (
    DATA_DIR,
    STARTER_FILES,
    folded_key,
    read_registry_file,
    starter_registry,
)
from people.suggestions import suggest

pytestmark = pytest.mark.django_db

NON_GOVERNMENT_FILES = ["companies.json", "institutions.json"]


def _names(entry: dict) -> list[str]:
    aliases = [a if isinstance(a, str) else a["name"] for a in entry.get("aliases", [])]
    return [entry["name"], *aliases]


def assert_reads(text: str, found: set[str], parents: dict[str, str], lower_case: str) -> None:
    """The engine finds exactly `found` in `text`, each organization of `parents` (by name) has
    its parent (by name), and `lower_case` tags nothing."""
    assert {s.entry.name for s in suggest(text).organizations} == found
    for name, parent in parents.items():
        assert Organization.objects.get(name=name).parent.name == parent
    assert suggest(lower_case).organizations == []


def test_companies_and_institutions_share_no_folded_name_with_another_organization():
    """Stricter than the starter registry's own rule: not even another kind or country may
    share a name with a company or an institution (no "ICC" for a court and a chamber). Only
    a short form every owner marks ambiguous is shared: "Liberals", "Labour" of several
    countries' parties, which the engine gives to the party of the country a story names."""
    owners = defaultdict(set)
    marked = defaultdict(set)  # the owners that mark the name ambiguous
    for entry in starter_registry()["organizations"]:
        for name in _names(entry):
            owners[folded_key(name)].add(entry["name"])
        for alias in entry.get("aliases", []):
            if isinstance(alias, dict) and alias.get("ambiguous"):
                marked[folded_key(alias["name"])].add(entry["name"])
    for file_name in NON_GOVERNMENT_FILES:
        for entry in read_registry_file(DATA_DIR / file_name)["organizations"]:
            for name in _names(entry):
                key = folded_key(name)
                if owners[key] != {entry["name"]}:
                    assert marked[key] == owners[key], (file_name, name)


def test_every_company_and_institution_is_complete_and_names_a_real_parent():
    organizations = starter_registry()["organizations"]
    names = [entry["name"] for entry in organizations]
    assert len(names) == len(set(names))
    known = set(names)
    for file_name in NON_GOVERNMENT_FILES:
        for entry in read_registry_file(DATA_DIR / file_name)["organizations"]:
            assert entry.get("kind"), entry["name"]
            assert entry.get("parent") in known | {None}, entry["name"]
            assert pycountry.countries.get(alpha_2=entry["country"]), entry["name"]
            assert (entry["website"] or "https://").startswith("https://"), entry["name"]
            # A one-word name is matched as written; "The X" keeps "X" case-insensitive, so it
            # would take every lower-case "x" in a story.
            for name in _names(entry):
                if name.lower().startswith("the "):
                    assert " " in name[4:].strip(), name
    assert STARTER_FILES[-1] == "people.json"  # people's roles name the organizations


def test_companies_and_institutions_are_found_and_common_words_are_not(starter_registry_loaded):
    text = (
        "Delta Air Lines and United Airlines ordered jets from Boeing and Airbus; Pratt & "
        "Whitney will supply engines. Google DeepMind, Mandiant and CrowdStrike studied the "
        "attack, which Palo Alto Networks also tracked. Researchers at MIT and UCLA and the "
        "Sierra Club joined the Brookings Institution. Target Corporation hired. "
        "Lawmakers presented a united front on the target, floods hit the delta region, shell "
        "companies were closed, the chase ended and Visa applications rose."
    )
    found = {s.entry.name for s in suggest(text).organizations}
    assert {
        "Delta Air Lines, Inc.", "United Airlines, Inc.", "The Boeing Company", "Airbus SE",
        "Pratt & Whitney", "Google DeepMind", "Mandiant, Inc.", "CrowdStrike Holdings, Inc.",
        "Palo Alto Networks, Inc.", "Massachusetts Institute of Technology",
        "University of California, Los Angeles", "Sierra Club", "Brookings Institution",
        "Target Corporation",
    } == found  # fmt: skip
    # The subsidiary is tagged, not its parent, and it knows its parent.
    deepmind = Organization.objects.get(name="Google DeepMind")
    assert deepmind.parent.name == "Google LLC" and deepmind.parent.parent.name == "Alphabet Inc."
    assert Organization.objects.get(name="Jeep").parent.name == "Stellantis N.V."


def test_sub_units_state_and_city_bodies_are_found_and_lower_case_places_are_not(
    starter_registry_loaded,
):
    """The sub-units, state and city agencies, EU committees and national agencies of the
    second pass are found by the forms releases use; the same words as an ordinary phrase in
    lower case ("the city of Chicago", "the new school", "federal student aid") tag nothing."""
    text = (
        "Engineers at NASA's Jet Propulsion Laboratory and the FBI Boston Field Office briefed "
        "TxDOT, the NYPD and the City of Chicago on Tuesday. Members of the LIBE committee met "
        "HMRC officials."
    )
    found = {s.entry.name for s in suggest(text).organizations}
    assert found == {
        # "NASA's Jet Propulsion Laboratory": the unit and its owner, named with it
        "National Aeronautics and Space Administration",
        "Jet Propulsion Laboratory", "FBI Boston Field Office",
        "Texas Department of Transportation", "New York City Police Department",
        "City of Chicago (municipal government)",
        "European Parliament Committee on Civil Liberties, Justice and Home Affairs",
        "HM Revenue and Customs",
    }  # fmt: skip
    lower_case = (
        "In the city of Chicago the new school opened, federal student aid rose at a Miami "
        "university and the strategic petroleum reserve grew."
    )
    assert suggest(lower_case).organizations == []
    jpl = Organization.objects.get(name="Jet Propulsion Laboratory")
    assert jpl.parent.name == "National Aeronautics and Space Administration"
    assert Organization.objects.get(name="Texas Department of Transportation").parent.name == (
        "State of Texas"
    )
    assert set(STARTER_FILES[:-1]) >= {"us-federal-units.json", "subsidiaries.json"}


def test_investors_markets_unions_regions_cities_and_media_are_found_but_phrases_are_not(
    starter_registry_loaded,
):
    """The investment firms, market venues, unions, subnational and city governments and news
    organizations of the third pass are found by the forms releases use, children of their
    operators; a bare place name, or the same words as an ordinary lower-case phrase, tag
    nothing."""
    text = (
        "Andreessen Horowitz and Tiger Global led the round. The fund moved its listing to NYSE "
        "Arca from Cboe BZX; DTCC and SWIFT said settlement was unaffected, the New York Fed "
        "said. UNITE HERE, IG BCE and the Lagos State Government objected, as did the Kharkiv "
        "Regional Military Administration, the Maharashtra Chief Minister's Office, the City of "
        "Paris and the Istanbul Metropolitan Municipality. Radio-Canada and Rudaw reported it."
    )
    found = {
        "Andreessen Horowitz", "Tiger Global Management", "NYSE Arca", "Cboe BZX Exchange",
        "Depository Trust & Clearing Corporation", "SWIFT", "Federal Reserve Bank of New York",
        "UNITE HERE", "IG BCE", "Lagos State Government",
        "Kharkiv Regional Military Administration", "Chief Minister's Office (Maharashtra)",
        "City of Paris (municipal government)", "Istanbul Metropolitan Municipality",
        "Radio-Canada", "Rudaw",
    }  # fmt: skip
    parents = {
        "NYSE Arca": "New York Stock Exchange",
        "Cboe BZX Exchange": "Cboe Global Markets, Inc.",
        "Federal Reserve Bank of New York": "Federal Reserve",
        "Chief Minister's Office (Maharashtra)": "Government of Maharashtra",
        "Radio-Canada": "Canadian Broadcasting Corporation",
    }
    lower_case = (
        "In the city of Paris, in Lagos State and in Kharkiv, Ontario, Bavaria and Maharashtra "
        "it was a general catalyst for change and a third point: the clearing house, the free "
        "press and the conversation agreed that early warning services, a rolling stone, order "
        "flow traders and seven news outlets in the province of Utrecht mattered."
    )
    assert_reads(text, found, parents, lower_case)
    first, last = STARTER_FILES.index("investment-firms.json"), STARTER_FILES.index("media.json")
    new_files = STARTER_FILES[first : last + 1]
    assert new_files == [
        "investment-firms.json", "market-infrastructure.json", "labour-and-business.json",
        "subnational-world.json", "cities-world.json", "media.json",
    ]  # fmt: skip


def test_us_field_units_are_found_by_their_release_forms_and_phrases_are_not(
    starter_registry_loaded,
):
    """The U.S. field offices, divisions, regions, commands and bureaus of `us-field-units.json`
    are found by the forms press releases use, as children of their agency; the same words as
    ordinary lower-case phrases tag nothing."""
    text = (
        "Agents of the DEA New England Field Division, HSI Boston and the Border Patrol's "
        "Tucson Sector made the arrest with the U.S. Marshals Service for the District of "
        "Arizona and the ATF Kansas City Field Division. The SEC Division of Enforcement, the "
        "FCC Enforcement Bureau and NLRB Region 13 opened cases. NWS Boston warned of flooding; "
        "the U.S. Army Corps of Engineers Baltimore District, Carrier Strike Group 12 and the "
        "Hawaiian Volcano Observatory reported, as did IRS Criminal Investigation and the Job "
        "Corps."
    )
    found = {
        "DEA New England Field Division", "Homeland Security Investigations Boston",
        "U.S. Border Patrol",  # "the Border Patrol's Tucson Sector": its owner, named with it
        "U.S. Border Patrol Tucson Sector", "U.S. Marshals Service for the District of Arizona",
        "ATF Kansas City Field Division", "SEC Division of Enforcement", "FCC Enforcement Bureau",
        "NLRB Region 13", "National Weather Service Boston/Norton, MA",
        "U.S. Army Corps of Engineers Baltimore District", "Carrier Strike Group 12",
        "Hawaiian Volcano Observatory", "IRS Criminal Investigation",
        "Job Corps (U.S. Department of Labor)",
    }  # fmt: skip
    parents = {
        "DEA New England Field Division": "Drug Enforcement Administration",
        "Homeland Security Investigations Boston": "Homeland Security Investigations",
        "U.S. Army Corps of Engineers Baltimore District": (
            "U.S. Army Corps of Engineers North Atlantic Division"
        ),
        "National Weather Service Boston/Norton, MA": "National Weather Service Eastern Region",
    }
    lower_case = (
        "Border patrol agents met at a vaccine research center; the old guard wanted sea grant "
        "money for the access board of the school and job corps members, and the permitting "
        "council, the national training center and the air university opened; a deep space "
        "network, naval reactors and air and marine operations were planned."
    )
    assert_reads(text, found, parents, lower_case)
    assert "us-field-units.json" in STARTER_FILES[STARTER_FILES.index("media.json") :]


def test_the_armed_services_are_read_as_the_home_countrys_only_in_a_story_about_it(
    starter_registry_loaded,
):
    at_home = "U.S. Central Command said soldiers of the Army’s brigade and the Navy built it."
    assert {"U.S. Army", "U.S. Navy"} <= {s.entry.name for s in suggest(at_home).organizations}
    abroad = "The Indian Army and the Royal Navy met in Kenya; the Army said the navy agreed."
    assert {s.entry.name for s in suggest(abroad).organizations} == {"Indian Army", "Royal Navy"}


def test_us_local_governments_are_found_and_lower_case_places_are_not(starter_registry_loaded):
    """The city and county governments of `us-local.json` and their bodies are found by the
    forms releases use, children of their government (or of one already in the registry); a
    lower-case "the city of…" or "the county of…" is the place and tags nothing."""
    text = (
        "The Harris County Commissioners Court and the Houston City Council met; the Houston "
        "Fire Department, the City of Fresno and the Tampa Police Department attended. The "
        "Maricopa County Attorney's Office and the Queens District Attorney's Office charged "
        "him, the Miami-Dade Sheriff's Office said."
    )
    found = {
        "Harris County Commissioners Court", "Houston City Council", "Houston Fire Department",
        "City of Fresno (municipal government)", "Tampa Police Department",
        "Maricopa County Attorney's Office", "Queens County District Attorney's Office",
        "Miami-Dade Sheriff's Office",
    }  # fmt: skip
    parents = {
        "Harris County Commissioners Court": "Harris County government",
        "Houston Fire Department": "City of Houston (municipal government)",
        "Tampa Police Department": "City of Tampa (municipal government)",
        "Office of the Mayor of Fresno": "City of Fresno (municipal government)",
    }
    lower_case = (
        "In the city of Tampa, the town of Gilbert and the county of Los Angeles it rained."
    )
    assert_reads(text, found, parents, lower_case)
    assert STARTER_FILES.index("us-local.json") == STARTER_FILES.index("us-state-agencies.json") + 1
