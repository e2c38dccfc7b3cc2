"""The suggestion engine on each case it must handle (pure: an AliasIndex, no database)."""

import pytest

from people.matching import AliasIndex, Entry, PersonEntry, fold, fold_lower

ENTRIES = [
    Entry(1, "Department of State", "agency", "state", "US"),
    Entry(2, "Environmental Protection Agency", "agency", "epa", "US"),
    Entry(3, "National Aeronautics and Space Administration", "agency", "nasa", "US"),
    Entry(4, "United States", "country", "us", "US"),
    Entry(5, "Uzbekistan", "country", "uz", "UZ"),
    Entry(6, "Georgia", "country", "ge", "GE"),
    Entry(7, "State of Georgia", "subnational", "ga", "US"),
    Entry(8, "Armenia", "country", "am", "AM"),
    Entry(9, "Azerbaijan", "country", "az", "AZ"),
    Entry(10, "Kyrgyzstan", "country", "kg", "KG"),
    Entry(11, "Ministry of Foreign Affairs of Kyrgyzstan", "ministry", "kg-mfa", "KG"),
    Entry(12, "C5+1", "multilateral", "c5-1", ""),
    Entry(13, "Department of the Treasury", "agency", "treasury", "US"),
    Entry(14, "Côte d'Ivoire", "country", "ci", "CI"),
    Entry(15, "Federal Reserve", "agency", "fed", "US"),
]
ALIASES = [
    (1, "State Department", False),
    (1, "DoS", True),
    (2, "EPA", True),
    (3, "NASA", True),
    (4, "U.S.", True),
    (4, "US", True),
    (7, "Georgia", True),
    (10, "Kyrgyz Republic", False),
    (15, "Fed", True),
]
PEOPLE = [
    PersonEntry(1, "Marco Rubio", "", (("Secretary of State", 1),)),
    PersonEntry(2, "Thomas Pigott", "Tommy", (("Principal Deputy Spokesperson", 1),)),
    PersonEntry(3, "Christopher Landau", "", (("Deputy Secretary of State", 1),)),
]


INDEX = AliasIndex(ENTRIES, ALIASES, PEOPLE)


@pytest.fixture(scope="module")
def index():
    return INDEX


def names(suggestions):
    return [s.entry.name for s in suggestions]


def forms(findings, name):
    found = {s.entry.name: s for s in findings.organizations + findings.countries}
    return [m.text for m in found[name].mentions]


def test_folding_keeps_offsets():
    text = "Rubio’s “plan” — Côte d’Ivoire\u00a0now"
    assert len(fold(text)) == len(fold_lower(text)) == len(text)
    assert fold(text) == "Rubio's \"plan\" - Cote d'Ivoire now"


def test_word_boundaries(index):
    findings = index.find("The Department of Stateside bakery and the USA Today desk")
    assert findings.organizations == [] and findings.countries == []


def test_typography_case_and_diacritics(index):
    findings = index.find("the department of state spoke; Cote d’Ivoire and Côte d'Ivoire")
    assert names(findings.organizations) == ["Department of State"]
    assert forms(findings, "Côte d'Ivoire") == ["Cote d’Ivoire", "Côte d'Ivoire"]


def test_possessives(index):
    findings = index.find("NASA's rover and NASA’s budget; the EPA’s rule")
    assert forms(findings, "National Aeronautics and Space Administration") == ["NASA", "NASA"]
    assert names(findings.organizations)[1] == "Environmental Protection Agency"


def test_case_sensitive_acronyms(index):
    findings = index.find("They repaved roads for us. Tell us about the Fed, not the fed-up epa.")
    assert names(findings.organizations) == ["Federal Reserve"]
    assert findings.countries == []
    findings = index.find("US and EPA officials")
    assert names(findings.countries) == ["United States"]
    assert names(findings.organizations) == ["Environmental Protection Agency"]


