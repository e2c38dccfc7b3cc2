"""Each stage of the engine (people/matching/) on its own: pure functions, no database."""

import re

import ahocorasick
import pytest

from people.matching import AliasIndex, Entry
from people.matching.candidates import find_candidates, guess_organization_kind
from people.matching.fold import fold, fold_lower, index_key, is_acronym
from people.matching.index import company_short_forms, subcommittee_named_under, web_host
from people.matching.lexicon import (
    FUNCTION_WORDS,
    NAME_PARTICLES,
    ORGANIZATION_HEADS,
    government_name,
    one_of,
)
from people.matching.match import bounded, longest_first, qualified, registry_hits
from people.matching.people import person_keys, spoken_names, title_name_phrases
from people.matching.resolve import resolve
from people.matching.results import Hit, PersonEntry, Target

# --- fold -----------------------------------------------------------------------------------


def test_one_of_matches_exactly_the_words_given_written_as_a_trie():
    words = ["said", "says", "stated", "succeed", "succeeds", "led by", "co-founded by"]
    pattern = re.compile(rf"(?:{one_of(words)})$")
    assert all(pattern.match(word) for word in words)
    assert not any(pattern.match(word) for word in ["sa", "succee", "stat", "led", "co-founded"])
    assert one_of(["said", "says"]) == "sa(?:id|ys)"


def test_fold_keeps_every_offset():
    text = "Türkiye’s “Ministry” – Łódź"
    assert len(fold(text)) == len(text)
    assert fold(text) == 'Turkiye\'s "Ministry" - Lodz'
    assert fold("Nguyễn\tvisited\r\nHà Nội\u00a0today") == "Nguyen visited  Ha Noi today"
    assert fold("plain ASCII name") == "plain ASCII name"
    assert len(fold_lower("İstanbul")) == len("İstanbul")


def test_index_keys_drop_a_leading_the_and_spaces():
    assert index_key("  The  Sierra   Club ", case_sensitive=False) == "sierra club"
    assert index_key("NASA", case_sensitive=True) == "NASA"
    assert is_acronym("U.S.") and is_acronym("NATO") and not is_acronym("Nasa")


# --- index ----------------------------------------------------------------------------------


def test_the_index_finds_names_aliases_and_acronyms():
    index = AliasIndex(
        [Entry(1, "National Aeronautics and Space Administration", "agency")], [(1, "NASA", True)]
    )
    found = index.find("NASA and the national aeronautics and space administration agreed")
    [nasa] = found.organizations
    assert [m.text for m in nasa.mentions] == [
        "NASA",
        "national aeronautics and space administration",
    ]
    assert index.find("Nasa said").organizations == []  # an acronym matches as written


def test_a_registry_companys_name_then_words_and_a_legal_form_is_a_subsidiary():
    index = AliasIndex([Entry(1, "Harbor Steel Corporation", "company", country="JP")],
                       [(1, "Harbor Steel", False)])  # fmt: skip
    found = index.find("Harbor Steel North America, Inc., a unit, signed. Harbor Steel agreed.")
    assert [c.name for c in found.candidates] == ["Harbor Steel North America, Inc."]
    assert [m.start for m in found.organizations[0].mentions] == [50]  # the second only


def test_a_companys_name_without_its_legal_form_matches_only_as_written():
    index = AliasIndex([Entry(1, "Range Resources Corporation", "company", country="US")])
    found = index.find("A wide range resources pool. Range Resources agreed.")
    assert [m.text for m in found.organizations[0].mentions] == ["Range Resources"]


def test_a_legal_form_written_before_the_name_is_part_of_the_companys_name():
    text = "Joint Stock Company Korvex.kz bought a rival. Korvex.kz said the deal closed."
    found = AliasIndex([]).find(text)
    assert [(c.name, [m.text for m in c.mentions]) for c in found.candidates] == [
        ("Joint Stock Company Korvex.kz", ["Joint Stock Company Korvex.kz", "Korvex.kz"]),
    ]


def test_a_company_named_in_full_is_then_its_first_word_where_it_acts():
    text = (
        "The state sued Korvex, Inc., a chat company. According to the complaint, Korvex "
        "promoted a filter. The state says Korvex does little. A Korvex server went down."
    )
    found = AliasIndex([]).find(text)
    assert [(c.name, [m.text for m in c.mentions]) for c in found.candidates] == [
        ("Korvex, Inc.", ["Korvex, Inc.", "Korvex", "Korvex"]),  # not the noun's qualifier
    ]


def test_a_company_named_in_full_owns_its_first_word_not_another_companys_short_form():
    entries = [
        Entry(1, "Korvana Indonesia", "company", country="ID"),
        Entry(2, "Korvana SA", "company", country="ZA"),  # "Korvana" is its short form
    ]
    index = AliasIndex(entries, [(1, "PT Korvana Indonesia", False)])
    text = "PT Korvana Indonesia (Persero) Tbk sold a unit. Later, Korvana said its stake grew."
    found = index.find(text)
    assert [(s.entry.name, [m.text for m in s.mentions]) for s in found.organizations] == [
        ("Korvana Indonesia", ["PT Korvana Indonesia", "Korvana"]),
    ]
    # named alone, the word is the registry's short form
    found = index.find("Later, Korvana said its stake grew.")
    assert [s.entry.name for s in found.organizations] == ["Korvana SA"]


def test_a_company_is_found_by_its_name_without_the_legal_form():
    entries = [
        Entry(1, "Masimo, Incorporated", "company", country="US"),
        Entry(2, "Amazon.com, Inc.", "company", country="US"),
        Entry(3, "Acme Global Ltd", "company", country="GB"),
        Entry(4, "Acme Global", "nonprofit", country="GB"),  # the short form is taken
    ]
    index = AliasIndex(entries)
    found = index.find(
        "Masimo said that it and Amazon signed; Acme Global and Masimo Snacking did not."
    )
    assert [(s.entry.name, [m.text for m in s.mentions]) for s in found.organizations] == [
        ("Masimo, Incorporated", ["Masimo"]),  # not in "Masimo Snacking", a longer name
        ("Amazon.com, Inc.", ["Amazon"]),
        ("Acme Global", ["Acme Global"]),
    ]
    assert index.find("masimo and amazon").organizations == []  # one word: as written
    # a planet's name is the planet: "Mars, Incorporated" is named so, or "Mars Inc."
    mars = AliasIndex([Entry(1, "Mars, Incorporated", "company", country="US")])
    assert mars.find("The probe swings past Mars in 2025.").organizations == []
    assert mars.find("Mars, Incorporated bought Kellanova.").organizations != []
    # so is a moon's ("the pressure chamber of Titan, the submersible")
    titan = AliasIndex([Entry(1, "Titan Company Limited", "company", country="IN")])
    assert titan.find("Debris of Titan, the submersible, was found.").organizations == []
    # two legal forms, both set aside; forms of several countries
    index = AliasIndex([
        Entry(1, "Air Busan Co., Ltd.", "company", country="KR"),
        Entry(2, "Perusahaan Motor Kedua Sendirian Berhad", "company", country="MY"),
        Entry(3, "Gulf Ports PJSC", "company", country="AE"),
    ])  # fmt: skip
    found = index.find("Air Busan flew. Perusahaan Motor Kedua and Gulf Ports agreed.")
    assert [m.text for s in found.organizations for m in s.mentions] == [
        "Air Busan", "Perusahaan Motor Kedua", "Gulf Ports",
    ]  # fmt: skip
    # a one-word short form after a person's initial is the person's name
    index = AliasIndex([Entry(1, "Vantor L.P.", "company", country="US")])
    assert index.find("said Michael R. Vantor, founder of the firm.").organizations == []
    # a word the short form would qualify, "the", a sentence's first word: not the company
    for text in ("Trips to the Amazon. Mars rover pictures arrived", "Visa fees and Mars rovers"):
        assert index.find(text).organizations == []
    # nor a word before a number: "Block 43", an oil block
    block = AliasIndex([Entry(1, "Block, Inc.", "company", country="US")])
    assert block.find("Drilling in Block 43 of the park stops.").organizations == []
    assert names(block.find("The payments firm Block said it grew.")) == ["Block, Inc."]
    # a town the company is named after, where it stands: "in Salzgitter, Germany"
    index = AliasIndex([Entry(1, "Kelbrun AG", "company", country="DE")])
    assert index.find("Its first plant in Kelbrun, Germany, opens in May.").organizations == []
    found = index.find("It buys steel from Kelbrun, a German steelmaker.")
    assert [s.entry.name for s in found.organizations] == ["Kelbrun AG"]


def test_a_company_name_inside_a_portfolio_is_not_the_company():
    index = AliasIndex([Entry(1, "Mineral Resources Limited", "company", country="AU")])
    for text in (
        "Jane Roe, Minister of Energy and Mineral Resources, said so.",
        "The Ministry of Energy and Mineral Resources will require it.",
    ):
        assert index.find(text).organizations == []
    found = index.find("Rio Tinto and Mineral Resources agreed.")
    assert [s.entry.name for s in found.organizations] == ["Mineral Resources Limited"]


def test_a_company_named_with_and_without_its_legal_form_is_one_candidate():
    found = AliasIndex([]).find(
        "Kestrel agreed to buy Harbrook. Kestrel completed its acquisition of Harbrook plc, the "
        "maker of soft drinks. Harbrook’s shares were delisted."
    )
    assert [(c.name, [m.text for m in c.mentions]) for c in found.candidates] == [
        ("Harbrook plc", ["Harbrook", "Harbrook plc", "Harbrook"]),
    ]  # fmt: skip


def test_a_name_then_of_and_an_organization_is_a_person_of_it():
    index = AliasIndex([Entry(1, "Harbor University", "university", country="JP"),
                        Entry(2, "Tidewater Labs", "company", country="GB")])  # fmt: skip
    text = (
        "The prize goes to Ann Poe and Jo Roe of Tidewater Labs in London, and to Kenji Sato of "
        "Harbor University. The Official Journal of Tidewater Labs printed it."
    )
    assert [p.name for p in index.find(text).people] == ["Ann Poe", "Jo Roe", "Kenji Sato"]


def test_a_list_of_people_each_of_a_country():
    index = AliasIndex(
        [Entry(1, "France", "country", country="FR"), Entry(2, "Germany", "country", country="DE"),
         Entry(3, "United Kingdom", "country", country="GB"),
         Entry(4, "Bank of France", "agency", country="FR")],
    )  # fmt: skip
    text = (
        "Attending were Ann-Marie Poe of France, Jo bin Roe Al Fale of Germany and Tom Lee of "
        "the United Kingdom. The Bank of France and Harbor Council of Germany agreed."
    )
    found = index.find(text)
    assert [p.name for p in found.people] == ["Ann-Marie Poe", "Jo bin Roe Al Fale", "Tom Lee"]
    # one name of a country is no list: "Tom Lee of France said" is left to the other cues
    assert index.find("Harbor Council of France met.").people == []
    # a name found by another cue is still one of the list
    text = "Two vice-presidents, Ann Poe of France and Tom Lee of Germany, ran."
    assert [p.name for p in index.find(text).people] == ["Ann Poe", "Tom Lee"]
    # several names of one country; a nickname in quotation marks
    text = (
        'Those lost were Ann "Annie" Poe of France; Jo Roe, Tom Lee and Kim Ray of the United '
        "Kingdom; and Bo Day of Germany."
    )
    assert [p.name for p in index.find(text).people] == [
        "Ann Poe", "Jo Roe", "Tom Lee", "Kim Ray", "Bo Day",
    ]  # fmt: skip


def test_a_body_among_a_titles_portfolios_is_not_named():
    index = AliasIndex(
        [Entry(1, "European Union", "multilateral"), Entry(2, "Tuvalu", "country", country="TV")]
    )
    text = "Ann Poe, Minister for Foreign Affairs, European Union and Cooperation, spoke."
    assert index.find(text).organizations == []
    # a body after the title's comma, the list not going on: the minister's
    found = index.find("Tom Fale, Minister of Finance, Tuvalu, agreed with the European Union.")
    assert [s.entry.name for s in found.organizations + found.countries] == [
        "European Union", "Tuvalu",
    ]  # fmt: skip


def test_a_body_at_the_head_of_an_instruments_name_is_not_named():
    index = AliasIndex([Entry(1, "United Nations", "multilateral")])
    text = "The law follows the United Nations Convention on the Law of the Sea."
    assert index.find(text).organizations == []
    found = index.find(text + " The United Nations welcomed it.")
    assert [m.text for m in found.organizations[0].mentions] == ["United Nations"]
    index = AliasIndex([Entry(1, "Widget Clearing House", "company"), Entry(2, "Agency", "agency")],
                       [(1, "WIDGETS", True), (2, "AGC", True)])  # fmt: skip
    text = "Funds from the WIDGETS and Science Act and the AGC Free Trade Agreement of 2020."
    assert index.find(text).organizations == []
    # an instrument's word as a given name ends nothing
    found = index.find("AGC Administrator Bill Roe and the WIDGETS desk.")
    assert [s.entry.name for s in found.organizations] == ["Agency", "Widget Clearing House"]


def test_a_federal_body_after_a_states_name_is_the_states():
    entries = [
        Entry(1, "Department of Transportation", "agency", country="US"),
        Entry(2, "State of Maryland", "subnational", country="US"),  # "Maryland" no alias
    ]
    index = AliasIndex(entries, home_country="US")
    found = index.find("Jane Roe, Secretary of the Maryland Department of Transportation, spoke.")
    assert found.organizations == []
    assert [c.name for c in found.candidates] == ["Maryland Department of Transportation"]
    found = index.find("The Department of Transportation said so.")
    assert [s.entry.name for s in found.organizations] == ["Department of Transportation"]


def test_a_one_word_name_is_also_found_in_capitals():
    index = AliasIndex([Entry(1, "Interpol", "multilateral"), Entry(2, "Georgia", "country")])
    found = index.find("INTERPOL said GEORGIA was a member.")
    assert [s.entry.name for s in found.organizations] == ["Interpol"]
    assert found.countries == []  # a place in capitals is a headline's word


def test_a_body_named_without_its_country_is_the_one_of_the_country_named_most():
    entries = [
        Entry(1, "South Africa", "country", country="ZA"),
        Entry(2, "Ireland", "country", country="IE"),
        Entry(3, "National Treasury of South Africa", "ministry", country="ZA"),
        Entry(4, "Department of Finance of Ireland", "ministry", country="IE"),
        Entry(5, "Department of Finance Canada", "ministry", country="CA"),
    ]
    index = AliasIndex(entries)
    about_ireland = "Ireland's Department of Finance and the National Treasury met in Ireland."
    found = index.find(about_ireland)
    # "National Treasury" has no body in Ireland: not South Africa's
    assert [s.entry.name for s in found.organizations] == ["Department of Finance of Ireland"]
    # no country named: the name stays free for a candidate
    assert index.find("The Department of Finance said so.").organizations == []
    # as written only: a common noun phrase in lower case names no body
    about_ireland = "Ireland's department of finance official said so in Ireland."
    assert index.find(about_ireland).organizations == []


def test_a_body_named_without_its_country_among_the_countries_that_have_one():
    entries = [
        Entry(1, "Kenya", "country", country="KE"),
        Entry(2, "Haiti", "country", country="HT"),
        Entry(3, "High Court of Kenya", "other", country="KE"),
        Entry(4, "A Just Russia", "other", country="RU"),  # a party: no "A Just"
        Entry(5, "Russia", "country", country="RU"),
        Entry(6, "South Africa", "country", country="ZA"),
        Entry(7, "South African Reserve Bank", "agency", country="ZA"),
        Entry(8, "National Treasury of South Africa", "ministry", country="ZA"),
    ]
    index = AliasIndex(entries)
    # Haiti is named most, but only Kenya has a High Court
    found = index.find("Haiti asked Kenya for help. Haiti agreed. The High Court ruled in Haiti.")
    assert [s.entry.name for s in found.organizations] == ["High Court of Kenya"]
    assert index.find("Russia said it was a just decision.").organizations == []
    # no country named but inside a name: the country of the bodies the story names
    found = index.find("The South African Reserve Bank cut; the National Treasury agreed.")
    assert [s.entry.name for s in found.organizations] == [
        "South African Reserve Bank", "National Treasury of South Africa",
    ]  # fmt: skip


def test_a_body_named_without_its_country_of_a_country_only_its_bodies_show():
    entries = [
        Entry(1, "United States", "country", country="US"),
        Entry(2, "National Portrait Gallery (United States)", "agency", country="US"),
        Entry(3, "Metropolitan Museum of Art", "museum", country="US"),
        Entry(4, "Department for Culture, Media and Sport", "ministry", country="GB"),
        Entry(5, "Smithsonian Institution", "agency", country="US"),
    ]
    index = AliasIndex(entries)
    # Britain's public bodies lead a story naming no country: London's gallery, a candidate
    text = ("The Department for Culture, Media and Sport approved the director of the National "
            "Portrait Gallery, once a curator at the Metropolitan Museum of Art.")  # fmt: skip
    found = index.find(text)
    assert "National Portrait Gallery (United States)" not in [
        s.entry.name for s in found.organizations
    ]
    assert "National Portrait Gallery" in [c.name for c in found.candidates]
    # the Smithsonian's
    text = "The Smithsonian Institution said the National Portrait Gallery reopens."
    assert [s.entry.name for s in index.find(text).organizations] == [
        "Smithsonian Institution", "National Portrait Gallery (United States)",
    ]  # fmt: skip


