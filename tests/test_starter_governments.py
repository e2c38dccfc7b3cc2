"""The government bodies of the starter registry, found the way releases name them."""

import pytest

from people.models import Organization
from people.suggestions import suggest

pytestmark = pytest.mark.django_db

# (text, organizations the editor should be offered, in order of mention)
EXPECTED = [
    ("The Texas House of Representatives passed the bill.", ["Texas House of Representatives"]),
    ("The Kazakh Senate ratified the treaty.", ["Senate of Kazakhstan"]),
    (
        "The House Appropriations Subcommittee on Defense marked up its bill.",
        ["House Appropriations Subcommittee on Defense"],
    ),
    (
        "Senate HELP Committee members wrote to the FDA.",
        [
            "Senate Health, Education, Labor, and Pensions Committee",
            "Food and Drug Administration",
        ],
    ),  # fmt: skip
    (
        "The Quai d'Orsay and Itamaraty issued a joint statement.",
        [
            "Ministry for Europe and Foreign Affairs",
            "Ministry of Foreign Affairs of Brazil",
        ],
    ),  # fmt: skip
    (
        "The Foreign, Commonwealth and Development Office and HM Treasury agreed.",
        [
            "Foreign, Commonwealth and Development Office",
            "HM Treasury",
        ],
    ),  # fmt: skip
    (
        "The Lok Sabha debated the Reserve Bank of India's report.",
        [
            "Lok Sabha",
            "Reserve Bank of India",
        ],
    ),  # fmt: skip
    (
        "The California State Assembly and the California Department of Justice disagreed.",
        [
            "California State Assembly",
            "California Department of Justice",
        ],
    ),  # fmt: skip
    (
        "The Kenyan Foreign Ministry summoned the envoy.",
        ["Ministry of Foreign and Diaspora Affairs of Kenya"],
    ),
]


def test_releases_name_government_bodies_the_registry_knows(starter_registry_loaded):
    for text, names in EXPECTED:
        findings = suggest(text)
        assert [s.entry.name for s in findings.organizations] == names, text
        assert findings.ambiguous == [], text


def test_chambers_and_subcommittees_hang_under_their_parent(starter_registry_loaded):
    lok_sabha = Organization.objects.get(name="Lok Sabha")
    assert lok_sabha.parent.name == "Parliament of India"
    assert lok_sabha.parent.kind == "legislature" and lok_sabha.country == "IN"
    defense = Organization.objects.get(name="House Appropriations Subcommittee on Defense")
    assert [defense.parent.name, defense.parent.parent.name] == [
        "House Appropriations Committee", "U.S. House of Representatives",
    ]  # fmt: skip
    assembly = Organization.objects.get(name="California State Assembly")
    assert [assembly.parent.name, assembly.parent.parent.name] == [
        "California State Legislature", "State of California",
    ]  # fmt: skip
    # Georgia's bodies hang under the State of Georgia that was there before.
    assert Organization.objects.get(name="Georgia General Assembly").parent.name == (
        "State of Georgia"
    )
    assert Organization.objects.filter(kind="subnational", country="US").count() >= 51