def test_longest_match_wins_and_the_is_optional(index):
    findings = index.find("The State Department and the Department of State agree")
    assert names(findings.organizations) == ["Department of State"]
    assert forms(findings, "Department of State") == ["State Department", "Department of State"]
    assert findings.countries == []  # no "State of …" fragments


def test_first_mention_order_offsets_confidence_and_reason(index):
    text = "Talks with Uzbekistan. The EPA and the Department of State met."
    findings = index.find(text)
    assert names(findings.organizations) == [
        "Environmental Protection Agency", "Department of State",
    ]  # fmt: skip
    epa = findings.organizations[0]
    mention = epa.mentions[0]
    assert text[mention.start : mention.end] == "EPA"
    assert (epa.confidence, epa.reason) == (0.85, "acronym 'EPA'")
    state = findings.organizations[1]
    assert (state.confidence, state.reason) == (0.95, "name")


def test_acronyms_defined_inline_are_learned():
    index = AliasIndex([Entry(1, "Bureau of Widget Safety", "agency")])
    text = "The Bureau of Widget Safety (BWS) said that BWS inspectors, not BWSX, will visit."
    findings = index.find(text)
    assert forms(findings, "Bureau of Widget Safety") == ["Bureau of Widget Safety", "BWS", "BWS"]
    assert (
        "defined in the text" in findings.organizations[0].reason
        or findings.organizations[0].reason == "name"
    )


def test_an_acronym_defined_for_one_body_is_not_another_bodys():
    # the registry's tribunal, its initials in another order (Tribunal Supremo Electoral)
    index = AliasIndex(
        [Entry(1, "Tokyo Stock Exchange", "company", "tse", "JP"),
         Entry(2, "Supreme Electoral Tribunal", "agency", "te", "GT")],
        [(1, "TSE", True)],
    )  # fmt: skip
    text = "The Supreme Electoral Tribunal (TSE) counted the votes. The TSE said turnout was high."
    findings = index.find(text)
    assert names(findings.organizations) == ["Supreme Electoral Tribunal"]
    assert forms(findings, "Supreme Electoral Tribunal")[1:] == ["TSE", "TSE"]


def test_an_acronym_a_candidate_defines_may_be_the_registrys_body_under_another_name():
    index = AliasIndex(
        [Entry(1, "Production Development Corporation", "agency", "corfo", "CL")],
        [(1, "CORFO", True)],
    )
    findings = index.find("It leases land from the Chilean Economic Development Agency (CORFO).")
    assert forms(findings, "Production Development Corporation") == ["CORFO"]
    # not the body of a country the story never names: Zimbabwe's party in Côte d'Ivoire
    index = AliasIndex(
        [Entry(1, "Citizens Coalition for Change", "other", "ccc", "ZW"),
         Entry(2, "Côte d'Ivoire", "country", "ci", "CI")],
        [(1, "CCC", True)],
    )  # fmt: skip
    text = "Côte d'Ivoire sells through the Conseil du Café-Cacao (CCC). The CCC set the price."
    findings = index.find(text)
    assert findings.organizations == []
    assert [m.text for m in findings.candidates[0].mentions] == [
        "Conseil du Café-Cacao", "CCC", "CCC",
    ]  # fmt: skip


def test_a_candidates_inline_acronym_is_learned_too(index):
    text = "the Nuclear Regulatory Authority of Ghana (NRAG) met. NRAG Chairman Kofi Asante spoke."
    [candidate] = index.find(text).candidates
    assert candidate.name == "Nuclear Regulatory Authority of Ghana"
    assert [m.text for m in candidate.mentions] == [
        "Nuclear Regulatory Authority of Ghana", "NRAG", "NRAG",
    ]  # fmt: skip