def test_a_name_other_countries_bodies_share_is_the_body_of_the_country_named():
    entries = [
        Entry(1, "United States", "country", country="US"),
        Entry(2, "Thailand", "country", country="TH"),
        Entry(3, "U.S. House of Representatives", "legislature", country="US"),
        Entry(4, "House of Representatives of Thailand", "legislature", country="TH"),
        Entry(5, "U.S. Senate", "legislature", country="US"),
        Entry(6, "Pakistan", "country", country="PK"),
        Entry(7, "India", "country", country="IN"),
        Entry(8, "United Kingdom", "country", country="GB"),
        Entry(9, "Foreign, Commonwealth and Development Office", "ministry", country="GB"),
    ]
    aliases = [(3, "House of Representatives", False), (5, "Senate", False),
               (1, "U.S.", True), (8, "Britain", False), (9, "Foreign Office", False)]  # fmt: skip
    index = AliasIndex(entries, aliases)

    def named(text):
        found = index.find(text)
        return [s.entry.name for s in found.organizations]

    about_thailand = (
        "Thailand's marriage law passed. The House of Representatives passed the bill, and the "
        "Senate approved it. Thailand is the first in the region."
    )
    assert named(about_thailand) == ["House of Representatives of Thailand"]
    # at home, or with the home country named: the newsroom's own
    assert named("The House of Representatives passed the bill.") == [
        "U.S. House of Representatives"
    ]
    assert "U.S. House of Representatives" in named(about_thailand + " The U.S. welcomed the vote.")
    # another country's body by a short form, in a story of other countries
    about_pakistan = "Pakistan opened the corridor to India, the Foreign Office said. India agreed."
    assert named(about_pakistan) == []
    assert named("Britain's Foreign Office said Pakistan and India agreed.") == [
        "Foreign, Commonwealth and Development Office"
    ]


def test_an_acronym_the_text_defines_otherwise_is_not_the_registrys():
    index = AliasIndex(
        [Entry(1, "Sudanese Armed Forces", "agency"), Entry(2, "Safety Agency", "agency")],
        [(1, "SAF", True), (2, "SA", True)],
    )
    text = "Airlines want sustainable aviation fuel (SAF). SAF costs more; the Safety Agency (SA)"
    assert [s.entry.name for s in index.find(text).organizations] == ["Safety Agency"]
    assert [s.entry.name for s in index.find("Fighting between the SAF and …").organizations] == [
        "Sudanese Armed Forces"
    ]
    # defined after the name in its own language: "(Autoriteit Persoonsgegevens, AP)"
    index = AliasIndex([Entry(1, "Associated Press", "media")], [(1, "AP", True)])
    text = (
        "The Dutch Data Protection Authority (Autoriteit Persoonsgegevens, AP) fined Uber. "
        "The AP had fined it before."
    )
    found = index.find(text)
    assert found.organizations == []
    [authority] = found.candidates
    assert [m.text for m in authority.mentions][1:] == ["AP", "AP"]


def test_a_countrys_body_under_another_form_of_its_country_name():
    entries = [
        Entry(1, "Uzbekistan", "country", country="UZ"),
        Entry(2, "Ministry of Foreign Affairs of Uzbekistan", "ministry", country="UZ"),
        Entry(3, "South Korea", "country", country="KR"),
        Entry(4, "Ministry of Trade of the Republic of Korea", "ministry", country="KR"),
    ]
    index = AliasIndex(
        entries, [(1, "Republic of Uzbekistan", False), (3, "Republic of Korea", False)]
    )
    text = (
        "The Ministry of Foreign Affairs of the Republic of Uzbekistan and the Republic of "
        "Korea's Ministry of Trade signed in South Korea."
    )
    assert [s.entry.name for s in index.find(text).organizations] == [
        "Ministry of Foreign Affairs of Uzbekistan",
        "Ministry of Trade of the Republic of Korea",
    ]


def test_a_body_of_a_place_named_after_it_is_not_the_federal_one():
    index = AliasIndex([Entry(1, "Department of Commerce", "agency", country="US")])
    text = "The Department of Commerce of the State of Washington met the Department of Commerce."
    [commerce] = index.find(text).organizations
    assert [m.start for m in commerce.mentions] == [text.rindex("Department")]


def test_a_unit_named_with_its_owners_possessive_is_its_child():
    index = AliasIndex([Entry(1, "National Aeronautics and Space Administration", "agency")],
                       [(1, "NASA", True)])  # fmt: skip
    found = index.find("Engineers at NASA's Goddard Space Flight Center and the Trump-Vance "
                       "Transition Team met.")  # fmt: skip
    assert {c.name: c.parent for c in found.candidates} == {
        "Goddard Space Flight Center": "National Aeronautics and Space Administration",
        "Trump-Vance Transition Team": "",
    }


def test_the_home_country_is_a_parameter_not_a_literal():
    entries = [
        Entry(1, "Georgia", "country", country="GE"),
        Entry(2, "State of Georgia", "subnational", country="US"),
        Entry(3, "Armenia", "country", country="AM"),
        Entry(4, "Azerbaijan", "country", country="AZ"),
        Entry(5, "United States", "country", country="US"),
    ]
    aliases = [(2, "Georgia", True)]
    text = "Georgia, Armenia and the United States met."
    # Seen from the U.S., one foreign country (Armenia) is not enough to read "Georgia" as one.
    as_us = AliasIndex(entries, aliases, home_country="US").find(text)
    assert [a.mention.text for a in as_us.ambiguous] == ["Georgia"]
    # Seen from elsewhere, the United States is foreign too: two foreign countries.
    as_am = AliasIndex(entries, aliases, home_country="FR").find(text)
    assert "Georgia" in [c.entry.name for c in as_am.countries]


# --- match ----------------------------------------------------------------------------------


def test_hits_are_whole_words_and_the_longest_wins():
    automaton = ahocorasick.Automaton()
    for key, entry_id in (("department of state", 1), ("state", 2)):
        automaton.add_word(key, (len(key), (Target(entry_id, 0.9, "name"),), ()))
    automaton.make_automaton()
    text = "The Department of State and statehood"
    hits = registry_hits(automaton, fold_lower(text), fold(text))
    chosen = longest_first(hits)
    assert [(text[h.start : h.end], h.targets[0].entry_id) for h in chosen] == [
        ("Department of State", 1)
    ]
    assert bounded("a EPA b", 2, 5) and not bounded("aEPA", 1, 4)


def test_a_name_followed_by_a_full_stop_and_a_digit_is_part_of_a_code():
    automaton = ahocorasick.Automaton()
    automaton.add_word("b3", (2, (Target(1, 0.9, "alias"),), ()))
    automaton.make_automaton()
    text = "Not the B3.13 genotype, said B3. B3 listed it."
    hits = registry_hits(automaton, fold_lower(text), fold(text))
    assert [h.start for h in hits] == [text.index("B3. "), text.rindex("B3")]


def test_a_name_written_in_lower_case_with_a_head_noun_is_the_common_noun():
    index = AliasIndex(
        [
            Entry(1, "U.S. Coast Guard", "agency", country="US"),
            Entry(2, "bluebird bio, Inc.", "company", country="US"),
        ],
        [(1, "Coast Guard", False), (2, "bluebird bio", False)],
        home_country="US",
    )
    found = index.find("The treaty covers its coast guard. The Coast Guard said so.")
    [guard] = found.organizations
    assert [m.text for m in guard.mentions] == ["Coast Guard"]
    # a brand written in lower case is still the brand
    assert [s.entry.name for s in index.find("Shares of bluebird bio rose.").organizations] == [
        "bluebird bio, Inc."
    ]


def test_a_name_before_a_bracketed_number_is_an_article_of_a_law():
    index = AliasIndex([Entry(1, "Article 19", "nonprofit", country="GB")], [], home_country="US")
    assert not index.find("It breached Article 19(1)(a) of the Constitution.").organizations
    assert index.find("Article 19 (the charity) objected.").organizations


def test_a_short_acronym_of_a_country_the_story_does_not_name_is_something_else():
    index = AliasIndex(
        [
            Entry(1, "Communist Party of Harbor", "other", country="HB"),
            Entry(2, "Harbor", "country", country="HB"),
            Entry(3, "Harbor Petroleum", "company", country="HB"),
            Entry(4, "Environmental Protection Agency", "agency", country="US"),
        ],
        [(1, "CPH", True), (3, "HP", True), (4, "EPA", True)],
        home_country="US",
    )
    assert not index.find("Core CPH inflation eased, the central bank said.").organizations
    found = index.find("In Harbor, the CPH won the vote.").organizations
    assert "Communist Party of Harbor" in [s.entry.name for s in found]
    # a company's acronym and the home country's name themselves anywhere
    found = index.find("HP said it would sell more oil.").organizations
    assert [s.entry.name for s in found] == ["Harbor Petroleum"]
    found = index.find("The EPA said it would act.").organizations
    assert [s.entry.name for s in found] == ["Environmental Protection Agency"]


def test_a_capitalized_word_before_a_one_word_name_qualifies_it():
    text = "The Kazakh Senate and the Senate"
    assert qualified(text, 11, 17)
    assert not qualified(text, 26, 32)


def test_two_countries_joined_before_a_name_make_it_their_body():
    from people.matching.match import Context

    context = Context(places=frozenset({"Nepal", "India"}))
    text = "The Nepal-India Joint Commission and the Joint Commission met."
    assert qualified(text, 16, 32, context)
    assert not qualified(text, 41, 57, context)
    assert not qualified("The Coca-Cola Joint Commission met.", 14, 30, context)


def test_a_brands_product_after_it_leaves_the_brand_named():
    text = "a SpaceX Falcon Heavy rocket; SpaceX Ventures Group; Georgia Power"
    assert not qualified(text, 2, 8)  # the product: SpaceX is named
    assert qualified(text, 30, 36)  # a longer body's name
    assert qualified(text, 53, 60)  # a place's name before a company's word


# --- resolve --------------------------------------------------------------------------------


def test_resolve_picks_the_entry_its_parent_supports():
    entries = {
        1: Entry(1, "Department of Energy", "agency", country="US"),
        2: Entry(2, "Office of Science", "agency", country="US", parent_id=1),
        3: Entry(3, "Office of Science", "agency", country="GB"),
    }
    hit = Hit(0, 3, (Target(2, 0.85, "acronym"), Target(3, 0.85, "acronym")))
    chosen = resolve(hit, entries, [entries[1]], home_country="US")
    assert chosen is not None and chosen.entry_id == 2
    assert resolve(hit, entries, [], home_country="US") is None


# --- candidates -----------------------------------------------------------------------------


def test_candidates_come_from_the_grammar_of_names():
    text = "Officials of the Tidewater Maritime Museum and the Harbor Pilots Association met."
    found = find_candidates(text, fold(text), [])
    assert {c.name: c.kind_guess for c in found.values()} == {
        "Tidewater Maritime Museum": "nonprofit",
        "Harbor Pilots Association": "nonprofit",
    }


@pytest.mark.parametrize(
    "text, names",
    [
        # a lower-case legal form ends a company's name
        ("Rio Tinto bought Arcadium Lithium plc in March.", ["Arcadium Lithium plc"]),
        # "and" inside a name after "of" goes on to the name's own head noun
        (
            "The German Association of Energy and Water Industries welcomed it.",
            ["German Association of Energy and Water Industries"],
        ),
        ("The Bank of Canada and Bank of England met.", ["Bank of Canada", "Bank of England"]),
        # a new name begins with an acronym after "and"
        ("Lenders including Harbour Savings and ASB Bank cut rates.", ["ASB Bank"]),
        # an event's or a law's name is not a body's
        ("Leaders endorsed the Dar es Salaam Energy Declaration at the Africa Energy Summit.", []),
        # heads joined by "and" make one name
        ("Lakeside Bank and Trust Company merged.", ["Lakeside Bank and Trust Company"]),
        # a prosecutors' office's section, not a person "Frauds Section"
        ("Jo Roe of the Major Frauds Section prosecuted it.", ["Major Frauds Section"]),
        # a name that runs on past its head noun is not that body's ("Show" is no head); a day
        # does not run on with it; "District" is a head after "School" (below)
        (
            "The Harlow Unified School District voted. The Paris Motor Show opened.",
            ["Harlow Unified School District"],
        ),
        ("The Harbor Transit Agency Tuesday said fares rise.", ["Harbor Transit Agency"]),
        # a building, not a body; a museum in a city, a chamber of commerce of one
        ("A microgrid at the Harborview Civic Center opens.", []),
        (
            "The Museum of West African Art in Benin City and the American Chamber of Commerce "
            "in Kenya agreed.",
            ["Museum of West African Art", "American Chamber of Commerce in Kenya"],
        ),
        # Indian and Malaysian legal forms end a company's name
        ("A court restrained Zenora Foods Pvt. Ltd. from it.", ["Zenora Foods Pvt. Ltd."]),
        # an owner's name ends at its possessive, unless the possessor is a plural noun
        (
            "Kestrel Pharma's drug won. The University of Westbrook's School of Public Health "
            "and the Tumaini Children's Trust agreed.",
            [
                "Kestrel Pharma",
                "University of Westbrook",
                "School of Public Health",
                "Tumaini Children's Trust",
            ],
        ),  # fmt: skip
        # clubs, armies and navies, analytics firms
        (
            "Arsenal Football Club, the Nigerian Army, the Royal Australian Navy and Redwood "
            "Analytics signed.",
            [
                "Arsenal Football Club",
                "Nigerian Army",
                "Royal Australian Navy",
                "Redwood Analytics",
            ],
        ),  # fmt: skip
        # a plural's possessive: the owner's name ends there unless a head noun follows
        (
            "The Bureau of Firearms and Explosives' Houston Field Division and the Ohio Valley "
            "Manufacturers' Alliance met.",
            [
                "Bureau of Firearms and Explosives",
                "Houston Field Division",
                "Ohio Valley Manufacturers' Alliance",
            ],
        ),  # fmt: skip
        # caucuses and branches
        (
            "The Congressional Rural Caucus and the Bank's Oklahoma City Branch met.",
            ["Congressional Rural Caucus", "Oklahoma City Branch"],
        ),
        # a name whose head comes first, in other languages
        (
            "The peso rose after Banco Oriental del Plata raised rates.",
            ["Banco Oriental del Plata"],
        ),
        (
            "Trials ran at the Institut de Recherche en Sciences de la Santé in Nanoro.",
            ["Institut de Recherche en Sciences de la Santé"],
        ),
        # a title's portfolios listed with commas; a region named by a compass point
        (
            "Ann Lee, Union Minister for Railways, Information & Broadcasting and Electronics, "
            "and Bo Chan, Director General of New, Renewable Energy and Energy Conservation, "
            "visited the West Bank and the Harbor Energy Agency.",
            ["Harbor Energy Agency"],
        ),
        # a list of companies, its last name; commas of a name's own; a steering committee is
        # a project's, a company's board that acts a body of the story
        (
            "The group is made up of ND Western, Aradel Energy, Waltersmith and Petrolin. "
            "Kansas City Southern de México, S.A. de C.V. agreed. Acme's Management Board and the "
            "AI Index Steering Committee backed it.",
            [
                "Aradel Energy",
                "Kansas City Southern de México, S.A. de C.V.",
                "Management Board",
            ],
        ),
        # a group of members goes on with "of", as a company does not
        (
            "The Strategic Advisory Group of Experts on Immunization met the Group of Creditors "
            "of Ukraine and the Harbor Electric Company of Kenya.",
            [
                "Strategic Advisory Group of Experts on Immunization",
                "Group of Creditors of Ukraine",
                "Harbor Electric Company",
            ],
        ),
        # a list's last item after "and the" is still the name's
        (
            "The Subcommittee on Rivers, Roads, and the Sea met; the Ministry of Health, "
            "Labour, and the Ministry of Finance did not.",
            [
                "Subcommittee on Rivers, Roads, and the Sea",
                "Ministry of Health",
                "Ministry of Finance",
            ],
        ),
        # a legal form at a sentence's end, after a comma
        (
            "The plant is run by Harbor Power Generation, LLC. The unit restarts.",
            ["Harbor Power Generation, LLC"],
        ),
        # a possessive inside a company's name, before its legal form
        (
            "Ben & Jerry's Homemade, Inc., which has its own board, stays.",
            ["Ben & Jerry's Homemade, Inc."],
        ),
        # a place in parentheses inside a name
        (
            "Churchill Falls (Harborland) Corporation Limited, the operator, agreed. The Tidewater "
            "Widgets Agency (TWA) said.",
            ["Churchill Falls (Harborland) Corporation Limited", "Tidewater Widgets Agency"],
        ),
        # a utility named "Hydro"; a company's board of management is no body of its own
        (
            "Harbor and Tidewater Hydro said so; the chair of the Acme Board of Management agreed.",
            ["Harbor and Tidewater Hydro"],
        ),
        # a noun that ends a body's name after its own words only
        (
            "The Lakeview County Health District, the Harbor Unified School District and the "
            "Pine Ridge Air National Guard Base met the Harbor Teachers Retirement System in "
            "the Central Business District about the defense industrial base.",
            [
                "Lakeview County Health District",
                "Harbor Unified School District",
                "Pine Ridge Air National Guard Base",
                "Harbor Teachers Retirement System",
            ],
        ),
        # a name listed with commas ends before "and" and a title; the board a title's holder
        # chairs is the title's
        (
            "Ann Lima, chair of the Subcommittee on Tides, Quays, and Harbors, and Representative "
            "Bo Chan agreed. Rui Costa, Chairman of the Supervisory Board of Tidewater, spoke.",
            ["Subcommittee on Tides, Quays, and Harbors"],
        ),
        # a list whose middle item is a body's name: its last name, not the list
        (
            "The payers are the County of Tidewater, Kestrel Schools, West Tidewater Land "
            "Company and Acme.",
            ["West Tidewater Land Company"],
        ),
        # a possessive and a title's word inside a company's name, before its legal form
        (
            "The firm, Boar's Head Provisions Co., Inc., recalled its products.",
            ["Boar's Head Provisions Co., Inc."],
        ),
        # a municipality is a body ("Halifax Regional Municipality")
        (
            "The fire burned in the Tidewater Regional Municipality and the Municipality of "
            "Harbor sent crews.",
            ["Tidewater Regional Municipality", "Municipality of Harbor"],
        ),
        # a head noun among a portfolio's or a topic's words does not end the name at "and"
        (
            "The Harborland Ministry of Mental Health and Addictions briefed the Committee on "
            "Court Administration and Case Management. The Bank of Harborland and Bank of "
            "Tidewater agreed.",
            [
                "Harborland Ministry of Mental Health and Addictions",
                "Committee on Court Administration and Case Management",
                "Bank of Harborland",
                "Bank of Tidewater",
            ],
        ),
    ],
)
def test_where_candidates_begin_and_end(text, names):
    assert [c.name for c in find_candidates(text, fold(text), []).values()] == names