def test_titles_imply_organizations(index):
    # (offered apart: the text names the minister, not the ministry)
    findings = index.find("Kyrgyz Republic Foreign Minister Jeenbek Kulubaev met Secretary Rubio.")
    assert names(findings.implied) == ["Ministry of Foreign Affairs of Kyrgyzstan"]
    assert "Ministry of Foreign Affairs of Kyrgyzstan" not in names(findings.organizations)
    findings = index.find(
        "Uzbekistan Foreign Minister Bakhtiyor Saidov met the Secretary of the Treasury."
    )
    assert [c.name for c in findings.candidates] == ["Ministry of Foreign Affairs of Uzbekistan"]
    assert findings.candidates[0].kind_guess == "ministry"
    assert names(findings.organizations) == ["Department of the Treasury"]


def test_ambiguous_aliases_are_offered_not_guessed(index):
    findings = index.find("Officials said Georgia would decide next week.")
    assert findings.countries == [] and findings.organizations == []
    [choice] = findings.ambiguous
    assert choice.mention.text == "Georgia"
    assert {e.name for e in choice.options} == {"Georgia", "State of Georgia"}


def test_ambiguous_aliases_are_resolved_from_context(index):
    abroad = index.find("Georgia, Armenia and Azerbaijan met in Tbilisi.")
    assert names(abroad.countries) == ["Georgia", "Armenia", "Azerbaijan"]
    assert abroad.ambiguous == []
    at_home = index.find("The State of Georgia signed. Georgia will pay.")
    assert names(at_home.organizations) == ["State of Georgia"]
    assert forms(at_home, "State of Georgia") == ["State of Georgia", "Georgia"]


@pytest.mark.parametrize(
    "text",
    [
        "Hyundai’s plants in Georgia and in Louisiana will hire 8,500 people.",
        "The plant is the largest project in the state’s history. Georgia will train workers.",
    ],
)
def test_a_state_told_by_other_places_or_by_the_text_is_a_place(text):
    """Named beside another of its country's states, or where the text speaks of "the state",
    "Georgia" is the state; named only so, it is a place, as the other states' names are."""
    louisiana = Entry(16, "State of Louisiana", "subnational", "la", "US")
    findings = AliasIndex([*ENTRIES, louisiana], ALIASES, PEOPLE).find(text)
    assert findings.ambiguous == []
    assert findings.countries == [] and findings.organizations == []


def test_a_state_owned_company_says_nothing_of_a_state():
    text = "Georgia said the state-owned railway and the state of emergency would end."
    assert len(INDEX.find(text).ambiguous) == 1  # still the editor's choice


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kazakhstan’s Ministry of Water Resources and Irrigation said",
         "Ministry of Water Resources and Irrigation"),
        ("the Mekong River Commission met", "Mekong River Commission"),
        ("researchers at the University of Nairobi said", "University of Nairobi"),
        ("Japan’s Ministry of Economy, Trade and Industry will pay",
         "Ministry of Economy, Trade and Industry"),
        ("the C9+2 partners met", "C9+2"),
        ("Members of the American Chamber of Commerce in Kenya met",
         "American Chamber of Commerce in Kenya"),
        ("the U.S. Embassy Nairobi hosted", "U.S. Embassy Nairobi"),
        ("the National Rural Electric Cooperative Association welcomed it",
         "National Rural Electric Cooperative Association"),
        # a legal form with full stops ends the name, and may end the sentence too
        ("represented by the law firm Kestrel Rohr L.L.P. School districts agreed",
         "Kestrel Rohr L.L.P."),
        # an ampersand joins a company's words
        ("it bought Kestrel Shipbuilding & Marine Engineering in 2023",
         "Kestrel Shipbuilding & Marine Engineering"),
    ],
)  # fmt: skip
def test_candidates_not_in_the_registry(index, text, expected):
    assert [c.name for c in index.find(text).candidates] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The Clean Water Act passed.",
        "the Power Africa program grew",
        "after the Critical Minerals Ministerial",
        "Washington and Capitol Hill reacted",
        "Secretary of State Marco Rubio said",
        "the Biden Administration said",
        "the Climate Fund will pay",
        # a relation between countries or firms, a plan, with or without an acronym
        "They signed a Comprehensive Strategic Partnership on Monday.",
        "the Just Energy Transition Partnership will pay",
        "they launched the Partnership for Accelerating Clean Energy (PACE) in 2022",
    ],
)
def test_what_is_not_an_organization(index, text):
    findings = index.find(text)
    assert findings.candidates == []
    assert all(s.entry.kind != "other" for s in findings.organizations)


def test_known_people_by_name_nickname_and_title_with_surname(index):
    text = (
        'Thomas "Tommy" Pigott, Principal Deputy Spokesperson. Deputy Secretary Landau met '
        "Secretary Rubio’s team. According to Tommy Pigott, Marco Rubio agreed."
    )
    people = index.find(text).people
    assert [p.name for p in people] == ["Thomas Pigott", "Christopher Landau", "Marco Rubio"]
    assert all(p.known for p in people)
    assert [m.text for m in people[0].mentions] == ['Thomas "Tommy" Pigott', "Tommy Pigott"]
    assert [m.text for m in people[2].mentions] == ["Secretary Rubio", "Marco Rubio"]
    assert people[1].title == "Deputy Secretary of State"
    assert people[1].organization == "Department of State"


@pytest.mark.parametrize("order", [1, -1])
def test_a_name_two_people_share_is_neither_of_them(order):
    """Which of two namesakes a story means is the editor's call, not the order the registry
    happened to be read in (a bulk import and an import one by one must agree)."""
    namesakes = [
        PersonEntry(7, "Ana Lima", "", (("Chair", 1),)),
        PersonEntry(8, "Ana Lima", "", (("Director", 2),)),
    ]
    index = AliasIndex(ENTRIES, ALIASES, [*PEOPLE, *namesakes[::order]])
    people = index.find("Ana Lima told reporters the plan works. Marco Rubio agreed.").people
    assert [(p.name, p.known) for p in people] == [("Ana Lima", False), ("Marco Rubio", True)]


def test_new_people_from_title_and_name(index):
    text = (
        "Uzbekistan Foreign Minister Bakhtiyor Saidov met Deputy Secretary of State Jane Roe. "
        "Foreign Minister Saidov thanked Roe."
    )
    people = index.find(text).people
    saidov, roe = people
    assert (saidov.name, saidov.title, saidov.known) == (
        "Bakhtiyor Saidov",
        "Foreign Minister",
        False,
    )
    assert saidov.organization == "Ministry of Foreign Affairs of Uzbekistan"
    assert [m.text for m in saidov.mentions] == ["Foreign Minister Bakhtiyor Saidov", "Saidov"]
    assert (roe.name, roe.title, roe.organization) == (
        "Jane Roe", "Deputy Secretary of State", "Department of State",
    )  # fmt: skip


def test_a_big_registry_tells_close_acronyms_and_names_apart():
    entries = [Entry(i, f"Office of Example Affairs Number {i}", "agency") for i in range(5000)]
    index = AliasIndex(entries, [(i, f"OEA{i}", True) for i in range(5000)])
    findings = index.find("OEA17 and the Office of Example Affairs Number 4999 met; OEA170 too.")
    assert names(findings.organizations) == [
        "Office of Example Affairs Number 17", "Office of Example Affairs Number 4999",
        "Office of Example Affairs Number 170",
    ]  # fmt: skip


def test_a_one_word_name_after_another_capitalized_word_names_something_else():
    entries = [Entry(1, "U.S. Senate", "legislature"), Entry(2, "Mexico", "country", "mx", "MX")]
    index = AliasIndex(entries, [(1, "Senate", True)])
    assert index.find("The Kazakh Senate voted. New Mexico agreed.").organizations == []
    assert index.find("The Kazakh Senate voted. New Mexico agreed.").countries == []
    findings = index.find("The Senate voted. In Mexico, officials agreed.")
    assert [s.entry.name for s in findings.organizations] == ["U.S. Senate"]
    assert [s.entry.name for s in findings.countries] == ["Mexico"]