def test_a_company_the_text_describes(registry_index):
    text = (
        "Acme Robotics, a Boston-based startup, and Brightline Foods, the parent company of "
        "Sunny Snacks, signed. Jane Roe, a bank executive, spoke."
    )
    found = {c.name: c.kind_guess for c in registry_index.find(text).candidates}
    assert found == {"Acme Robotics": "company", "Brightline Foods": "company"}


@pytest.mark.parametrize(
    ("text", "candidates", "people"),
    [
        # a group or consortium the text describes, but not a person who belongs to one
        (
            "Harbor Light, an independent research group in Oregon, and Quantum Plains, a "
            "technology consortium spanning three states, joined. Jane Roe, a member of the "
            "association, and Ann Lee, the coalition's chief economist, spoke.",
            {"Harbor Light": "other", "Quantum Plains": "other"},
            ["Jane Roe", "Ann Lee"],
        ),
        # a name after where it is based, but not a person's
        (
            "Kobe-based Mizushima Dockyards delivered the carrier. Cape Town-based fintech Ubuntu "
            "Pay (Pty) Ltd won an award. The London-based economist Jane Roe said so.",
            {"Mizushima Dockyards": "company", "Ubuntu Pay (Pty) Ltd": "company"},
            ["Jane Roe"],
        ),
        # a governing body, a union, a unit; not "Kenya. Kestrel Cricket", not Kenya
        (
            "Teams from Norway and Kenya played. Kestrel Cricket, the sport’s national governing "
            "body, welcomed it. Enbrel is made by Zentrix, a unit of Corvane; the Tidewater "
            "Workers Union, a trade union representing dockers, agreed. Kenya, the world’s "
            "largest producer of tea, agreed.",
            {"Kestrel Cricket": "other", "Zentrix": "company", "Tidewater Workers Union": "other"},
            [],
        ),
        # a legal form after its company's comma is no name of its own
        (
            "Zentrix Audio Industries, Incorporated, a wholly owned subsidiary of Corvane, agreed.",
            {"Zentrix Audio Industries, Incorporated": "company"},
            [],
        ),
    ],
)
def test_names_the_text_describes(registry_index, text, candidates, people):
    found = registry_index.find(text)
    assert {c.name: c.kind_guess for c in found.candidates} == candidates
    assert [p.name for p in found.people] == people


def test_a_places_government_and_more_head_nouns_are_candidates(registry_index):
    text = (
        "The City of Harborview and the Town of Ashfield met Harborview Transit, Plains "
        "Innovation Labs and the Patient-Led Research Collaborative. Harborview is a port."
    )
    found = {c.name: c.kind_guess for c in registry_index.find(text).candidates}
    assert found == {
        "City of Harborview": "subnational", "Town of Ashfield": "subnational",
        "Harborview Transit": "agency", "Plains Innovation Labs": "company",
        "Patient-Led Research Collaborative": "nonprofit",
    }  # fmt: skip


def test_a_name_with_french_particles_defined_with_its_acronym_is_not_another_bodys():
    index = AliasIndex([Entry(1, "Bureau of Inland Estates", "agency")], [(1, "BIE", True)])
    text = "The Bureau International des Expositions (BIE) chose the city. The BIE voted."
    found = index.find(text)
    assert found.organizations == []
    assert [(c.name, [m.text for m in c.mentions]) for c in found.candidates] == [
        ("Bureau International des Expositions", ["Bureau International des Expositions", "BIE",
                                                  "BIE"]),
    ]  # fmt: skip


def test_the_head_noun_of_a_body_named_before_refers_to_it():
    index = AliasIndex(
        [Entry(1, "Bank of Tidewater", "agency"), Entry(2, "Tidewater Parliament", "legislature"),
         Entry(3, "Bank of Harborview", "agency")]
    )  # fmt: skip
    text = (
        "The Tidewater Parliament met. The Policy Board of the Bank of Tidewater decided; the "
        "Board ended it and the Bank will buy bonds. The new Parliament voted. The Parliament "
        "Building closed."
    )
    found = index.find(text)
    mentions = {s.entry.name: [m.text for m in s.mentions] for s in found.organizations}
    assert mentions == {
        "Tidewater Parliament": ["Tidewater Parliament", "Parliament"],
        "Bank of Tidewater": ["Bank of Tidewater", "Bank"],
    }
    assert [[m.text for m in c.mentions] for c in found.candidates] == [["Policy Board", "Board"]]
    # two banks named: "the Bank" is neither
    found = index.find(text.replace("the Bank will", "the Bank of Harborview and the Bank will"))
    assert [m.text for m in found.organizations[1].mentions] == ["Bank of Tidewater"]
    # the head noun before "of", wherever it stands in the name
    index = AliasIndex([Entry(1, "National Assembly of the Republic of Tidewater", "legislature")])
    found = index.find(
        "The National Assembly of the Republic of Tidewater voted; the Assembly adjourned."
    )
    assert [m.text for m in found.organizations[0].mentions] == [
        "National Assembly of the Republic of Tidewater", "Assembly",
    ]  # fmt: skip


def test_a_mexican_legal_form_ends_a_companys_name(registry_index):
    text = "The deal covers Harbor Rail de México, S.A. de C.V., a carrier."
    assert [c.name for c in registry_index.find(text).candidates] == [
        "Harbor Rail de México, S.A. de C.V."
    ]


def test_a_term_defined_with_its_acronym_is_not_a_body(registry_index):
    text = "The bank cut the Official Cash Rate (OCR) and the Pacific Islands Forum (PIF) met."
    assert [c.name for c in registry_index.find(text).candidates] == ["Pacific Islands Forum"]
    # unless the text says what it is
    text = "The figures come from the Harbor Chip Trade Statistics (HCTS) organization."
    assert [c.name for c in registry_index.find(text).candidates] == [
        "Harbor Chip Trade Statistics"
    ]


def test_kind_guesses():
    assert guess_organization_kind("Philadelphia City Council") == "legislature"
    assert guess_organization_kind("Lakeside Bank and Trust Company") == "company"
    assert guess_organization_kind("Ministry of Water Resources") == "ministry"
    assert guess_organization_kind("Subcommittee on Oversight") == "legislature"
    assert guess_organization_kind("Northwind Motors") == "company"
    assert guess_organization_kind("Acme Widgets Inc.") == "company"
    assert guess_organization_kind("Plainfield College") == "university"


def test_the_lexicon_holds_no_typo_or_story_word():
    assert "comminttee" not in ORGANIZATION_HEADS
    assert not {"farmers", "residents", "anti-hunger", "twenty-two"} & FUNCTION_WORDS
    assert {"van", "de", "bin"} <= NAME_PARTICLES


# --- people ---------------------------------------------------------------------------------


def test_person_keys_include_nickname_and_title_forms():
    person = PersonEntry(1, "Joseph R. Biden, Jr.", "Joe", (("President", None),))
    keys = person_keys(person)
    assert {"Joe Biden", "President Biden"} <= keys


def test_a_title_then_a_name_is_a_person():
    text = "On Monday Deputy Secretary of State Jane Roe met the Harbor Pilots."
    [(start, end, title, name, _)] = list(title_name_phrases(fold(text)))
    assert (title, name) == ("Deputy Secretary of State", "Jane Roe")
    assert text[start:end] == "Deputy Secretary of State Jane Roe"


# --- context: the home country and short names do not win where the text says otherwise -----


@pytest.fixture
def registry_index():
    entries = [
        Entry(1, "Department of State", "agency", country="US"),
        Entry(2, "U.S. Congress", "legislature", country="US"),
        Entry(3, "Commonwealth of Nations", "multilateral"),
        Entry(4, "Department of Commerce", "agency", country="US"),
        Entry(5, "United States", "country", country="US"),
        Entry(6, "Ohio", "subnational", country="US"),
        Entry(7, "Environmental Protection Agency", "agency", country="US"),
        Entry(8, "Kenya", "country", country="KE"),
        Entry(9, "United Nations", "multilateral"),
    ]
    aliases = [(2, "Congress", True), (3, "Commonwealth", True), (5, "U.S.", True),
               (7, "EPA", True), (9, "UN", True)]  # fmt: skip
    return AliasIndex(entries, aliases, home_country="US")


def names(findings) -> list[str]:
    return [s.entry.name for s in findings.organizations]


def test_a_british_secretary_of_state_is_not_the_department_of_state(registry_index):
    assert names(registry_index.find("Secretary of State for Transport Jane Roe said")) == []
    assert names(registry_index.find("The Secretary of State said")) == ["Department of State"]


def test_short_names_inside_longer_names_name_something_else(registry_index):
    text = "The FIFA Congress met. The Foreign, Commonwealth and Development Office agreed."
    found = registry_index.find(text)
    assert names(found) == []
    assert "Foreign, Commonwealth and Development Office" in [c.name for c in found.candidates]
    assert names(registry_index.find("The Congress voted.")) == ["U.S. Congress"]


def test_a_states_department_is_not_the_federal_one(registry_index):
    found = registry_index.find("The Ohio Department of Commerce and the Department of Commerce")
    assert [m.text for m in found.organizations[0].mentions] == ["Department of Commerce"]
    assert "Ohio Department of Commerce" in [c.name for c in found.candidates]


def test_units_and_children_tag_the_child(registry_index):
    found = registry_index.find("EPA Region 2 staff met in Nairobi.")
    assert names(found) == []
    [unit] = found.candidates
    assert (unit.name, unit.parent, unit.country_guess) == (
        "EPA Region 2", "Environmental Protection Agency", "US",
    )  # fmt: skip


def test_candidates_explained_by_the_text(registry_index):
    text = (
        "Kenya's Ministry of Water Works signed with Wiz, a cloud security company, and the "
        "Pacific Islands Forum (PIF). PIF leaders agreed."
    )
    found = {c.name: c for c in registry_index.find(text).candidates}
    assert found["Ministry of Water Works"].country_guess == "KE"
    assert found["Wiz"].kind_guess == "company"
    assert [m.text for m in found["Pacific Islands Forum"].mentions] == [
        "Pacific Islands Forum", "PIF", "PIF",
    ]  # fmt: skip


def test_people_quoted_without_a_title_before_the_name():
    text = (
        '"We will build," said Ana Lima. Rui Costa said the plan works. Marta Silva, the '
        "bank's chair, agreed. The Middle East said nothing."
    )
    found = [(start, name) for start, _, name in spoken_names(fold(text))]
    assert [name for _, name in found] == ["Ana Lima", "Rui Costa", "Marta Silva"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ana Lima, assistant to the administrator of the agency, said it.", ["Ana Lima"]),
        ("Rui Costa, ACME Fellow and Vice President of ACME Labs, said so.", ["Rui Costa"]),
        ("Board members Ana Lima and Rui Costa dissented.", ["Ana Lima", "Rui Costa"]),
        ("Ana Lima, 22, of North Dighton, was sentenced.", ["Ana Lima"]),
        ("The panel, chaired by Ana Maria Lima (R-WA), voted.", ["Ana Maria Lima"]),
        ("Representative Rui Costa (D-Calif.) agreed.", ["Rui Costa"]),
        # neither an age nor a party: a count, a year
        ("The Widget Company, 50, grew. In Lisbon, 2024, 15 came.", []),
        # a description of a body after the comma, not of a person
        (
            "Plains Snacking, the company's snacks business, grew. Tech Hubs, the program "
            "created by the act, won. Ana Lima, the bank's chief economist, agreed.",
            ["Ana Lima"],
        ),
        # a body's owner, coach or player is a person, though "the club's" begins it
        (
            "The club thanked fans. Rui Costa, the club's co-owner, said so; Ana Lima, the club's "
            "coach, agreed.",
            ["Rui Costa", "Ana Lima"],
        ),
        # a place or a person of two or three words owns the title after the comma
        (
            "Rui Costa, Nuevo León's Secretary of Economy, said so. The talks were attended by Ana "
            "Lima, the Harbor Widget Company's coordinator for the region.",
            ["Rui Costa", "Ana Lima"],
        ),
        ("Rui Costa, who had led the government, left.", ["Rui Costa"]),
        # who leaves or joins a body, with no title or speech around the name
        (
            "The plan came two weeks after Rui Costa resigned as chief executive. Ana Lima "
            "stepped down as co-chair in 2024, and Bo Chan joined the board.",
            ["Rui Costa", "Ana Lima", "Bo Chan"],
        ),
        (
            "The ministry, led by Ana Lima, said so. The firm, founded by Rui Costa in 2010, grew. "
            "It was led by example.",
            ["Ana Lima", "Rui Costa"],
        ),
        (
            "Ana Lima, chief of the Harbor Fire Department, said it. Rui Costa, Acme's former "
            "chief executive, left. Bo Chan, Special Agent in Charge of the Field Office, spoke. "
            "Li Wei, chief supplier, left.",
            ["Ana Lima", "Rui Costa", "Bo Chan"],
        ),
        # hyphenated family names, a group's title, a predecessor
        (
            "Ana Brooks-LaSure said so. Rui Costa, Group Co-Managing "
            "Director of the firm, agreed. Her predecessor, Bo Gaye Erkan, resigned.",
            ["Ana Brooks-LaSure", "Rui Costa", "Bo Gaye Erkan"],
        ),
        # a title a word or two after its modifier; an office held or to be held
        (
            "Two co-CEOs, Ana Lima, Acme’s chief software officer, and Rui Costa, who ran "
            "Volta, lead it. "
            "Bo Chan will be the chairperson of the venture and Li Wei its vice chairperson. "
            "Acme Widgets will be the largest maker; Li Na, chief supplier of parts, left.",
            ["Ana Lima", "Rui Costa", "Bo Chan", "Li Wei"],
        ),
        # after "said" and "added": a clause's subject and a thing described are no names
        (
            "Treasury said Harbor Cash had moved funds. OFAC added Harbor Cash, a service "
            "that mixes currency, to its list. “We act,” said Ana Lima.",
            ["Ana Lima"],
        ),
        # a middle initial; names after a plural title
        (
            "Assistant U.S. Attorneys Ana C. Lima and Rui A. Costa prosecuted the case.",
            ["Ana C. Lima", "Rui A. Costa"],
        ),
        # a name joined by "and" to a person's
        (
            "She founded it with Guillaume Lample and Timothée Lacroix, who both worked there.",
            ["Guillaume Lample", "Timothee Lacroix"],  # (as folded)
        ),
        # a title's head after a word or two of its field; not a body described
        (
            "Ana Lima, research manager at the institute, said so. Harbor Lights, a research "
            "group, met. Rui Costa, chief executive of Crown Estate Harbor, agreed.",
            ["Ana Lima", "Rui Costa"],
        ),
    ],
)
def test_people_by_the_words_around_their_names(text, names):
    assert [name for _, _, name in spoken_names(fold(text))] == names


# --- countries: named, not merely part of a longer name or a title ---------------------------


@pytest.fixture
def country_index():
    entries = [
        Entry(1, "United States", "country", country="US"),
        Entry(2, "Democratic Republic of the Congo", "country", country="CD"),
        Entry(3, "Republic of the Congo", "country", country="CG"),
        Entry(4, "Canada", "country", country="CA"),
        Entry(5, "Bank of Canada", "agency", country="CA"),
        Entry(6, "Denmark", "country", country="DK"),
        Entry(7, "Georgia", "country", country="GE"),
        Entry(8, "State of Georgia", "subnational", country="US"),
        Entry(9, "Poland", "country", country="PL"),
        Entry(10, "Romania", "country", country="RO"),
    ]
    aliases = [(1, "U.S.", True), (1, "US", True), (8, "Georgia", True)]
    return AliasIndex(entries, aliases, home_country="US")


def countries(findings) -> list[str]:
    return [s.entry.name for s in findings.countries]


def test_a_country_inside_a_longer_name_is_not_named(country_index):
    text = "Cases rose in the Democratic Republic of the Congo. The Bank of Canada cut rates."
    assert countries(country_index.find(text)) == ["Democratic Republic of the Congo"]


def test_a_demonym_names_its_country_unless_it_begins_a_name(country_index):
    assert countries(country_index.find("The Danish drugmaker grew.")) == ["Denmark"]
    assert countries(country_index.find("The American Widget Council met.")) == []
    assert countries(country_index.find("An American plant opened.")) == ["United States"]
    # the people: a plural
    found = country_index.find("Millions of older Americans will pay less.")
    assert countries(found) == ["United States"]
    assert countries(country_index.find("Romanians voted.")) == ["Romania"]


def test_a_domestic_title_or_a_currency_is_not_the_country(country_index):
    text = "U.S. Attorney Jane Roe and U.S. District Judge John Doe; a grant of US$2 million."
    assert countries(country_index.find(text)) == []
    for text in ("U.S. Secretary of State Jane Roe came.", "U.S. President-elect Jo Poe came."):
        assert countries(country_index.find(text)) == []  # an office's title
    assert countries(country_index.find("U.S. President John Doe spoke.")) == ["United States"]


def test_more_titles_and_courts_a_country_only_qualifies(country_index):
    for text in (
        "Assistant U.S. Attorneys Jane Roe and John Doe argued the case.",
        "The U.S. District Court in Boston ruled.",
        "The U.S. Supreme Court heard the case.",
        "U.S. Transportation Secretary Jo Poe visited.",
        "A poem by U.S. Poet Laureate Jo Poe was read.",
    ):
        assert countries(country_index.find(text)) == [], text


def test_a_country_before_one_of_its_own_bodies_is_part_of_its_name(country_index):
    found = country_index.find("The Bank of Canada moved first. The Canada Bank of Canada.")
    text = "Rates rose. The U.S. Widget Board, unlike the Bank of Canada, waited."
    index = AliasIndex(
        [*country_index.entries.values(), Entry(11, "Widget Board", "agency", country="US")],
        [(1, "U.S.", True)],
        home_country="US",
    )
    found = index.find(text)
    assert countries(found) == []
    board = next(s for s in found.organizations if s.entry.name == "Widget Board")
    assert [m.text for m in board.mentions] == ["U.S. Widget Board"]
    # another country's body: the country is named
    other = AliasIndex([*index.entries.values()], [(1, "U.S.", True)], home_country="US")
    assert countries(other.find("The U.S. Bank of Canada desk.")) == ["United States"]


def test_a_demonym_names_the_country_not_its_government_loaded_beside_it():
    index = AliasIndex([
        Entry(1, "Czechia", "country", country="CZ"),
        Entry(2, "Government of the Czech Republic", "country", country="CZ"),
    ])  # fmt: skip
    found = index.find("Czech officials signed; the Government of the Czech Republic agreed.")
    assert found.ambiguous == []
    assert [(s.entry.name, [m.text for m in s.mentions]) for s in found.countries][:1] == [
        ("Czechia", ["Czech"])
    ]


def test_the_government_with_its_capital_is_the_government_of_the_storys_country(country_index):
    text = (
        "The Bank of Canada and Canada's budget: the Government has committed to reforms in "
        "support of the Government’s plan. Poland agreed. The Government Pension Fund did not."
    )
    found = country_index.find(text)
    assert [(c.name, [m.start for m in c.mentions]) for c in found.candidates] == [
        ("Government of Canada", [text.index("Government has"), text.index("Government’s")]),
        ("Government Pension Fund", [text.index("Government Pension")]),
    ]
    # at home, "the Government" is the departments the story names; a title's words
    assert country_index.find("The U.S. agreed; the Government has committed.").candidates == []
    text = "Canada agreed, said the President of the Government."
    assert country_index.find(text).candidates == []


def test_a_countrys_name_as_a_persons_given_name_is_no_country(country_index):
    text = '"It works," said Georgia Evans, the manager. "So it does," said Poland Smith.'
    found = country_index.find(text)
    assert countries(found) == []
    assert [p.name for p in found.people] == ["Georgia Evans", "Poland Smith"]
    text = '"Fine," said Canada\'s Jo Poe. Officials in Poland agreed.'
    assert countries(country_index.find(text)) == ["Canada", "Poland"]


def test_a_countrys_government_acting_is_the_candidate_government_of_it(country_index):
    text = (
        "The Polish government signed. Romania's government agreed; the Government of "
        "Romania said so. Polish government bonds fell. The U.S. government watched."
    )
    index = AliasIndex(
        country_index.entries.values(),
        [(1, "U.S.", True), (10, "Government of Romania", False)],  # as the registry has it
        home_country="US",
    )
    found = index.find(text)
    governments = {c.name: [m.text for m in c.mentions] for c in found.candidates}
    assert governments == {
        "Government of Poland": ["Polish government"],
        "Government of Romania": ["Romania's government", "Government of Romania"],
    }
    assert countries(found) == ["Poland", "United States"]  # the bonds' and the home country
    # the state as an owner; not a name that goes on ("Polish State Railways")
    text = "The Polish State holds 40 percent. Polish State Railways ran trains."
    found = index.find(text)
    assert {c.name: [m.text for m in c.mentions] for c in found.candidates} == {
        "Government of Poland": ["Polish State"],
        "Polish State Railways": ["Polish State Railways"],  # a body of its own
    }
    # in lower case, as a party acting; not as a modifier ("the Polish state railway group")
    text = "The shares are held by the Polish state, and the Polish state railway group ran it."
    found = index.find(text)
    assert {c.name: [m.text for m in c.mentions] for c in found.candidates} == {
        "Government of Poland": ["Polish state"],
    }
    assert government_name("Netherlands") == "Government of the Netherlands"
    assert government_name("Cyprus") == "Government of Cyprus"


def test_a_state_in_an_address_is_a_place(country_index):
    text = "Troops left Fort Stewart, Georgia, for Poland and Romania."
    found = country_index.find(text)
    assert countries(found) == ["Poland", "Romania"]
    assert found.organizations == [] and found.ambiguous == []


# --- parents and children, and the grammar of names ------------------------------------------


@pytest.fixture
def bodies_index():
    entries = [
        Entry(1, "United Nations", "multilateral"),
        Entry(2, "UN Refugee Agency", "multilateral", parent_id=1),
        Entry(3, "Reserve Bank of India", "agency", country="IN"),
        Entry(4, "India", "country", country="IN"),
    ]
    aliases = [(1, "UN", True), (2, "UNHCR", True), (3, "RBI", True)]
    return AliasIndex(entries, aliases, home_country="US")


def test_a_parent_named_only_in_a_title_beside_its_child_is_not_tagged(bodies_index):
    text = "UNHCR published the report. UN High Commissioner for Refugees Jane Roe said more."
    assert names(bodies_index.find(text)) == ["UN Refugee Agency"]
    # named on its own, the parent is tagged too
    assert names(bodies_index.find("UNHCR and the UN agreed.")) == [
        "UN Refugee Agency", "United Nations",
    ]  # fmt: skip


def test_a_body_of_a_registry_organization_is_a_candidate_with_its_parent(bodies_index):
    found = bodies_index.find("The Monetary Policy Committee of the Reserve Bank of India met.")
    assert names(found) == ["Reserve Bank of India"]
    [committee] = found.candidates
    assert (committee.name, committee.parent, committee.country_guess) == (
        "Monetary Policy Committee", "Reserve Bank of India", "IN",
    )  # fmt: skip
    # one word before "of" is no name of its own: "Member of the Board of the Reserve Bank"
    found = bodies_index.find("Jo Roe, Member of the Board of the Reserve Bank of India, said.")
    assert found.candidates == []


def test_head_nouns_make_names_and_equipment_does_not(bodies_index):
    text = (
        "Staff of the Human Development Report Office and the National Wealth Fund met at "
        "Three Mile Island Unit 1 with the Africa Centres for Disease Control and Prevention. "
        "The Climate Fund will pay."
    )
    assert [c.name for c in bodies_index.find(text).candidates] == [
        "Human Development Report Office", "National Wealth Fund",
        "Africa Centres for Disease Control and Prevention",
    ]  # fmt: skip


def test_companies_named_by_their_ticker_or_a_company_title(bodies_index):
    text = (
        "Northwind Traders (NYSE: NWT) agreed to buy Southwind, said Northwind CEO Ann Poe. "
        "Former CEO Bob Roe, the chief executive of Eastwind Labs., agreed."
    )
    found = {c.name: c.kind_guess for c in bodies_index.find(text).candidates}
    # (and "Southwind", what a company agreed to buy)
    assert found == {"Northwind Traders": "company", "Northwind": "company",
                     "Eastwind Labs": "company", "Southwind": "company"}  # fmt: skip


def test_an_instrument_or_a_companys_board_is_not_a_body(bodies_index):
    text = (
        "The Northwind Union treaty entered into force. The Acme Board of Management met the "
        "Southwind Trade Union."
    )
    assert [c.name for c in bodies_index.find(text).candidates] == ["Southwind Trade Union"]
    text = "They move under the Harbor Railway Services (Public Ownership) Act 2024 today."
    assert bodies_index.find(text).candidates == []


def test_a_national_prefix_is_found_in_either_form():
    index = AliasIndex(
        [Entry(1, "United States District Court for the District of Nowhere", "other", "US")]
    )
    found = index.find("The U.S. District Court for the District of Nowhere ruled.")
    assert names(found) == ["United States District Court for the District of Nowhere"]


def test_an_organizing_committees_name_in_its_games_name_names_the_games():
    index = AliasIndex([Entry(1, "Harbor 2036", "other", country="US")])
    for text in ("Medals at the Harbor 2036 Olympic Games.", "Before the Harbor 2036 Games.",
                 "The Olympic Games Harbor 2036 were planned."):  # fmt: skip
        assert index.find(text).organizations == [], text
    assert names(index.find("Harbor 2036 said tickets sold out.")) == ["Harbor 2036"]


def test_an_airport_named_as_a_place_is_not_the_company_that_runs_it():
    index = AliasIndex([Entry(1, "Harborview International Airport", "company", country="US")])
    text = "The new terminal at Harborview International Airport opened."
    found = index.find(text)
    assert found.organizations == [] and found.people == []
    acting = "Harborview International Airport said the terminal opened."
    assert names(index.find(acting)) == ["Harborview International Airport"]


def test_a_home_short_form_in_a_story_about_another_countrys_bodies_is_not_tagged():
    entries = [
        Entry(1, "Department of the Treasury", "agency", country="US"),
        Entry(2, "Bank of Northland", "agency", country="GB"),
        Entry(3, "Internal Revenue Service", "agency", country="US"),
    ]
    index = AliasIndex(entries, [(1, "Treasury", True)], home_country="US")
    abroad = "The Treasury and the Bank of Northland agreed."
    assert names(index.find(abroad)) == ["Bank of Northland"]
    at_home = "The Treasury, the Internal Revenue Service and the Bank of Northland agreed."
    assert names(index.find(at_home)) == [
        "Department of the Treasury", "Internal Revenue Service", "Bank of Northland",
    ]  # fmt: skip
    assert names(index.find("The Treasury agreed.")) == ["Department of the Treasury"]
    # the home country named, if only in a title: the short form is the home country's
    entries.append(Entry(4, "United States", "country", country="US"))
    index = AliasIndex(entries, [(1, "Treasury", True), (4, "U.S.", True)], home_country="US")
    titled = "U.S. Treasury Secretary Ann Poe met the Bank of Northland at the Treasury."
    assert sorted(names(index.find(titled))) == ["Bank of Northland", "Department of the Treasury"]
    # an amount in the home country's currency does not name the country
    index = AliasIndex(entries, [(1, "Treasury", True), (4, "US", True)], home_country="US")
    priced = "The Bank of Northland lent US$1.7 billion; the Treasury agreed."
    assert names(index.find(priced)) == ["Bank of Northland"]
    assert "Department of the Treasury" in names(index.find("US Treasury officials agreed."))
    # a name the registry gives parties of several countries is the home country's only at home
    index = AliasIndex(
        [Entry(1, "Liberal Party", "other", country="US"),
         Entry(2, "Liberal Party (Northland)", "other", country="NL"),
         Entry(3, "Bank of Southland", "agency", country="SL")],
        home_country="US",
    )  # fmt: skip
    assert names(index.find("The Liberal Party and the Bank of Southland agreed.")) == [
        "Bank of Southland"
    ]
    assert names(index.find("The Liberal Party agreed.")) == ["Liberal Party"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jane Roe, director of the Loan Programs Office, said so.", "Jane Roe"),
        ("Ana Lima Costa, Chief Executive Officer of Acme, agreed.", "Ana Lima Costa"),
        ("Rui Costa, the agency's Director of Cybercrime, said so.", "Rui Costa"),
        ("Rui Costa, previously senior vice president, takes over.", "Rui Costa"),
        ("Acme's chief economist, Jane Roe, said the bank expected it.", "Jane Roe"),
        ("The Archbishop of Lyon, Marc Dubois, opened the doors.", "Marc Dubois"),
        ("Sir Tom Black, President of Acme Airlines, spoke.", "Tom Black"),
        ("succeeding Dr Anna Weiss, whose term ends.", "Anna Weiss"),
    ],
)
def test_people_set_off_by_commas_beside_a_title_or_after_an_honorific(text, name):
    assert [found for _, _, found in spoken_names(fold(text))] == [name]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Jane Roe re-elected President of the Assembly", ["Jane Roe"]),
        ("Tom Lee sworn in as the country's Prime Minister", ["Tom Lee"]),
        ("Acme names Ana Lima to succeed Rui Costa as chief executive", ["Ana Lima", "Rui Costa"]),
        ("who replaced Kim Park after she resigned in July.", ["Kim Park"]),
        ("Its head, Brig. Gen. Jan Nowak, said the training starts.", ["Jan Nowak"]),
        ("Ana Lima, MD, JD, the hospital's president, said so.", ["Ana Lima"]),
        (
            "Rep. Jane Roe (D-Calif.) and Sen. John Doe (R-Texas) introduced it.",
            ["Jane Roe", "John Doe"],
        ),
        (
            "Senators Ann Poe (D-CT), Bo Diaz and Tim Lee (R-WI) wrote.",
            ["Ann Poe", "Bo Diaz", "Tim Lee"],
        ),
        # names after a secretary's portfolio and the secretary's name are no portfolio
        (
            "Secretary of Harbors Ann Poe, Senators Bo Diaz and Tim Lee and Mayor Kim Ray met.",
            ["Bo Diaz", "Tim Lee", "Kim Ray"],
        ),
    ],
)
def test_people_taking_or_leaving_an_office_ranks_and_degrees(text, names):
    assert [found for _, _, found in spoken_names(fold(text))] == names


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        # "chief" qualifies no title here
        ("Acme Robotics, chief supplier of parts, said so.", "Acme Robotics"),
        # a minister's portfolio, written as a name would be
        ("said Jo Roe, Deputy Minister for Climate Change, who led it.", "Climate Change"),
        (
            "Jo Roe, Minister for Energy, Water Resources and Irrigation, said so.",
            "Water Resources",
        ),
        # a title followed by its holder
        ("In New York, Governor Kathy Hochul said so.", "New York"),
        # "opponent" is no title
        ("Her only opponent, Irene Montero of Spain, lost.", "Irene Montero"),
        # a place, then a title and its holder
        ("In Buenos Aires, Minister of Economy Luis Caputo spoke.", "Buenos Aires"),
        # a thing the words after the comma describe
        ("The board adopted Clean Trucks II, a regulation that sets limits.", "Clean Trucks II"),
        ("It sanctioned Coin Blender, a service that mixes currency.", "Coin Blender"),
        # after an article: a place or a thing
        ("It was stolen from the Ronin Gate, the largest theft.", "Ronin Gate"),
        ("Hubs in Appalachia, the Gulf Coast, the Heartland and the Midwest.", "Gulf Coast"),
        # a portfolio listed with commas after "for"
        (
            "said Ana Lima, Secretary of State for Digitisation, Administrative Simplification, "
            "Privacy Protection and the Building Regulation.",
            "Administrative Simplification",
        ),
    ],
)
def test_a_comma_beside_no_title_makes_no_person(text, not_a_person):
    assert not_a_person not in [found for _, _, found in spoken_names(fold(text))]


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        ("Chancellor of the Exchequer Rachel Reeves launched it.", "Chancellor of the Exchequer",
         "Rachel Reeves"),
        ("Minister for Defence Pål Jonson said so.", "Minister for Defence", "Pal Jonson"),
        ("Minister for Foreign Trade and Development Anna Berg said so.",
         "Minister for Foreign Trade and Development", "Anna Berg"),
        ("Inspector General of Police Tom Otieno said so.", "Inspector General of Police",
         "Tom Otieno"),
        ("Co-founder and chair Bill Gates said so.", "Co-founder and chair", "Bill Gates"),
        ("The statement is attributable to IMF spokesperson Julie Kozack.", "spokesperson",
         "Julie Kozack"),
        ("President Yoon Suk Yeol's office said so.", "President", "Yoon Suk Yeol"),
        ("sent to Acting Director Ronald L. Rowe Jr., who replaced her.", "Acting Director",
         "Ronald L. Rowe Jr."),
        ("Chief Economist Álvaro Santos Pereira said so.", "Chief Economist",
         "Alvaro Santos Pereira"),
        ("Director-General Dr Tedros Adhanom Ghebreyesus said so.", "Director-General",
         "Tedros Adhanom Ghebreyesus"),
        ("President Luiz Inácio Lula da Silva told them.", "President",
         "Luiz Inacio Lula da Silva"),  # particles do not count towards a name's length
        ("In Brussels, Executive Vice-President Ana Lima spoke.", "Executive Vice-President",
         "Ana Lima"),
        ("said U.S. Secretary of Energy Jennifer M. Granholm.", "Secretary of Energy",
         "Jennifer M. Granholm"),
        ("who succeeded General Jean Marc Roux after his death.", "General", "Jean Marc Roux"),
        ("Ranking Member Frank Pallone, Jr. (D-N.J.) wrote.", "Ranking Member",
         "Frank Pallone, Jr."),
        ("U.S. Senators Ann Poe (D-CT) and Tim Lee (R-WI) wrote.", "Senator", "Ann Poe"),
        ("Presidents Ana Lima Costa and Rui Roe met.", "President", "Ana Lima Costa"),
        ("Supervisor Kathryn Barger said so.", "Supervisor", "Kathryn Barger"),
        ("after U.S. Surgeon General Ann Poe called for labels.", "Surgeon General", "Ann Poe"),
        ("said Chief Negotiator Duncan Crabtree-Ireland.", "Chief Negotiator",
         "Duncan Crabtree-Ireland"),
    ],
)  # fmt: skip
def test_a_title_before_a_name(text, title, name):
    assert [(t, n) for _, _, t, n, _ in title_name_phrases(fold(text))] == [(title, name)]


@pytest.mark.parametrize(
    "text",
    [
        "Governor of the Reserve Bank of New Zealand said the rate stays.",  # no name: a place
        "Senior Advisor for the Bureau of European and Eurasian Affairs",
        "Jane Roe, president and CEO of Acme.\n\nBobby Hollis spoke next.",  # another paragraph
        # a body's plural head noun is no part of a name
        "President of the Federation of Tidewater Football Associations said so.",
    ],
)
def test_a_title_without_its_holder_names_nobody(text):
    assert list(title_name_phrases(fold(text))) == []