def test_people_after_long_titles_and_with_particles(index):
    text = (
        "Minister of Foreign Affairs Jane Doe met U.S. Ambassador to Uzbekistan Jonathan Henick "
        "and Commission President Ursula von der Leyen."
    )
    people = {p.name: p.title for p in index.find(text).people}
    assert people == {
        "Jane Doe": "Minister of Foreign Affairs",
        "Jonathan Henick": "Ambassador to Uzbekistan",
        "Ursula von der Leyen": "President",
    }


def test_a_nickname_in_quotation_marks_is_no_part_of_the_name(index):
    text = "Representative Ann “Tiny” Poe, chair of the committee, agreed with Jo Roe."
    assert [p.name for p in index.find(text).people][:1] == ["Ann Poe"]


def test_a_company_with_a_titles_word_in_its_name_is_no_person(index):
    text = "The firm, Boar's Head Provisions Co., Inc., recalled its products."
    found = index.find(text)
    assert found.people == []
    assert [c.name for c in found.candidates] == ["Boar's Head Provisions Co., Inc."]


def test_a_phrase_the_candidates_take_in_is_no_person(index):
    text = (
        "The team is owned by Jo Roe, chairman of Maple Leaf Sports & Entertainment (MLSE), "
        "which runs the league's team."
    )
    assert [p.name for p in index.find(text).people] == ["Jo Roe"]


def test_a_name_of_five_words_and_its_particles(index):
    text = (
        "Sheikh Ann bin Poe bin Jo Al Roe, the Prime Minister of Tidewater, said the talks would "
        "go on. Prince Jo bin Ann Al Poe said so too."
    )
    assert [p.name for p in index.find(text).people] == [
        "Ann bin Poe bin Jo Al Roe",
        "Jo bin Ann Al Poe",
    ]


@pytest.mark.parametrize(
    ("extra", "text", "name", "expected"),
    [
        # a name beginning with a capital "The" takes it in; a lower-case "the" stays out
        (
            [Entry(16, "The Harbor Conservancy", "nonprofit", "thc", "US")],
            "The Harbor Conservancy agreed. EPA thanked The Harbor Conservancy and the Harbor "
            "Conservancy.",
            "The Harbor Conservancy",
            ["The Harbor Conservancy", "The Harbor Conservancy", "Harbor Conservancy"],
        ),
        ([], "The State Department said.", "Department of State", ["State Department"]),
        # a department named is then called by its portfolio's word, not in a title or before
        # a noun it qualifies (the title's "Secretary of the Treasury" implies it, as before)
        (
            [],
            "The Department of the Treasury’s sanctions office acted. Treasury said the mixer "
            "laundered funds; Treasury yields fell. Jo Roe, Under Secretary of the Treasury, "
            "agreed.",
            "Department of the Treasury",
            ["Department of the Treasury", "Treasury", "Secretary of the Treasury"],
        ),
        # a company named in full is then called by its first word, in capitals too
        (
            [Entry(16, "Harbor Acoustics International", "company", "ha", "US")],
            "Harbor Acoustics International agreed. HARMAN and HARBOR said so; Harbor will pay.",
            "Harbor Acoustics International",
            ["Harbor Acoustics International", "HARBOR", "Harbor"],
        ),
    ],
)
def test_how_a_body_named_once_is_named_again(extra, text, name, expected):
    index = AliasIndex([*ENTRIES, *extra], ALIASES, PEOPLE) if extra else INDEX
    assert forms(index.find(text), name) == expected


def test_a_department_is_not_called_by_its_portfolio_before_it_is_named():
    assert INDEX.find("Treasury said so.").organizations == []