def test_a_name_before_a_title_of_a_body_with_a_plural_head_is_a_persons():
    text = "Ann Poe, President of the Federation of Tidewater Football Associations, said so."
    assert [name for _, _, name in spoken_names(fold(text))] == ["Ann Poe"]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Existing investors Tidewell Venture Partners took part.", "Tidewell Venture Partners",
         "company"),
        ("The Marrow Foundation Hospitals grew.", "Marrow Foundation Hospitals", "nonprofit"),
        ("It lent works to the Northam Portrait Gallery.", "Northam Portrait Gallery",
         "nonprofit"),
        ("Customers of Ethio Telecom can pay.", "Ethio Telecom", "company"),
        ("The Kordofan Governors' Forum met.", "Kordofan Governors' Forum", "nonprofit"),
        ("Doral Health will buy it.", "Doral Health", "company"),
        ("The Kordofan Alliance Against Hunger and Poverty met.",
         "Kordofan Alliance Against Hunger and Poverty", "nonprofit"),
        ("The Trade Union Congress of Kordofan met.", "Trade Union Congress of Kordofan",
         "nonprofit"),
    ],
)  # fmt: skip
def test_company_and_institution_heads_end_a_candidate(text, name, kind):
    [candidate] = find_candidates(text, fold(text), []).values()
    assert (candidate.name, candidate.kind_guess) == (name, kind)


def test_a_regulation_named_after_a_head_is_no_candidate():
    text = "Under the International Health Regulations, states must report."
    assert find_candidates(text, fold(text), []) == {}


def test_a_company_named_in_full_is_then_called_by_its_first_word():
    entries = [
        Entry(1, "Tidewell Energy Corporation", "company", country="US"),
        Entry(2, "Boston Widgets Inc.", "company", country="US"),
        Entry(3, "Republic of Korea", "country", country="KR"),
        Entry(4, "Korea Hydro Power", "company", country="KR"),
    ]
    index = AliasIndex(entries, [(3, "Korea", True)])
    text = (
        "Tidewell Energy Corporation and Boston Widgets Inc. signed. Tidewell said the plant in "
        "Boston reopens; Tidewell's staff agreed. Korea Hydro Power met Korea's minister."
    )
    found = {s.entry.name: [m.text for m in s.mentions] for s in index.find(text).organizations}
    assert found == {
        "Tidewell Energy Corporation": ["Tidewell Energy Corporation", "Tidewell", "Tidewell"],
        "Boston Widgets Inc.": ["Boston Widgets Inc."],  # "in Boston": the place
        "Korea Hydro Power": ["Korea Hydro Power"],  # "Korea" is a country's word
    }
    # a candidate company too, and never before it is named in full
    text = "Arcadium said so. Arcadium Lithium plc agreed; Arcadium will list."
    [candidate] = index.find(text).candidates
    assert [m.text for m in candidate.mentions] == ["Arcadium Lithium plc", "Arcadium"]
    # the headline names it before the body does
    text = "Tidewell to restart a plant\n\nTidewell Energy Corporation said so."
    found = index.find(text).organizations
    assert [m.text for m in found[0].mentions] == ["Tidewell", "Tidewell Energy Corporation"]


def test_a_company_named_in_full_takes_its_first_word_from_a_registry_companys_short_form():
    index = AliasIndex([Entry(1, "Vectorix Limited", "company", country="NZ")])
    text = "Acme agreed to buy Vectorix Group Ltd. on Monday. Vectorix's board approved the deal."
    found = index.find(text)
    assert found.organizations == []  # not New Zealand's Vectorix Limited
    [candidate] = found.candidates
    assert [m.text for m in candidate.mentions] == ["Vectorix Group Ltd.", "Vectorix"]
    # named alone, the short form is the registry's
    found = index.find("Vectorix's board approved the deal.")
    assert [s.entry.name for s in found.organizations] == ["Vectorix Limited"]


def test_a_headline_in_title_case_names_no_candidate_and_no_person_by_itself():
    index = AliasIndex([Entry(1, "Environmental Protection Agency", "agency", country="US")])
    headline = "Governor Announces New Health Care Funding For Rural Hospitals With EPA"
    body = "\n\nThe state will give new funding to rural clinics."
    found = index.find(headline.replace("EPA", "Environmental Protection Agency") + body)
    assert found.candidates == [] and found.people == []
    assert [s.entry.name for s in found.organizations] == ["Environmental Protection Agency"]
    # what the body names too stays
    found = index.find(headline + body + " The Rural Hospitals Network said so.")
    assert [c.name for c in found.candidates] == ["Rural Hospitals Network"]
    # a line of names only is no title-case headline; one in sentence case is read as any line
    found = index.find("The Ohio Department of Commerce and the Rural Hospitals Network" + body)
    assert [c.name for c in found.candidates] == [
        "Ohio Department of Commerce", "Rural Hospitals Network",
    ]  # fmt: skip
    found = index.find("Tidewell Energy Partners signs a deal\n\nIt was signed on Monday.")
    assert [c.name for c in found.candidates] == ["Tidewell Energy Partners"]


def test_a_parent_qualifying_its_part_the_exchange_of_a_ticker_a_legal_form():
    entries = [
        Entry(1, "Executive Office of the President", "agency", country="US"),
        Entry(2, "White House", "agency", country="US", parent_id=1),
        Entry(3, "Office of Science and Technology Policy", "agency", country="US", parent_id=1),
        Entry(4, "New York Stock Exchange", "company", country="US"),
        Entry(5, "Seagen", "company", country="US"),
        Entry(6, "Eisai Co., Ltd.", "company", country="JP"),
    ]
    index = AliasIndex(entries, [(4, "NYSE", True)])
    found = index.find("The White House Office of Science and Technology Policy met.")
    assert [s.entry.name for s in found.organizations] == [
        "Office of Science and Technology Policy"
    ]
    found = index.find("The White House said so; the Office of Science and Technology Policy too.")
    assert len(found.organizations) == 2  # named apart, both are in the story
    found = index.find("Acme Inc. (NYSE: ACME) bought Seagen Inc. (Nasdaq: SGEN).")
    # an acronym two bodies share, in a ticker: the exchange, not the school of its letters
    shared = AliasIndex(
        [Entry(7, "Tidewater Stock Exchange", "company", country="GB"),
         Entry(8, "Tidewater School of Economics", "university", country="GB")],
        [(7, "TSE", True), (8, "TSE", True)],
    )  # fmt: skip
    in_ticker = shared.find("Acme plc (TSE: ACM) said so.")
    assert [s.entry.name for s in in_ticker.organizations] == ["Tidewater Stock Exchange"]
    assert [a.mention.text for a in shared.find("The TSE said so.").ambiguous] == ["TSE"]
    # the exchange a ticker names is in the story, as editors list it (every blind label does)
    assert [s.entry.name for s in found.organizations] == ["New York Stock Exchange", "Seagen"]
    assert [m.text for m in found.organizations[1].mentions] == ["Seagen Inc."]
    assert "Seagen Inc." not in [c.name for c in found.candidates]
    found = index.find("Eisai Co., Ltd. and its unit Eisai GmbH agreed.")
    assert [c.name for c in found.candidates] == ["Eisai GmbH"]  # a national subsidiary


def test_a_registry_name_before_a_head_noun_is_part_of_a_longer_name():
    entries = [
        Entry(1, "Federal Reserve", "agency", country="US"),
        Entry(2, "National Wealth Fund", "agency", country="GB"),
    ]
    index = AliasIndex(entries)
    found = index.find("The Federal Reserve Bank of Tidewater and the Federal Reserve met.")
    assert [s.entry.name for s in found.organizations] == ["Federal Reserve"]
    assert [(c.name, c.kind_guess) for c in found.candidates] == [
        ("Federal Reserve Bank of Tidewater", "agency")
    ]
    found = index.find("The National Wealth Fund Taskforce reported.")
    assert found.organizations == []
    assert [c.name for c in found.candidates] == ["National Wealth Fund Taskforce"]
    found = index.find("The joint venture Tidewell Kirloskar Motor and Ross School of Business.")
    assert [c.name for c in found.candidates] == [
        "Tidewell Kirloskar Motor",
        "Ross School of Business",
    ]


def test_a_title_word_that_is_not_a_title_hides_no_title_after_it():
    text = (
        "“It grew,” said Jo Roe, Acme’s chairman and CEO. “Doing that with leading universities "
        "in Japan and the United States shows what we can do.”\n\nUniversity of Tides "
        "President Ann Lee said so."
    )
    found = [(t, n) for _, _, t, n, _ in title_name_phrases(fold(text))]
    assert found == [("President", "Ann Lee")]


def test_a_place_the_registry_knows_before_a_bodys_name_is_part_of_it():
    index = AliasIndex(
        [
            Entry(1, "Cook County government", "subnational", country="US"),
            Entry(2, "Rush University Medical Center", "nonprofit", country="US"),
        ],
        [(1, "Cook County", True)],
    )
    found = index.find(
        "The Cook County Department of Public Health and Rush University Medical Center will "
        "host clinics. Cook County said so."
    )
    assert {s.entry.name: [m.text for m in s.mentions] for s in found.organizations} == {
        "Cook County government": ["Cook County"],  # the second, acting
        "Rush University Medical Center": ["Rush University Medical Center"],
    }
    assert [(c.name, c.kind_guess) for c in found.candidates] == [
        ("Cook County Department of Public Health", "agency")
    ]


def test_a_name_listed_before_a_registry_name_is_a_candidate_of_its_own():
    index = AliasIndex(
        [
            Entry(1, "University of Rochester", "university", country="US"),
            Entry(2, "Los Alamos National Laboratory", "agency", country="US"),
            Entry(3, "Sandia National Laboratories", "agency", country="US"),
        ],
        [(3, "Sandia", True)],
    )
    found = index.find(
        "Partners include the University of Rochester's Laboratory for Laser Energetics, "
        "Los Alamos National Laboratory and Sandia."
    )
    assert [(c.name, c.parent) for c in found.candidates] == [
        ("Laboratory for Laser Energetics", "University of Rochester")
    ]
    assert sorted(s.entry.name for s in found.organizations) == [
        "Los Alamos National Laboratory",
        "Sandia National Laboratories",
        "University of Rochester",
    ]


def test_an_office_holders_possessive_is_a_word_of_the_offices_name():
    found = AliasIndex([], []).find(
        "The Orange County Sheriff's Office and the Kern County District Attorney's Office "
        "said on Monday that the Sheriff's Office would help. Jane Roe's Department declined."
    )
    assert [c.name for c in found.candidates] == [
        "Orange County Sheriff's Office",
        "Kern County District Attorney's Office",
    ]


def test_a_bodys_name_cut_before_for_or_of_is_the_body_named_before():
    index = AliasIndex(
        [
            Entry(1, "Court of Justice of the European Union", "multilateral"),
            Entry(2, "Harbor County Attorney's Office for the Northern Division", "agency"),
        ],
        [(2, "Harbor Attorney's Office for the Northern Division", False)],
    )
    found = index.find(
        "The Court of Justice of the European Union upheld the fine. The Court of Justice said "
        "so on Tuesday. The Harbor Attorney's Office for the Northern Division brought the case "
        "and the Harbor Attorney's Office welcomed the ruling."
    )
    assert found.candidates == []
    assert {s.entry.id: [m.text for m in s.mentions] for s in found.organizations} == {
        1: ["Court of Justice of the European Union", "Court of Justice"],
        2: [
            "Harbor Attorney's Office for the Northern Division",
            "Harbor Attorney's Office",
        ],
    }


def test_a_unit_known_by_a_name_with_its_owners_possessive_names_the_owner_too():
    index = AliasIndex(
        [
            Entry(1, "Federal Bureau of Investigation", "agency", country="US"),
            Entry(2, "FBI Dayton Field Office", "agency", country="US", parent_id=1),
        ],
        [(1, "FBI", True), (2, "FBI's Dayton Field Office", False)],
    )
    found = index.find("The FBI's Dayton Field Office made the arrest.")
    assert {s.entry.name: [m.text for m in s.mentions] for s in found.organizations} == {
        "Federal Bureau of Investigation": ["FBI"],
        "FBI Dayton Field Office": ["FBI's Dayton Field Office"],
    }


def test_a_child_is_named_by_the_rest_of_its_name_once_its_parent_is_named():
    entries = [
        Entry(1, "World Trade Organization", "multilateral"),
        Entry(2, "WTO Appellate Body", "multilateral", parent_id=1),
    ]
    index = AliasIndex(entries, [(1, "WTO", True)])
    found = index.find("WTO members met. Its Appellate Body has been idle since 2019.")
    assert [(s.entry.name, [m.text for m in s.mentions]) for s in found.organizations] == [
        ("World Trade Organization", ["WTO"]),
        ("WTO Appellate Body", ["Appellate Body"]),
    ]
    assert found.candidates == []
    # without its parent, the words name nothing the registry knows
    assert index.find("The Appellate Body of the league met.").organizations == []
    # a committee's subcommittee "on" a topic: "<topic> Subcommittee", "Subcommittee on <topic>"
    index = AliasIndex([
        Entry(1, "House Harbors Committee", "legislature", country="US"),
        Entry(2, "House Harbors Subcommittee on Tides", "legislature", country="US", parent_id=1),
    ])  # fmt: skip
    found = index.find(
        "The House Harbors Committee voted, with Tides Subcommittee Chair Jo Roe. The "
        "Subcommittee on Tides meets next week."
    )
    assert [(s.entry.name, [m.text for m in s.mentions]) for s in found.organizations] == [
        ("House Harbors Committee", ["House Harbors Committee"]),
        ("House Harbors Subcommittee on Tides", ["Tides Subcommittee", "Subcommittee on Tides"]),
    ]
    assert index.find("The Tides Subcommittee met.").organizations == []
    # the parent's short name just before is part of the child's name
    index = AliasIndex(
        [
            Entry(1, "Harbor Hill University", "university"),
            Entry(2, "Harbor Hill University Applied Physics Laboratory", "other", parent_id=1),
        ],
        [(1, "Harbor Hill", True)],
    )
    found = index.find("The Harbor Hill Applied Physics Laboratory built the probe.")
    assert [(s.entry.name, [m.text for m in s.mentions]) for s in found.organizations] == [
        ("Harbor Hill University Applied Physics Laboratory",
         ["Harbor Hill Applied Physics Laboratory"]),
    ]  # fmt: skip


def test_a_child_named_with_its_parents_head_first_lets_the_head_name_the_parent():
    entries = [
        Entry(1, "U.S. House of Representatives", "legislature", country="US"),
        Entry(2, "House Energy and Commerce Committee", "legislature", country="US", parent_id=1),
        Entry(3, "White House", "agency", country="US"),
    ]
    index = AliasIndex(entries)
    text = (
        "The House Energy and Commerce Committee sent the bill to the full House. The White "
        "House agreed."
    )
    found = index.find(text)
    assert [(s.entry.name, [m.text for m in s.mentions]) for s in found.organizations] == [
        ("House Energy and Commerce Committee", ["House Energy and Commerce Committee"]),
        ("U.S. House of Representatives", ["House"]),
        ("White House", ["White House"]),
    ]
    # without the committee, "the House" names nothing
    assert len(index.find("The bill went to the House.").organizations) == 0


def test_the_chambers_whose_committees_the_story_names_and_their_subcommittees():
    entries = [
        Entry(1, "U.S. House of Representatives", "legislature", country="US"),
        Entry(2, "House Energy and Commerce Committee", "legislature", country="US", parent_id=1),
        Entry(3, "U.S. Senate", "legislature", country="US"),
        Entry(4, "Senate Commerce Committee", "legislature", country="US", parent_id=3),
    ]
    index = AliasIndex(entries)
    text = (
        "Members of the House and Senate backed the draft, the chairs of the Senate Commerce "
        "Committee and the House Energy and Commerce Committee said. The House Energy and "
        "Commerce Subcommittee on Innovation, Data, and Commerce will hold a hearing."
    )
    found = index.find(text)
    mentions = {s.entry.id: [m.text for m in s.mentions] for s in found.organizations}
    # the chambers, before their committees are named too; no candidate "House and Senate"
    assert mentions[1] == ["House"] and mentions[3] == ["Senate"]
    assert [(c.name, c.parent, c.kind_guess) for c in found.candidates] == [
        (
            "House Energy and Commerce Subcommittee on Innovation, Data, and Commerce",
            "House Energy and Commerce Committee",
            "legislature",
        )
    ]


def test_a_national_prefix_in_any_of_its_forms():
    entries = [Entry(1, "United States Steel Corporation", "company", country="US")]
    index = AliasIndex(entries, [(1, "U.S. Steel", True)])
    text = "U. S. Steel agreed; U.S. Steel and United States Steel Corporation are one."
    [found] = index.find(text).organizations
    assert [m.text for m in found.mentions] == [
        "U. S. Steel", "U.S. Steel", "United States Steel Corporation",
    ]  # fmt: skip


_BUSINESSES = AliasIndex(
    [
        Entry(1, "Harbor Telecom PLC", "company", country="KE"),
        Entry(2, "Ethiopia", "country", country="ET"),
        Entry(3, "Thailand", "country", country="TH"),
        Entry(4, "Greenpeace", "nonprofit"),
        Entry(5, "Switzerland", "country", country="CH"),
        Entry(6, "State of Tidewater", "subnational", country="US"),
    ],
    [(1, "Harbor Telecom", False)],
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Harbor Telecom Ethiopia launched the service.",
            [("Harbor Telecom Ethiopia", "Harbor Telecom PLC", "ET", "company")],
        ),
        # more words between the company and the country; the country in parentheses and a
        # legal form; a sentence's first word and initials before the company
        (
            "Harbor Telecom EP Ethiopia (10%) and Harbor Telecom Auto (Thailand) Co., Ltd. "
            "signed. Yesterday Harbor Telecom Thailand and SB Harbor Telecom Ethiopia agreed.",
            [
                ("Harbor Telecom EP Ethiopia", "Harbor Telecom PLC", "ET", "company"),
                ("Harbor Telecom Auto (Thailand) Co., Ltd.", "Harbor Telecom PLC", "TH", "company"),
                ("Harbor Telecom Thailand", "Harbor Telecom PLC", "TH", "company"),
                ("SB Harbor Telecom Ethiopia", "Harbor Telecom PLC", "ET", "company"),
            ],
        ),
        # a charity's branch
        (
            "Greenpeace Switzerland joined the case.",
            [("Greenpeace Switzerland", "Greenpeace", "CH", "nonprofit")],
        ),
        # a company's business in a state
        (
            "Harbor Telecom Tidewater agreed to pay.",
            [("Harbor Telecom Tidewater", "Harbor Telecom PLC", "US", "company")],
        ),
    ],
)
def test_a_bodys_business_or_branch_in_a_country_is_a_candidate_with_its_parent(text, expected):
    found = _BUSINESSES.find(text)
    assert [(c.name, c.parent, c.country_guess, c.kind_guess) for c in found.candidates] == expected
    assert found.organizations == [] and found.countries == []  # named inside it, not by itself


def test_a_company_before_a_states_name_and_a_noun_is_the_company_where_it_works():
    found = _BUSINESSES.find("The Harbor Telecom Tidewater plant opened.")
    assert found.candidates == []
    assert [s.entry.name for s in found.organizations] == ["Harbor Telecom PLC"]


def test_the_company_and_the_country_named_by_themselves_are_still_named():
    text = "Harbor Telecom Ethiopia launched the service in Ethiopia. Harbor Telecom agreed."
    found = _BUSINESSES.find(text)
    assert [(s.entry.name, len(s.mentions)) for s in found.organizations + found.countries] == [
        ("Harbor Telecom PLC", 1), ("Ethiopia", 1),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("PT Harbor Listrik Negara (Persero)", "Harbor Listrik Negara"),
        ("Harbor Estates Corporation PCL", "Harbor Estates"),
        ("Harbor Cement Public Company Limited", "Harbor Cement"),
    ],
)
def test_legal_forms_of_indonesia_and_thailand_are_set_aside(name, short):
    assert short in company_short_forms(name)


def test_words_around_a_registry_name_that_make_it_another_or_no_body():
    entries = [
        Entry(1, "Association of National Olympic Committees", "nonprofit"),
        Entry(2, "Future plc", "company", country="GB"),
        Entry(3, "State of Washington", "subnational", country="US"),
        Entry(4, "Harbor Parliament", "legislature", country="GB"),
    ]
    index = AliasIndex(entries, [(3, "Washington state", False)])
    text = (
        "The Association of National Olympic Committees of Africa met. Its plan, “Sustainable "
        "Future,” stands. In Washington state, Amazon will pay. Outside Parliament, crowds met."
    )
    found = index.find(text)
    assert found.organizations == []
    assert [c.name for c in found.candidates] == [
        "Association of National Olympic Committees of Africa"
    ]
    # the state acting is its government
    assert names(index.find("Washington state sued the company.")) == ["State of Washington"]
    # "in the state of …" is a place too; "the State of Washington" acting is not
    text = "Plants in the state of Washington will open. The State of Washington sued."
    [state] = index.find(text).organizations
    assert [m.start for m in state.mentions] == [text.index("The State") + 4]
    # a company from the state, built for it, its home state, its law: a place
    for text in (
        "A firm from Washington state ran it.",
        "Cars built for the U.S. state of Washington left.",
        "Her home state of Washington passed a law.",
        "They sued under Washington state law.",
    ):
        assert index.find(text).organizations == [], text
    # paid from the State of Washington: it acts
    assert names(index.find("Grants come from the State of Washington.")) == ["State of Washington"]
    # and so does a county paying, named as it names itself
    index = AliasIndex([Entry(1, "Harbor County", "subnational", country="US")])
    assert names(index.find("Money came from Harbor County and the state.")) == ["Harbor County"]


def test_a_unit_named_with_its_bodys_acronym_is_a_candidate_with_its_parent():
    entries = [
        Entry(1, "Harbor Institute of Physical and Chemical Research", "agency", country="JP"),
        Entry(2, "United States", "country", country="US"),
    ]
    index = AliasIndex(entries, [(1, "HIPCR", True), (2, "U.S.", True)])
    text = (
        "Frontier beat Fugaku at the HIPCR Center for Computational Science in Kobe. The U.S. "
        "Attorney’s Office agreed. HIPCR said it would help."
    )
    found = index.find(text)
    assert [(c.name, c.parent, c.country_guess) for c in found.candidates] == [
        ("HIPCR Center for Computational Science",
         "Harbor Institute of Physical and Chemical Research", "JP"),
    ]  # fmt: skip
    # named by itself once more: still named
    [institute] = found.organizations
    assert [m.text for m in institute.mentions] == ["HIPCR"]


@pytest.mark.parametrize(
    ("label", "host"),
    [
        ("iom.int", "iom.int"),
        ("https://www.Europol.europa.eu/media-press", "europol.europa.eu"),
        ("www.atg.wa.gov", "atg.wa.gov"),
        ("Official Website", ""),
        ("U.S. Department of State", ""),
    ],
)
def test_a_labels_web_host(label, host):
    assert web_host(label) == host


def test_a_subcommittee_is_named_under_its_committees_name_in_either_style():
    for committee in ("House Tides and Harbors Committee", "House Committee on Tides and Harbors"):
        assert subcommittee_named_under(committee, "Subcommittee on Quays") == (
            "House Tides and Harbors Subcommittee on Quays"
        )
    assert subcommittee_named_under("Tidewater Council", "Subcommittee on Quays") == ""


def test_a_body_is_known_by_its_websites_host_unless_two_share_it():
    entries = [Entry(1, "Harbor Agency", "agency"), Entry(2, "Harbor Ministry", "ministry"),
               Entry(3, "Harbor Minister's Office", "agency")]  # fmt: skip
    websites = [(1, "https://www.harbor.int/"), (2, "https://gov.hb"), (3, "https://gov.hb/")]
    index = AliasIndex(entries, websites=websites)
    assert index.entry_at("harbor.int").name == "Harbor Agency"
    assert index.entry_at("gov.hb") is None
    # unless one is the others' parent: the department, not its offices
    entries += [Entry(4, "Department of Tides", "agency"),
                Entry(5, "Loan Office", "agency", parent_id=4),
                Entry(6, "Tidal Lab", "agency", parent_id=5)]  # fmt: skip
    websites += [(4, "https://tides.gov"), (5, "https://tides.gov/loans"), (6, "tides.gov/lab")]
    assert AliasIndex(entries, websites=websites).entry_at("tides.gov").name == (
        "Department of Tides"
    )


def test_a_child_named_after_its_parents_possessive_is_the_registrys_child():
    entries = [
        Entry(1, "Senate Harbor Committee", "legislature", country="US"),
        Entry(2, "Senate Harbor Subcommittee on Rivers, Roads, and the Sea", "legislature",
              country="US", parent_id=1),
    ]  # fmt: skip
    found = AliasIndex(entries).find(
        "The Senate Harbor Committee's Subcommittee on Rivers, Roads, and the Sea met."
    )
    assert found.candidates == []
    assert {s.entry.id: [m.text for m in s.mentions] for s in found.organizations} == {
        1: ["Senate Harbor Committee"],
        2: ["Subcommittee on Rivers, Roads, and the Sea"],
    }


def test_a_legal_form_in_parentheses_is_no_acronym_of_the_company():
    index = AliasIndex([Entry(1, "Harbor Listrik Negara", "company", country="ID")])
    found = index.find("PT Harbor Listrik Negara (Persero) agreed. Persero firms sell power.")
    [company] = found.organizations
    assert [m.text for m in company.mentions] == ["Harbor Listrik Negara"]


def test_a_persons_surname_saying_something_is_the_person_not_a_body_of_that_name():
    index = AliasIndex([Entry(1, "Harbor Motor Company", "company")], [(1, "Harbor", True)])
    found = index.find(
        "The plan was announced by Premier Doug Harbor. “We build cars,” Harbor said. Harbor "
        "will build the plant."
    )
    [company] = found.organizations
    assert [m.start for m in company.mentions] == [
        len("The plan was announced by Premier Doug Harbor. “We build cars,” Harbor said. ")
    ]


def test_a_laws_words_make_no_name_and_a_double_barrelled_name_no_country():
    index = AliasIndex(
        [Entry(1, "Canada", "country", country="CA"), Entry(2, "Ireland", "country", country="IE")]
    )
    found = index.find(
        "The fine under the General Data Protection Regulation stands, said Chief Negotiator "
        "Ann Crabtree-Ireland. Canada-Ireland trade grew."
    )
    assert [p.name for p in found.people] == ["Ann Crabtree-Ireland"]
    [ireland] = [c for c in found.countries if c.entry.name == "Ireland"]
    assert [m.text for m in ireland.mentions] == ["Ireland"]
    assert ireland.mentions[0].start > found.people[0].mentions[0].start


def test_an_acronym_the_text_calls_a_business_is_not_a_public_body_of_those_letters():
    index = AliasIndex(
        # (a home body: a foreign one named by its acronym alone needs its country named)
        [Entry(1, "Harbor Safety Board", "agency", country="US"),
         Entry(2, "Quay Finance Centre", "other", country="QA")],
        [(1, "HSB", True), (2, "QFC", True)],
    )  # fmt: skip
    found = index.find(
        "Acme bought the Danish firm HSB life science. Shoppers at QFC stores were told. "
        "The HSB inspected the quay."
    )
    [board] = found.organizations
    assert board.entry.id == 1 and [m.start for m in board.mentions] == [
        len("Acme bought the Danish firm HSB life science. Shoppers at QFC stores were told. The ")
    ]


def test_a_name_with_a_note_after_it_is_found_without_the_note():
    entries = [
        Entry(1, "Harbor Meyer (retailer)", "company", country="US"),
        Entry(2, "Quay (retailer)", "company", country="US"),  # one word: also a common noun
        Entry(3, "Financial Harbor Commission (Chile)", "agency", country="CL"),
        Entry(4, "Chile", "country", country="CL"),
    ]
    index = AliasIndex(entries)
    found = index.find("Harbor Meyer opened a store on the Quay. The Financial Harbor Commission "
                       "fined it.")  # fmt: skip
    assert [s.entry.id for s in found.organizations] == [1]  # no country: whose commission?
    found = index.find("In Chile, the Financial Harbor Commission fined Harbor Meyer.")
    assert {s.entry.id for s in found.organizations} == {1, 3}


def test_vietnamese_letters_fold_and_a_three_word_name_follows_a_portfolio():
    assert fold("Nguyễn Hồng Diên, Trần Hồng Hà") == "Nguyen Hong Dien, Tran Hong Ha"
    found = AliasIndex([]).find(
        "Minister of Industry and Trade Nguyễn Hồng Diên said the plan was ready. Ambassador "
        "to Uzbekistan Jon Henick agreed."
    )
    assert [(p.name, p.title) for p in found.people] == [
        ("Nguyễn Hồng Diên", "Minister of Industry and Trade"),
        ("Jon Henick", "Ambassador to Uzbekistan"),
    ]


def test_a_title_of_several_words_before_said_is_no_part_of_the_name():
    found = AliasIndex([]).find(
        "“We shut them down,” he said. Chief Fire Marshal Daniel Flynn said the shops closed."
    )
    assert [p.name for p in found.people] == ["Daniel Flynn"]


def test_a_name_the_registry_writes_with_the_counted_like_people_is_not_the_body():
    index = AliasIndex([Entry(1, "The Harbor Yorker", "media", country="US")])
    found = index.find("Every Harbor Yorker who owns one should check it, The Harbor Yorker said.")
    [magazine] = found.organizations
    assert [m.text for m in magazine.mentions] == ["The Harbor Yorker"]


def test_a_countrys_possessive_before_a_companys_name_is_the_country():
    index = AliasIndex([Entry(1, "Harborland", "country", country="HL"),
                        Entry(2, "Kestrel", "company", country="HL")])  # fmt: skip
    found = index.find("Acme is controlled by Harborland’s Kestrel Limited. Ben & Jerry's "
                       "Homemade, Inc. agreed.")  # fmt: skip
    [company] = found.organizations
    assert [m.text for m in company.mentions] == ["Kestrel Limited"]
    assert [m.text for c in found.countries for m in c.mentions] == ["Harborland"]
    assert [c.name for c in found.candidates] == ["Ben & Jerry's Homemade, Inc."]


def test_a_body_named_right_before_another_bodys_name_names_a_third():
    index = AliasIndex(
        [Entry(1, "Harbor A&M University", "university", country="US"),
         Entry(2, "Federal Forest Service", "agency", country="US"),
         Entry(3, "Harbor Widget Service", "agency", country="US", parent_id=1)],
        [(1, "Harbor A&M", False), (2, "Forest Service", False)],
    )  # fmt: skip
    found = index.find("Crews from the Harbor A&M Forest Service joined the Forest Service.")
    [service] = found.organizations
    assert service.entry.id == 2 and [m.start for m in service.mentions] == [
        len("Crews from the Harbor A&M Forest Service joined the ")
    ]
    [candidate] = found.candidates
    assert (candidate.name, candidate.parent) == (
        "Harbor A&M Forest Service", "Harbor A&M University",
    )  # fmt: skip
    # a child named after its parent's name is the child
    found = index.find("The Harbor A&M Harbor Widget Service opened.")
    assert found.candidates == [] and 3 in {s.entry.id for s in found.organizations}


def test_a_name_goes_on_after_on_only_where_its_head_takes_a_topic():
    found = AliasIndex([]).find(
        "The beam reached the Harbor Laboratory of Engineering on the Westbrook campus. The "
        "Harbor Subcommittee on the Constitution met."
    )
    assert [c.name for c in found.candidates] == [
        "Harbor Laboratory of Engineering", "Harbor Subcommittee on the Constitution",
    ]  # fmt: skip


def test_a_relative_named_after_the_kinship_noun_and_a_first_lady_are_people():
    found = AliasIndex([]).find(
        "The gift came from Jon Harbor and his wife, Ann Harbor, last year. It was attended by "
        "First Lady Jo Westbrook. Students of Lady Margaret Hall sang."
    )
    assert [(p.name, p.title) for p in found.people] == [
        ("Ann Harbor", ""), ("Jo Westbrook", "First Lady"),
    ]  # fmt: skip


def test_what_a_company_buys_or_takes_a_stake_in_is_a_company():
    found = AliasIndex([]).find(
        "The unit was sold in 2022 when Acme bought Harbor Sound. Westbrook took a 20% stake "
        "in Quayside Motors last year. Shoppers kept buying TV sets."
    )
    assert [(c.name, c.kind_guess) for c in found.candidates] == [
        ("Harbor Sound", "company"), ("Quayside Motors", "company"),
    ]  # fmt: skip


def test_a_countrys_possessive_chooses_its_body_named_without_its_country():
    entries = [
        Entry(1, "Harborland", "country", country="HL"),
        Entry(2, "Quayland", "country", country="QL"),
        Entry(3, "Ministry of Tides of Harborland", "ministry", country="HL"),
        Entry(4, "Ministry of Tides of Quayland", "ministry", country="QL"),
    ]
    found = AliasIndex(entries).find(
        "Harborland agreed. Harborland said so. Harborland again. The talks were run by "
        "Quayland’s Ministry of Tides."
    )
    assert [s.entry.id for s in found.organizations] == [4]


def test_a_legal_form_ends_a_companys_name_before_of():
    found = AliasIndex([]).find(
        "Acme moved its plant to Harbor Biotech International Limited of Quayland, a supplier."
    )
    assert [c.name for c in found.candidates] == ["Harbor Biotech International Limited"]


def test_people_named_before_who_and_bill_as_a_given_name_but_not_a_place_after_in():
    found = AliasIndex([]).find(
        "The prize went to Ann Harbor and Jo Westbrook, whose work changed vaccines. It was "
        "written by Senators Edward J. Quay (D-Mass.) and Bill Cassidy (R-La.), with others. "
        "Scrolls were found in Nahal Hever, the first new pieces in decades."
    )
    assert [p.name for p in found.people] == [
        "Ann Harbor", "Jo Westbrook", "Edward J. Quay", "Bill Cassidy",
    ]  # fmt: skip


def test_a_lists_last_comma_is_kept_or_dropped_and_a_listed_name_runs_to_its_last_item():
    index = AliasIndex([Entry(1, "Senate Harbors, Quays, and Tides Committee", "legislature")])
    found = index.find(
        "The Senate Harbors, Quays and Tides Committee met the Department for Business, Energy "
        "and Industrial Harbors. The Ministry of Harbors, Quays and Energy and Westbrook Steel "
        "signed."
    )
    assert [m.text for s in found.organizations for m in s.mentions] == [
        "Senate Harbors, Quays and Tides Committee"
    ]
    assert [c.name for c in found.candidates] == [
        "Department for Business, Energy and Industrial Harbors",
        "Ministry of Harbors, Quays and Energy",
    ]


def test_a_country_owning_a_registry_name_is_named_and_a_language_names_no_country():
    index = AliasIndex(
        [Entry(1, "Harborland", "country", country="HL"),
         Entry(2, "Harborland Wealth Fund", "other", country="HL")],
        [(2, "Harborland's sovereign fund", False)],
    )  # fmt: skip
    found = index.find("Harborland's sovereign fund grew.")
    assert [m.text for c in found.countries for m in c.mentions] == ["Harborland"]
    found = AliasIndex([Entry(1, "Greece", "country", country="GR"),
                        Entry(2, "Spain", "country", country="ES")]).find(
        "The fragments, written in Greek, name a Spanish-language service. Greek officials met."
    )  # fmt: skip
    assert [(c.entry.name, [m.text for m in c.mentions]) for c in found.countries] == [
        ("Greece", ["Greek"])
    ]
    # a language in a list of languages; a sea named after a country
    found = AliasIndex([Entry(1, "Spain", "country", country="ES"),
                        Entry(2, "Mexico", "country", country="MX")]).find(
        "Counselors answer in English and Spanish, day and night, as storms cross the Gulf of "
        "Mexico. Spanish officials met. Ships from the Mexico Canal came."
    )  # fmt: skip
    assert [(c.entry.name, [m.text for m in c.mentions]) for c in found.countries] == [
        ("Spain", ["Spanish"])
    ]


def test_a_home_bodys_name_in_a_story_of_another_country_is_that_countrys_body():
    index = AliasIndex(
        [
            Entry(1, "United States", "country", country="US"),
            Entry(2, "U.S. House of Representatives", "legislature", country="US"),
            Entry(3, "Indonesia", "country", country="ID"),
            Entry(4, "House of Representatives of Indonesia", "legislature", country="ID"),
            Entry(5, "Bank Harbor Indonesia", "company", country="ID"),
        ],
        [(2, "House of Representatives", False), (1, "US", True)],  # ("US$": a currency)
        home_country="US",
    )
    found = index.find(
        "Indonesia's President launched the fund, of more than US$900 billion.\n\nThe House of "
        "Representatives (DPR) had approved its legal basis; Bank Harbor Indonesia joined."
    )
    assert [(s.entry.name, [m.text for m in s.mentions]) for s in found.organizations][:1] == [
        ("House of Representatives of Indonesia", ["House of Representatives", "DPR"])
    ]


def test_the_home_country_named_in_passing_does_not_take_back_another_countrys_chamber():
    index = AliasIndex(
        [
            Entry(1, "United States", "country", country="US"),
            Entry(2, "U.S. House of Representatives", "legislature", country="US"),
            Entry(3, "National Aeronautics and Space Administration", "agency", country="US"),
            Entry(4, "Japan", "country", country="JP"),
            Entry(5, "House of Representatives of Japan", "legislature", country="JP"),
            Entry(6, "National Diet", "legislature", country="JP"),
            Entry(7, "Harbor Democratic Party", "other", country="JP"),
        ],
        [(2, "House of Representatives", False), (3, "NASA", True)],
        home_country="US",
    )
    text = (
        "Japan's National Diet elected the Harbor Democratic Party's leader. He will dissolve "
        "the House of Representatives, and called the alliance with the United States the "
        "cornerstone of Japan's diplomacy{}."
    )
    found = {s.entry.name for s in index.find(text.format("")).organizations}
    assert "House of Representatives of Japan" in found
    assert "U.S. House of Representatives" not in found
    # an acronym of the home country's own stays its own
    found = {s.entry.name for s in index.find(text.format(", and praised NASA")).organizations}
    assert "National Aeronautics and Space Administration" in found
    # one of the country's bodies is enough when the country outweighs the home country
    text = (
        "The National Diet passed it; Japan's allies in the United States welcomed the vote "
        "in Japan. The House of Representatives will now debate the budget."
    )
    found = {s.entry.name for s in index.find(text).organizations}
    assert "House of Representatives of Japan" in found
    assert "U.S. House of Representatives" not in found


def test_a_bodys_name_without_its_country_followed_by_of_a_country_is_that_countrys():
    index = AliasIndex(
        [
            Entry(1, "Ukraine", "country", country="UA"),
            Entry(2, "Russia", "country", country="RU"),
            Entry(3, "Office of the President of Ukraine", "agency", country="UA"),
            Entry(4, "Lithuania", "country", country="LT"),
            Entry(5, "Ministry of Energy of Lithuania", "ministry", country="LT"),
            Entry(6, "Ministry of Energy of Ukraine", "ministry", country="UA"),
        ],
        [(2, "Russian Federation", False), (4, "Republic of Lithuania", False)],
        home_country="US",
    )
    found = index.find(
        "In Ukraine, Ukraine's court named a commissioner. Ukraine said she works in the Office "
        "of the President of the Russian Federation."
    )
    assert "Office of the President of Ukraine" not in [s.entry.name for s in found.organizations]
    found = index.find(
        "Ukraine welcomed the grid link. It was ready, said the Ministry of Energy of the "
        "Republic of Lithuania."
    )
    [ministry] = [s for s in found.organizations if s.entry.kind == "ministry"]
    assert ministry.entry.name == "Ministry of Energy of Lithuania"
    assert [m.text for m in ministry.mentions] == [
        "Ministry of Energy of the Republic of Lithuania"
    ]


def test_a_parents_acronym_after_its_childs_name_is_the_parents():
    index = AliasIndex(
        [
            Entry(1, "Harbor Union", "multilateral"),
            Entry(2, "Tide Council of the Harbor Union", "multilateral", parent_id=1),
            Entry(3, "Department of Veterans Affairs", "agency", country="US"),
        ],
        [(1, "HU", True), (3, "VA", True)],
        home_country="US",
    )
    found = index.find(
        "The Tide Council of the Harbor Union (HU) suspended Tern from all activities of the HU."
    )
    by_name = {s.entry.name: [m.text for m in s.mentions] for s in found.organizations}
    assert by_name["Harbor Union"] == ["HU", "HU"]
    assert by_name["Tide Council of the Harbor Union"] == ["Tide Council of the Harbor Union"]
    # the letters of the whole name's last words, which are no other body's: the body's own
    found = index.find("The Department of Veterans Affairs (VA) said the VA would act.")
    [va] = found.organizations
    assert [m.text for m in va.mentions] == ["Department of Veterans Affairs", "VA", "VA"]


def test_a_parents_acronym_before_a_common_noun_only_says_whose_it_is():
    index = AliasIndex(
        [
            Entry(1, "United Nations", "multilateral"),
            Entry(2, "UN Refugee Agency", "multilateral", parent_id=1),
        ],
        [(1, "UN", True), (2, "UNHCR", True)],
    )
    text = "The report, the UN migration agency’s flagship, cites UNHCR figures before the UN {}"
    found = index.find(text.format("climate conference."))
    assert [s.entry.name for s in found.organizations] == ["UN Refugee Agency"]
    found = index.find(text.format("and the EU met."))
    assert [s.entry.name for s in found.organizations] == ["UN Refugee Agency", "United Nations"]


def test_an_acronym_defined_after_a_name_in_another_language_means_that_name():
    index = AliasIndex(
        [
            Entry(1, "Columbia Broadcasting Harbor", "company", country="HB"),
            Entry(2, "Prawo i Sprawiedliwość", "other", country="PL"),
            Entry(3, "Poland", "country", country="PL"),
        ],
        [(1, "CBS", True), (2, "PiS", True)],
        home_country="US",
    )
    found = index.find(
        "Three taxes will give way to a Contribution on Goods and Services (CBS). The CBS starts "
        "in 2027."
    )
    assert found.organizations == []
    # the body's own acronym after its English name, in a story of its country, is the body
    found = index.find("Poland ended eight years of government by Law and Justice (PiS).")
    assert [s.entry.name for s in found.organizations] == ["Prawo i Sprawiedliwość"]


def test_a_name_that_begins_a_longer_name_names_the_longer_one():
    index = AliasIndex(
        [
            Entry(1, "Tern Broadcasting Service", "company", country="IT"),
            Entry(2, "State Council of Harbor", "agency", country="HB"),
            Entry(3, "SMRT Corporation Ltd", "company", country="SG"),
        ],
        [(1, "TBS", True), (2, "State Council", False), (3, "SMRT", True)],
    )
    found = index.find(
        "The companies fined are Fenice S.r.l. and TBS Crew S.r.l. At a press conference of the "
        "State Council Information Office, SMRT Corporation Ltd said so."
    )
    assert [s.entry.name for s in found.organizations] == ["SMRT Corporation Ltd"]
    assert "State Council Information Office" in {c.name for c in found.candidates}


def test_two_parties_acronyms_joined_by_a_slash_are_their_group_not_either_party():
    index = AliasIndex(
        [
            Entry(1, "Harbor Union", "other", country="US"),
            Entry(2, "Tide Union", "other", country="US"),
        ],
        [(1, "HU", True), (2, "TU", True)],
    )
    found = index.find("Members of the HU/TU parliamentary group went to the court.")
    assert found.organizations == []
    found = index.find("The HU/TU group and the HU itself went to the court.")
    assert [(s.entry.name, [m.text for m in s.mentions]) for s in found.organizations] == [
        ("Harbor Union", ["HU"])
    ]


def test_the_senate_in_a_story_of_another_countrys_chambers_is_that_countrys():
    index = AliasIndex(
        [
            Entry(1, "U.S. Senate", "legislature", country="US"),
            Entry(2, "Argentina", "country", country="AR"),
            Entry(3, "Argentine National Congress", "legislature", country="AR"),
            Entry(4, "Argentine Chamber of Deputies", "legislature", country="AR", parent_id=3),
            Entry(5, "Argentine Senate", "legislature", country="AR", parent_id=3),
        ],
        [(1, "Senate", False), (4, "Chamber of Deputies of Argentina", False),
         (5, "Senate of Argentina", False)],
        home_country="US",
    )  # fmt: skip
    found = index.find(
        "Argentina’s Chamber of Deputies passed the bill. The Senate had approved it in June."
    )
    names = [s.entry.name for s in found.organizations]
    assert "Argentine Senate" in names and "U.S. Senate" not in names


def test_one_chamber_named_the_other_is_named_by_its_head_alone():
    index = AliasIndex([
        Entry(1, "Harbor Congress", "legislature", country="HB"),
        Entry(2, "Senate of Harbor", "legislature", country="HB", parent_id=1),
        Entry(3, "House of Representatives of Harbor", "legislature", country="HB", parent_id=1),
        Entry(4, "Senate Committee on Tides", "legislature", country="HB", parent_id=2),
    ])  # fmt: skip
    found = index.find("The Senate of Harbor passed the bill, sending it back to the House.")
    assert [(s.entry.name, [m.text for m in s.mentions]) for s in found.organizations] == [
        ("Senate of Harbor", ["Senate of Harbor"]),
        ("House of Representatives of Harbor", ["House"]),
    ]


def test_a_person_before_a_company_title_and_a_titles_scope_are_no_company():
    found = AliasIndex([]).find(
        "Dr. Jo Tern Chief Executive Officer of Harbor AG\n\n“We grow,” said Dr. Jo Tern. Ann "
        "Lee, Global CEO Kestrel, agreed. Westbrook chief executive Bo Poe signed."
    )
    assert [c.name for c in found.candidates] == ["Westbrook"]
    assert [p.name for p in found.people][:1] == ["Jo Tern"]
    # the person a company names to the title
    found = AliasIndex([]).find("Westbrook names Ana Ruiz CEO as its founder retires.")
    assert [c.name for c in found.candidates] == []


def test_a_registry_name_before_a_plural_head_is_part_of_a_longer_name():
    index = AliasIndex([Entry(1, "Department of Transportation", "agency", country="US")])
    found = index.find("The line is run by the City’s Department of Transportation Services (DTS).")
    assert found.organizations == []
    assert [c.name for c in found.candidates] == ["Department of Transportation Services"]


def test_a_venue_named_after_its_sponsor_is_no_mention_of_the_sponsor():
    index = AliasIndex([Entry(1, "Harbor One Financial Corporation", "company")],
                       [(1, "Harbor One", False)])  # fmt: skip
    found = index.find("The teams stay at Harbor One Arena. Harbor One said it was proud.")
    assert [(s.entry.name, [m.text for m in s.mentions]) for s in found.organizations] == [
        ("Harbor One Financial Corporation", ["Harbor One"])
    ]
    assert found.organizations[0].mentions[0].start == 36


def test_a_head_of_states_residence_after_at_is_where_something_happens():
    index = AliasIndex(
        [
            Entry(1, "Harborland", "country", country="HB"),
            Entry(2, "Office of the President of Harborland", "agency", country="HB"),
        ],
        [(2, "Tern Palace", False), (2, "Istana", False)],
    )
    found = index.find(
        "He paid a call on the President at Tern Palace. The oath was taken at the Istana. "
        "Tern Palace said the visit went well."
    )
    assert [(s.entry.name, [m.text for m in s.mentions]) for s in found.organizations] == [
        ("Office of the President of Harborland", ["Tern Palace"])
    ]
    assert found.organizations[0].mentions[0].start > 70


def test_a_brand_named_for_its_products_or_in_a_list_of_brands_is_no_company_acting():
    index = AliasIndex([
        Entry(1, "Harbor Motor Co., Ltd.", "company"),
        Entry(2, "Kestrel", "company", parent_id=1),
        Entry(3, "Tern", "company", parent_id=1),
        Entry(4, "Plover", "company", parent_id=1),
    ])  # fmt: skip
    found = index.find(
        "The carmaker, which owns brands from Tern and Plover, builds Kestrel electric models. "
        "Its Kestrel stores opened."
    )
    assert found.organizations == []
    found = index.find("Kestrel said it would hire. Tern agreed.")
    assert [s.entry.name for s in found.organizations] == ["Kestrel", "Tern"]


def test_the_united_states_native_peoples_are_not_india():
    index = AliasIndex([Entry(1, "India", "country", country="IN")])
    found = index.find(
        "The Assistant Secretary for Indian Affairs said federal Indian boarding schools took "
        "American Indian children. Indian tribes met."
    )
    assert found.countries == []
    found = index.find("Indian officials met Indian ministers.")
    assert [m.text for c in found.countries for m in c.mentions] == ["Indian", "Indian"]


def test_a_titles_portfolio_or_field_is_no_body_and_lower_case_legal_forms_end_names():
    found = AliasIndex([]).find(
        "Dr. Jo Roe, Harborland’s Minister of Public Health, spoke. Ann Lee, Executive Vice "
        "President of Quayside Missions and Technologies at Westbrook, agreed. Bo Poe, CEO of "
        "Kestrel City Southern, and Jon Doe, Director of the Harbor Institute, met. Lek "
        "Harbor Pharmaceuticals d.d. signed. Prince Bo, Minister of Energy of Harborland, "
        "chaired."
    )
    assert [c.name for c in found.candidates] == [
        "Kestrel City Southern", "Harbor Institute", "Lek Harbor Pharmaceuticals d.d.",
    ]  # fmt: skip


def test_a_portfolio_of_qualified_words_or_listed_after_another_is_the_titles():
    found = AliasIndex([]).find(
        "Jo Roe, Minister of Mental Health and Addictions, spoke. Ann Lee, Assistant Secretary "
        "for Nuclear Energy, agreed. Bo Poe, Minister of Finance and Mental Health, met Jon Doe, "
        "CEO of Kestrel Nuclear Energy."
    )
    assert [c.name for c in found.candidates] == ["Kestrel Nuclear Energy"]


def test_a_board_named_only_in_a_title_is_the_titles():
    found = AliasIndex([]).find(
        "Jo Roe, Chairman of the Executive Board and CEO of Kestrel AG, spoke. Ann Lee, Chair "
        "of the Foundation’s Board of Trustees, agreed. The Board of Governors approved it."
    )
    assert [c.name for c in found.candidates] == ["Kestrel AG", "Board of Governors"]


def test_a_board_named_without_its_body_is_the_board_of_the_body_named_with_it_or_most():
    index = AliasIndex([
        Entry(1, "Harbor Development Bank", "multilateral"),
        Entry(2, "Kestrel Fund", "multilateral"),
    ])  # fmt: skip
    found = index.find(
        "The Harbor Development Bank elected Jo Roe. The Harbor Development Bank said she will "
        "work with the Board of Executive Directors. The Kestrel Fund’s Executive Board met."
    )
    assert [(c.name, c.parent) for c in found.candidates] == [
        ("Board of Executive Directors", "Harbor Development Bank"),
        ("Executive Board", "Kestrel Fund"),
    ]


def test_a_board_that_acts_is_a_body_of_the_story_the_board_in_a_title_is_not():
    index = AliasIndex([
        Entry(1, "Harbor Reserve Bank", "agency", country="HB"),
        Entry(2, "Acme AG", "company", country="HB"),
    ])  # fmt: skip
    found = index.find(
        "The Board of the Harbor Reserve Bank cut the rate. Acme AG’s Supervisory Board backed "
        "the offer. Jo Roe, Chairman of the Board of Management of Acme AG, spoke."
    )
    assert [(c.name, c.parent) for c in found.candidates] == [
        ("Board", "Harbor Reserve Bank"),
        ("Supervisory Board", "Acme AG"),
    ]


def test_a_companys_name_at_the_end_of_a_longer_name_is_not_that_company():
    index = AliasIndex(
        [Entry(1, "Tide Resources Limited", "company"), Entry(2, "Sea Limited", "company")]
    )  # (the registry's company is also known by its name without "Limited")
    found = index.find(
        "It needs the approval of the National Agency for Tide Resources. Harbor bought it and "
        "renamed it Romgaz Black Sea Limited. Tide Resources said it would bid. Jo Roe’s Sea "
        "Limited agreed."
    )
    assert [(s.entry.name, [m.text for m in s.mentions]) for s in found.organizations] == [
        ("Tide Resources Limited", ["Tide Resources"]), ("Sea Limited", ["Sea Limited"]),
    ]  # fmt: skip
    assert [c.name for c in found.candidates] == [
        "National Agency for Tide Resources", "Romgaz Black Sea Limited",
    ]  # fmt: skip


def test_a_bodys_name_ends_before_a_persons_title_and_name():
    found = AliasIndex([]).find(
        "Department of Watershed Management Commissioner Jo Roe Jr. said. He chairs the Board of "
        "Executive Directors, Harbor and Transport Authority."
    )  # (a board's plural title is no person's: the name goes on after it)
    assert [c.name for c in found.candidates] == [
        "Department of Watershed Management",
        "Board of Executive Directors, Harbor and Transport Authority",
    ]


def test_a_name_with_a_lower_case_prefix_is_read_whole():
    found = AliasIndex([]).find("The deal with iHarbor Corporation ended; tKestrel Group said.")
    assert [c.name for c in found.candidates] == ["iHarbor Corporation", "tKestrel Group"]


def test_a_surname_with_a_capital_inside_and_a_generation_ending_a_sentence_are_the_names():
    found = AliasIndex([]).find(
        "“It is hot,” said Dr Mark McHarbor, head of the centre. “We won,” said Jo Roe Jr. "
        "“Yes,” said Ann DeWestbrook-Lee. The board named Robert K. “Kelly” Tern its chief."
    )
    assert [p.name for p in found.people] == ["Mark McHarbor", "Jo Roe Jr.", "Ann DeWestbrook-Lee"]


def test_a_style_or_a_portfolio_before_a_name_is_no_part_of_it():
    found = AliasIndex([]).find(
        "The fund is chaired by Crown Prince Mohammed bin Harbor. “Yes,” said Sheikh Hasina. At "
        "noon, Minister of State for Disaster Management Jo Tern announced it. Ann Lee, the "
        "Director of Monetary Policy nominated by the President, voted. It was opened by King "
        "Harold III, the Head of the Commonwealth. Bo Poe was appointed."
    )
    assert [(p.name, p.title) for p in found.people] == [
        ("Mohammed bin Harbor", ""), ("Sheikh Hasina", ""), ("Jo Tern", ""), ("Ann Lee", ""),
        ("Harold III", ""),
    ]  # fmt: skip


def test_a_portfolios_list_a_shared_title_and_a_region_are_no_part_of_a_name():
    found = AliasIndex([]).find(
        "Minister of International Trade, Export Promotion, Small Business and Economic "
        "Development Mary Tern said it. Jo Roe, Regional Administrator for Harbor’s Pacific "
        "Southwest Region, agreed. “Yes,” said Co-spokesperson Ann Lee-Poe. Sports Minister "
        "Prince Abdul bin Tern Al Harbor spoke. The National Blood Donor Month began."
    )
    assert [p.name for p in found.people] == [
        "Mary Tern", "Jo Roe", "Ann Lee-Poe", "Abdul bin Tern Al Harbor",
    ]  # fmt: skip


def test_a_name_joined_after_a_persons_by_and_is_a_persons_too():
    found = AliasIndex([]).find(
        "“We won,” said Ann Lee and Bo Tern. The court fined Jo Roe Jr. and Kim Poe. “Yes,” "
        "said Al Day and Acme Corp agreed."
    )
    assert [p.name for p in found.people] == ["Ann Lee", "Bo Tern"]  # (not "Acme Corp")


def test_names_with_o_apostrophe_and_a_generation_are_read_whole_once():
    found = AliasIndex(
        [Entry(1, "United States", "country", country="US")], [(1, "American", True)]
    ).find(  # fmt: skip
        "“We build,” said Meg O’Neill, CEO of the company. “Riders deserve it,” said Dorval R. "
        "Harbor Jr., President of the authority. Its shares trade as American depositary "
        "shares. Natura &Co Harbor S.A. agreed."
    )
    assert [p.name for p in found.people] == ["Meg O’Neill", "Dorval R. Harbor Jr."]
    assert found.countries == []
    assert [c.name for c in found.candidates] == ["Natura &Co Harbor S.A."]


def test_names_after_a_registry_name_and_and_a_parent_ending_a_sentence():
    index = AliasIndex(
        [Entry(1, "Harbor Edison", "company", country="US"),
         Entry(2, "Quay Gas & Electric", "company", country="US"),
         Entry(3, "Harbor Ports", "company", country="IN"),
         Entry(4, "Westbrook Inc.", "company", country="US"),
         Entry(5, "Westbrook Search LLC", "company", country="US", parent_id=4)],
        [(5, "Westbrook Search", False)],
    )  # fmt: skip
    found = index.find(
        "Customers of Harbor Edison and Quay Gas & Electric Company may apply. Harbor Ports and "
        "Special Economic Zone Ltd agreed. The order named their parent, Westbrook Inc. "
        "Westbrook Search said it would appeal. Kestrel Bank, National Association lent."
    )
    assert sorted(s.entry.id for s in found.organizations) == [1, 2, 3, 4, 5]
    assert [c.name for c in found.candidates] == ["Kestrel Bank"]


def test_a_name_described_by_the_noun_before_it_is_a_candidate_unless_the_registry_has_it():
    index = AliasIndex([Entry(1, "Kestrel", "company", country="ID")])
    found = index.find(
        "The state sued with the environmental group Harbor River Watch on Monday. A dispute with "
        "activist investor Quayside Capital Management ended. The center is named for the late "
        "investor Jon Westbrook. State energy company Kestrel, which supplies diesel, agreed. "
        "Harbor Research Services, a company from New York state, ran the robot."
    )
    assert [(c.name, c.kind_guess) for c in found.candidates] == [
        ("Harbor River Watch", "other"),
        ("Quayside Capital Management", "company"),
        ("Harbor Research Services", "company"),
    ]
    assert [s.entry.id for s in found.organizations] == [1]


def test_al_particles_roman_generations_and_a_company_of_a_place_with_its_legal_form():
    index = AliasIndex([Entry(1, "America", "country", country="US")])
    found = index.find(
        "“It is ready,” said Secretary of Defense Lloyd J. Quay III. Syrian Foreign Minister "
        "Asaad Hassan al-Harbor met him. “We are here,” said Ahmed al-Westbrook, the leader. "
        "The plant is run by Harbor Development & Manufacturing of America, LLC, a unit. "
        "Jo Roe, Co-founder and Co-CEO of Kestrel SE, agreed."
    )
    assert [p.name for p in found.people] == [
        "Lloyd J. Quay III", "Asaad Hassan al-Harbor", "Ahmed al-Westbrook", "Jo Roe",
    ]  # fmt: skip
    assert [c.name for c in found.candidates] == [
        "Harbor Development & Manufacturing of America, LLC", "Kestrel SE",
    ]  # fmt: skip


def test_a_persons_surname_with_an_age_or_a_courtesy_title_is_the_person():
    index = AliasIndex([Entry(1, "Harbor Limited", "company", country="AU")], [(1, "Harbor", True)])
    found = index.find(
        "The grand jury indicted Representative George Harbor on Tuesday. Prosecutors say "
        "Harbor, 34, used a company he controlled. “Mr. Harbor is accused of fraud,” they said."
    )
    assert found.organizations == [] and [p.name for p in found.people] == ["George Harbor"]
    found = index.find("Harbor Limited agreed. Jo Harbor, its chair, said Harbor would grow.")
    assert [s.entry.id for s in found.organizations] == [1]


def test_a_company_named_with_its_legal_form_outreaches_another_companys_name():
    index = AliasIndex(
        [
            Entry(1, "Oglethorpe Power", "company", country="US"),
            Entry(2, "Power Corporation of Canada", "company", country="CA"),
            Entry(3, "Norfolk Southern", "company", country="US"),
            Entry(4, "Southern Railway", "company", country="GB"),
            Entry(5, "Johnson & Johnson", "company", country="US"),
        ],
        [(2, "Power Corporation", False), (3, "Norfolk Southern Corporation", False)],
    )
    found = index.find(
        "The deal was signed by Oglethorpe Power Corporation and MEAG Power. Norfolk Southern "
        "Railway Company paid. Janssen, a Johnson & Johnson company, makes Xarelto. It thanked "
        "Oglethorpe Power Corporation."
    )
    mentions = {s.entry.name: [m.text for m in s.mentions] for s in found.organizations}
    assert mentions == {
        # the legal form is part of the mention; a full stop after it ends the sentence
        "Oglethorpe Power": ["Oglethorpe Power Corporation", "Oglethorpe Power Corporation"],
        "Johnson & Johnson": ["Johnson & Johnson"],  # "company" in lower case: a word
    }  # "Southern Railway" lies inside a longer name, as "Norfolk Southern" does


def test_the_military_writes_second_and_third_as_2d_and_3d():
    index = AliasIndex(
        [
            Entry(1, "3rd Marine Division", "agency", country="US"),
            Entry(2, "2d Cavalry Regiment", "agency", country="US"),
            Entry(3, "13th Fleet", "agency", country="US"),
        ]
    )
    found = index.find(
        "The 3d Marine Division and the 2nd Cavalry Regiment trained; the 13d Fleet did not."
    )
    assert [(s.entry.name, s.mentions[0].text) for s in found.organizations] == [
        ("3rd Marine Division", "3d Marine Division"),
        ("2d Cavalry Regiment", "2nd Cavalry Regiment"),
    ]


def test_a_company_with_its_legal_form_after_another_body_and_and_is_a_candidate():
    index = AliasIndex(
        [
            Entry(1, "Harbor Transport", "agency", country="NZ"),
            Entry(2, "Tidewater Ports", "company", country="IN"),
        ]
    )
    found = index.find(
        "The plan gave Harbor Transport and Brightwater Services Limited certainty. Separately, "
        "Tidewater Ports and Special Economic Zone Limited reported."
    )
    assert [c.name for c in found.candidates] == ["Brightwater Services Limited"]


def test_the_name_after_a_list_of_registry_names_and_and_is_a_candidate():
    index = AliasIndex(
        [
            Entry(1, "Tidewater Valley Authority", "agency", country="US"),
            Entry(2, "Harbor Power Generation", "company", country="CA"),
        ],
        [(1, "TVA", True)],
    )
    found = index.find("TVA, Harbor Power Generation and Brightwater Green Energy signed.")
    assert [c.name for c in found.candidates] == ["Brightwater Green Energy"]
    # not after a single company: "Harbor Power Generation and Storage" may be its own name
    found = index.find("The plant of Harbor Power Generation and Brightwater Green Energy opened.")
    assert [c.name for c in found.candidates] == []


def test_a_name_shared_by_a_country_and_a_state_is_the_country_beside_its_bodies():
    entries = [
        Entry(1, "Tidewater", "country", country="GE"),
        Entry(2, "State of Tidewater", "subnational", country="US"),
        Entry(3, "Tidewater Dream", "other", country="GE"),
        Entry(4, "Maryland State Police", "agency", country="US"),
        Entry(5, "Michigan State Police", "agency", country="US"),
        Entry(6, "Harbor Water Authority", "agency", country="UY"),
    ]
    index = AliasIndex(entries, [(2, "Tidewater", True), (4, "MSP", True), (5, "MSP", True)])
    found = index.find("Tidewater's election was won by Tidewater Dream, the observers said.")
    assert found.ambiguous == []
    assert [s.entry.name for s in found.countries] == ["Tidewater"]
    # two bodies of the home country share an acronym, in a story of another country's bodies
    found = index.find("The Harbor Water Authority and the MSP issued a health alert.")
    assert found.ambiguous == []
    assert [s.entry.name for s in found.organizations] == ["Harbor Water Authority"]
    # in a story of nothing foreign, the choice is the editor's
    assert len(index.find("The MSP issued a health alert.").ambiguous) == 1


def test_a_bodys_name_without_its_country_inside_a_departments_name_is_its_portfolio():
    index = AliasIndex(
        [
            Entry(1, "Natural Resources Canada", "ministry", country="CA"),
            Entry(2, "Canada", "country", country="CA"),
        ],
    )
    text = "In Canada, the province's Department of Natural Resources and Renewables sent crews."
    found = index.find(text)
    assert found.organizations == []
    assert [c.name for c in found.candidates] == ["Department of Natural Resources and Renewables"]
    # on its own, the name without its country is the country's body
    found = index.find("In Canada, Natural Resources sent crews.")
    assert [s.entry.name for s in found.organizations] == ["Natural Resources Canada"]


def test_parliament_is_the_parliament_of_the_country_or_the_one_named():
    index = AliasIndex(
        [
            Entry(1, "Parliament of Sri Lanka", "legislature", country="LK"),
            Entry(2, "Sri Lanka", "country", country="LK"),
            Entry(3, "Hellenic Parliament", "legislature", country="GR"),
            Entry(4, "Parliament of Morocco", "legislature", country="MA"),
            Entry(5, "Morocco", "country", country="MA"),
        ]
    )
    found = index.find("Sri Lanka's President will present the agreement to Parliament.")
    assert [s.entry.name for s in found.organizations] == ["Parliament of Sri Lanka"]
    found = index.find("The Hellenic Parliament voted on Thursday. Parliament then rose.")
    assert [m.text for s in found.organizations for m in s.mentions] == [
        "Hellenic Parliament", "Parliament",
    ]  # fmt: skip
    # a title's portfolio
    found = index.find("Morocco's Minister in charge of Relations with Parliament spoke.")
    assert found.organizations == []


def test_a_partys_one_word_short_form_needs_its_country_in_the_story():
    entries = [
        Entry(1, "Australian Labor Party", "other", country="AU"),
        Entry(2, "Australia", "country", country="AU"),
        Entry(3, "Labour Party", "other", country="GB"),
        Entry(4, "Labour Party (New Zealand)", "other", country="NZ"),
        Entry(5, "New Zealand", "country", country="NZ"),
        Entry(6, "Liberal Party of Canada", "other", country="CA"),
        Entry(7, "Liberal Party of Australia", "other", country="AU"),
        Entry(8, "Sweden", "country", country="SE"),
    ]
    aliases = [(1, "Labor", True), (3, "Labour", True), (4, "Labour", True),
               (6, "Liberals", True), (7, "Liberals", True)]  # fmt: skip
    index = AliasIndex(entries, aliases, home_country="US")

    def named(text):
        found = index.find(text)
        ambiguous = [a.mention.text for a in found.ambiguous]
        return [s.entry.name for s in found.organizations], ambiguous

    # "Labor" of a U.S. title is no Australian party; in a story of Australia it is
    assert named("Acting Secretary of Labor Julie Su welcomed the deal.") == ([], [])
    assert named("In Australia, Labor won the vote.") == (["Australian Labor Party"], [])
    # one short form, several countries' parties: the one of the country the story names
    assert named("New Zealand voted; Labour lost seats.") == (["Labour Party (New Zealand)"], [])
    # none of theirs: Sweden's Liberals are neither Canada's nor Australia's, and no choice
    assert named("In Sweden, the Liberals backed the budget.") == ([], [])


def test_a_word_a_party_shares_with_the_home_countrys_body_is_the_partys_only_at_home():
    entries = [
        Entry(1, "U.S. Congress", "legislature", country="US"),
        Entry(2, "Indian National Congress", "other", country="IN"),
        Entry(3, "India", "country", country="IN"),
        Entry(4, "Bharatiya Janata Party", "other", country="IN"),
    ]
    aliases = [(1, "Congress", False), (2, "Congress", True), (4, "BJP", True)]
    index = AliasIndex(entries, aliases, home_country="US")

    def named(text):
        found = index.find(text)
        ambiguous = [a.mention.text for a in found.ambiguous]
        return [s.entry.name for s in found.organizations], ambiguous

    assert named("Congress passed the farm bill on Tuesday.") == (["U.S. Congress"], [])
    assert named("In India, the BJP beat Congress in Delhi.") == (
        ["Bharatiya Janata Party", "Indian National Congress"],
        [],
    )
    # a story of the home country naming India in passing: the U.S. Congress
    entries.append(Entry(5, "Department of Justice", "agency", country="US"))
    entries.append(Entry(6, "Federal Bureau of Investigation", "agency", country="US"))
    index = AliasIndex(entries, aliases, home_country="US")
    text = (
        "Most reports came from India. The Department of Justice urged Congress to act, and "
        "the Federal Bureau of Investigation will help."
    )
    assert named(text) == (
        ["Department of Justice", "U.S. Congress", "Federal Bureau of Investigation"],
        [],
    )


def test_the_legislature_alone_is_that_of_the_one_state_the_story_names():
    entries = [
        Entry(1, "State of Tidewater", "subnational", country="US"),
        Entry(2, "Tidewater Legislature", "legislature", country="US", parent_id=1),
        Entry(3, "State of Harbor", "subnational", country="US"),
        Entry(4, "Harbor State Legislature", "legislature", country="US", parent_id=3),
    ]
    aliases = [(1, "Tidewater", True), (3, "Harbor", True)]
    index = AliasIndex(entries, aliases, home_country="US")

    def named(text):
        return {s.entry.name: [m.text for m in s.mentions] for s in index.find(text).organizations}

    found = named("The governor of Tidewater signed it. The Legislature passed it in May.")
    assert found["Tidewater Legislature"] == ["Legislature"]
    # the state named most ("Harbor" beside Tidewater's law), not one named as often
    found = named("Harbor's law; Harbor and Tidewater agreed. The Legislature passed it.")
    assert found["Harbor State Legislature"] == ["Legislature"]
    found = named("Tidewater and Harbor agreed; the Legislature passed it.")
    assert "Tidewater Legislature" not in found and "Harbor State Legislature" not in found
    # a registry with no states: nothing, and no error
    assert (
        AliasIndex([Entry(1, "Acme Corp", "company")]).find("The Legislature met.").organizations
        == []
    )
    # a legislature's own name is not "the Legislature" of the place named
    assert "Tidewater Legislature" not in named("In Tidewater, the Harbor State Legislature met.")


def test_the_house_and_the_senate_alone_in_a_story_of_a_states_chambers_are_the_states():
    entries = [
        Entry(1, "U.S. Senate", "legislature", country="US"),
        Entry(2, "U.S. House of Representatives", "legislature", country="US"),
        Entry(3, "State of Tidewater", "subnational", country="US"),
        Entry(4, "Tidewater Legislature", "legislature", country="US", parent_id=3),
        Entry(5, "Tidewater Senate", "legislature", country="US", parent_id=4),
        Entry(6, "Tidewater House of Representatives", "legislature", country="US", parent_id=4),
    ]
    aliases = [(1, "Senate", True), (2, "House", True)]
    index = AliasIndex(entries, aliases, home_country="US")
    text = (
        "The Tidewater Senate passed the repeal after the Tidewater House of Representatives "
        "had. The House vote was close; the Senate vote was not."
    )
    found = {s.entry.name: [m.text for m in s.mentions] for s in index.find(text).organizations}
    assert found["Tidewater Senate"] == ["Tidewater Senate", "Senate"]
    assert found["Tidewater House of Representatives"][-1] == "House"
    assert "U.S. Senate" not in found and "U.S. House of Representatives" not in found
    # with no state chamber named, they are the home country's
    found = {s.entry.name for s in index.find("The Senate passed it.").organizations}
    assert found == {"U.S. Senate"}
