"""The quotes stage (people/matching/quotes.py) on its own: small texts, no database."""

from people.matching.quotes import _full_name_in, find_quotes
from people.matching.results import (
    Candidate,
    Entry,
    Findings,
    Mention,
    PersonEntry,
    PersonFinding,
    Suggestion,
)


def findings(people=(), organizations=()) -> Findings:
    return Findings(
        organizations=list(organizations),
        countries=[],
        candidates=[],
        ambiguous=[],
        people=list(people),
    )


def person(name, title="", organization="", *, known=True, forms=()) -> PersonFinding:
    entry = PersonEntry(hash(name) % 1000, name) if known else None
    mentions = [Mention(form, 0, len(form)) for form in (name, *forms)]
    return PersonFinding(name, title, organization, entry, mentions)


def organization(name, *forms, kind="agency") -> Suggestion:
    entry = Entry(hash(name) % 1000, name, kind)
    return Suggestion(entry, 0.9, "name", [Mention(f, 0, len(f)) for f in (name, *forms)])


def spoken(paragraphs, found=None, source=None):
    return [
        (q.text, q.speaker.name if q.speaker else None, q.cue)
        for q in find_quotes(paragraphs, found, source)
    ]


RUBIO = person("Marco Rubio", "Secretary of State", "Department of State")


def test_said_after_the_quote_names_the_speaker_with_a_title():
    text = "“We are ready to work with our partners,” said Secretary Rubio."
    assert spoken([text], findings([RUBIO])) == [
        ("We are ready to work with our partners,", "Marco Rubio", "said")
    ]


def test_the_offsets_are_the_text_between_the_outer_marks_in_its_paragraph():
    paragraphs = ["The talks ended.", "He left. “It went well,” Rubio said."]
    [quote] = find_quotes(paragraphs, findings([RUBIO]))
    assert quote.paragraph == 2
    assert paragraphs[1][quote.start : quote.end] == quote.text == "It went well,"
    assert quote.speaker.title == "Secretary of State"
    assert quote.speaker.organization == "Department of State"
    assert quote.speaker.kind == "person"


def test_a_name_before_said_and_a_colon_before_the_quote():
    text = "Rubio said: “The alliance is strong.”"
    assert spoken([text], findings([RUBIO])) == [("The alliance is strong.", "Marco Rubio", "said")]


def test_straight_quotes_work_like_curly_ones():
    text = '"We will keep going," Rubio said.'
    assert spoken([text], findings([RUBIO])) == [("We will keep going,", "Marco Rubio", "said")]


def test_a_new_person_with_an_appositive_gets_title_and_organization():
    text = "“The data are clear,” said Jane Doe, the director of the Water Agency."
    [quote] = find_quotes([text], findings())
    assert quote.speaker.name == "Jane Doe"
    assert quote.speaker.title == "director"
    assert quote.speaker.organization == "Water Agency"


def test_she_said_is_the_person_named_last():
    paragraphs = [
        "Jane Doe, the agency's director, said she had met Rubio on Monday.",
        "“We agreed on the next steps,” she said.",
    ]
    assert spoken(paragraphs, findings([RUBIO])) == [
        ("We agreed on the next steps,", "Jane Doe", "said")
    ]


def test_a_quotation_split_by_its_attribution_is_two_quotes_of_one_speaker():
    text = "“The first part,” said Secretary Rubio. “And the second part.”"
    assert spoken([text], findings([RUBIO])) == [
        ("The first part,", "Marco Rubio", "said"),
        ("And the second part.", "Marco Rubio", "said"),
    ]


def test_a_quote_inside_a_quote_keeps_its_single_marks():
    text = "“They told us ‘never again’, and we listened,” Rubio said."
    [(quoted, speaker, _)] = spoken([text], findings([RUBIO]))
    assert quoted == "They told us ‘never again’, and we listened,"
    assert speaker == "Marco Rubio"


def test_a_partial_quote_belongs_to_the_sentence_subject():
    text = "Chancellor Olaf Scholz called the deal “a turning point for our industry” on Monday."
    assert spoken([text], findings()) == [
        ("a turning point for our industry", "Olaf Scholz", "called")
    ]


def test_a_statement_attributable_to_a_person():
    text = (
        "The following statement is attributable to Ben Jealous, Executive Director of the "
        "Sierra Club: “These rules will save lives.”"
    )
    club = organization("Sierra Club", kind="nonprofit")
    [quote] = find_quotes([text], findings(organizations=[club]))
    assert (quote.speaker.name, quote.speaker.kind, quote.cue) == (
        "Ben Jealous",
        "person",
        "attributable to",
    )


def test_an_organization_statement_has_the_organization_as_speaker():
    agency = organization("European Medicines Agency", "EMA")
    paragraphs = [
        "The European Medicines Agency recommended the medicine.",
        "“The benefits outweigh the risks,” the agency said.",
        "In a statement, the EMA said: “Patients will benefit.”",
    ]
    quotes = find_quotes(paragraphs, findings(organizations=[agency]))
    assert [(q.speaker.name, q.speaker.kind) for q in quotes] == [
        ("European Medicines Agency", "organization")
    ] * 2


def test_a_spokesperson_speaks_for_the_organization():
    maker = organization("Eisai Co., Ltd.", "Eisai", kind="company")
    text = "“We are pleased with the opinion,” an Eisai spokesperson said."
    [quote] = find_quotes([text], findings(organizations=[maker]))
    assert (quote.speaker.name, quote.speaker.kind) == ("Eisai Co., Ltd.", "organization")


def test_a_quote_running_over_paragraphs_shares_its_speaker():
    paragraphs = [
        "“We started this work two years ago and it has not been easy.",
        "“But today we can say it was worth it,” Rubio said.",
    ]
    quotes = find_quotes(paragraphs, findings([RUBIO]))
    assert [(q.paragraph, q.speaker.name) for q in quotes] == [
        (1, "Marco Rubio"),
        (2, "Marco Rubio"),
    ]
    assert quotes[0].text == "We started this work two years ago and it has not been easy."


def test_titles_terms_and_nicknames_are_not_quotes():
    paragraphs = [
        "The agency published its annual report, “Breaking the Gridlock,” on Tuesday.",
        "The ministers agreed to act against the “shadow fleet” of ageing tankers.",
        'Thomas "Tommy" Pigott met the delegation.',
    ]
    assert spoken(paragraphs, findings()) == []


def test_an_unattributed_quote_has_no_speaker():
    text = "Outside the station, one commuter summed up the mood: “It’s about time.”"
    assert spoken([text], findings()) == [("It’s about time.", None, "")]


def test_the_speaker_named_by_surname_is_the_full_name_in_the_story():
    paragraphs = [
        "Chancellor of the Exchequer Rachel Reeves launched the fund on Monday.",
        "“Growth is our mission,” Reeves said.",
    ]
    assert spoken(paragraphs, findings()) == [("Growth is our mission,", "Rachel Reeves", "said")]


def test_the_title_alone_names_the_person_who_holds_it():
    treasurer = person("Jim Chalmers", "Treasurer", "Australia")
    text = "The Treasurer thanked Dr Lowe for his service in what he called “the hardest years.”"
    assert spoken([text], findings([treasurer])) == [
        ("the hardest years.", "Jim Chalmers", "called")
    ]


def test_a_pronoun_inside_a_later_clause_is_the_sentence_subject():
    paragraphs = [
        "“We stand together,” Joly said.",
        "She met Rubio on the margins, and said Canadians were “insulted” by the remarks.",
    ]
    joly = person("Mélanie Joly", "Minister of Foreign Affairs", forms=("Joly",))
    assert spoken(paragraphs, findings([joly, RUBIO]))[1] == ("insulted", "Mélanie Joly", "said")


def test_the_speaker_of_a_second_quote_is_not_read_inside_the_first():
    acme = organization("Acme Corporation", "Acme", kind="company")
    text = "“Acme is ready,” Rubio said, adding: “The plant opens in May.”"
    assert spoken([text], findings([RUBIO], [acme])) == [
        ("Acme is ready,", "Marco Rubio", "said"),
        ("The plant opens in May.", "Marco Rubio", "adding"),
    ]


def test_according_to_and_a_lower_case_title_and_a_ministry_spokesperson():
    ministry = organization("Ministry of Finance", kind="ministry")
    minister = person("Ana Lima", "Minister of Finance", "Ministry of Finance")
    paragraphs = [
        "The Ministry of Finance published the budget on Monday.",
        "“The deficit will fall,” according to Minister Lima.",
        "“Spending is under control,” the minister said.",
        "“The figures are final,” said a spokesperson for the Ministry.",
    ]
    assert spoken(paragraphs, findings([minister], [ministry])) == [
        ("The deficit will fall,", "Ana Lima", "according to"),
        ("Spending is under control,", "Ana Lima", "said"),
        ("The figures are final,", "Ministry of Finance", "said"),
    ]


def test_the_object_of_a_title_is_no_name():
    text = (
        "The Minister of Water Resources and Irrigation, Nurzhan Nurzhigitov, said the region "
        "could not afford “another summer of guesswork” on the river."
    )
    assert spoken([text], findings()) == [
        ("another summer of guesswork", "Nurzhan Nurzhigitov", "said")
    ]


def test_a_signature_after_a_dash_and_an_introduction_ending_the_paragraph_before():
    paragraphs = [
        "“We are thrilled to open the plant.” — Jane Doe, Chief Executive Officer of Acme",
        "Roe, the plant's manager, said:",
        "“The first shift starts on Monday.”",
    ]
    assert spoken(paragraphs, findings()) == [
        ("We are thrilled to open the plant.", "Jane Doe", "—"),
        ("The first shift starts on Monday.", None, "said"),
    ]
    roe = person("Mary Roe", "Manager")
    assert spoken(paragraphs, findings([roe]))[1] == (
        "The first shift starts on Monday.",
        "Mary Roe",
        "said",
    )


def test_a_named_spokesperson_speaks_and_a_title_yields_to_a_name():
    department = organization("Department of Energy", "Department", kind="ministry")
    ceo = person("Ann Smith", "CEO", "Acme")
    paragraphs = [
        "“We will review the bids,” Department spokesperson Jane Doe said.",
        "“Costs are falling,” the company’s CEO, Bob Stone, said.",
    ]
    assert spoken(paragraphs, findings([ceo], [department])) == [
        ("We will review the bids,", "Jane Doe", "said"),
        ("Costs are falling,", "Bob Stone", "said"),
    ]


def test_a_quote_paragraph_after_a_report_of_someone_s_words_is_theirs():
    paragraphs = [
        "Director Jane Doe said the plant would open in May.",
        "“We have hired four hundred people already.”",
        "The plant cost $40 million.",
        "“Nobody expected it to open so soon.”",
    ]
    assert spoken(paragraphs, findings()) == [
        ("We have hired four hundred people already.", "Jane Doe", "said"),
        ("Nobody expected it to open so soon.", None, ""),
    ]


def test_the_speaker_s_name_keeps_the_middle_initial_the_story_gives():
    paragraphs = [
        "Energy Secretary Jennifer M. Granholm visited the plant.",
        "“This plant matters,” said Jennifer Granholm.",
    ]
    assert spoken(paragraphs, findings()) == [
        ("This plant matters,", "Jennifer M. Granholm", "said")
    ]


# --- rules learned from the blind dev/ stories (each a rule of news copy, not a story's words) --


def test_a_quotation_split_by_an_inverted_said_clause_is_one_speaker_s():
    text = "“Airlines are doing better,” said Director General Jo Roe, “but margins are thin.”"
    assert spoken([text], findings()) == [
        ("Airlines are doing better,", "Jo Roe", "said"),
        ("but margins are thin.", "Jo Roe", "said"),
    ]


def test_a_surname_two_people_share_is_the_one_named_in_full_last():
    melinda = person("Melinda French Gates", known=False)
    paragraphs = [
        "The Gates Foundation will close in 2045.",
        "Co-founder Bill Gates said he would give away his fortune. “The money will do the most "
        "good now,” Gates wrote.",
        "He added: “I do not want to die rich.”",
        "Co-founder Melinda French Gates left the foundation in 2024.",
    ]
    found = findings([melinda], [organization("Gates Foundation", kind="nonprofit")])
    assert spoken(paragraphs, found) == [
        ("The money will do the most good now,", "Bill Gates", "wrote"),
        ("I do not want to die rich.", "Bill Gates", "added"),
    ]


def test_a_surname_the_source_shares_with_another_person_is_the_sources():
    source = person("Bob Poe", "Attorney General")
    judge = person("Marshall Poe", "Judge", known=False)
    paragraphs = [
        "The court sided with Attorney General Bob Poe, whose office sued.",
        "Judge Marshall Poe, who is not related to the attorney general, ruled after a trial.",
        "“This is a win for every shopper,” Poe said.",
    ]
    found = findings([source, judge])
    assert spoken(paragraphs, found, source) == [
        ("This is a win for every shopper,", "Bob Poe", "said")
    ]
    # without a source line, the one named in full last
    assert spoken(paragraphs, found) == [
        ("This is a win for every shopper,", "Marshall Poe", "said")
    ]


def test_a_pronoun_reaches_back_over_paragraphs_of_quotation():
    paragraphs = [
        "Ann Poe said the fund was large.",
        "Jo Roe said the plan was set. “We start now,” Roe wrote in a letter to Ann Poe. “It "
        "will take years.",
        "“Nobody should wait.”",
        "She added: “We will report every year.”",
    ]
    assert spoken(paragraphs, findings())[-1] == ("We will report every year.", "Jo Roe", "added")


def test_the_department_of_a_longer_name_is_that_department_not_the_last_organization():
    finance = organization("Department of Finance", kind="ministry")
    apple = organization("Apple Inc.", "Apple", kind="company")
    paragraphs = [
        "The court ruled against Apple on Tuesday.",
        "“Ireland will respect the judgment,” the Department of Finance said in a statement.",
    ]
    assert spoken(paragraphs, findings(organizations=[finance, apple])) == [
        ("Ireland will respect the judgment,", "Department of Finance", "said")
    ]


def test_an_unnamed_official_is_no_speaker_but_a_spokesperson_speaks_for_the_body():
    state = organization("Department of State", "State Department", kind="ministry")
    paragraphs = [
        "“Kenya has stepped up,” a senior State Department official said.",
        "“We will fund the mission,” a State Department spokesperson said.",
    ]
    assert spoken(paragraphs, findings(organizations=[state])) == [
        ("Kenya has stepped up,", None, "said"),
        ("We will fund the mission,", "Department of State", "said"),
    ]


def test_the_statement_said_is_whoever_issued_the_statement():
    paragraphs = [
        "Its spokesman, Olu Ade, said in a statement that the company would buy the fuel. “We "
        "will work with every refiner,” the statement added."
    ]
    assert spoken(paragraphs, findings()) == [
        ("We will work with every refiner,", "Olu Ade", "added")
    ]


def test_the_demonym_government_is_that_country_s_government():
    dutch = Candidate("Government of the Netherlands", "country", "name", [], "NL")
    found = Findings(organizations=[], countries=[], candidates=[dutch], ambiguous=[], people=[])
    paragraphs = [
        "The Government of the Netherlands extended the licence rules.",
        "The Dutch government said the change “harmonises” the regime.",
        "The Belgian government said the change “complicates” trade.",
    ]
    assert spoken(paragraphs, found) == [
        ("harmonises", "Government of the Netherlands", "said"),
        ("complicates", None, "said"),
    ]


def test_the_university_is_nobody_when_the_sentence_naming_it_names_two():
    ohio = organization("The Ohio State University", "Ohio State", kind="university")
    nebraska = organization("University of Nebraska", kind="university")
    paragraphs = [
        "Carter became president of The Ohio State University after leading the University of "
        "Nebraska.",
        "“Our mission has never been more important,” the university said.",
    ]
    assert spoken(paragraphs, findings(organizations=[ohio, nebraska])) == [
        ("Our mission has never been more important,", None, "said")
    ]
    alone = [paragraphs[0].replace("after leading the University of Nebraska", "in January")]
    assert spoken([*alone, paragraphs[1]], findings(organizations=[ohio, nebraska]))[0][1] == (
        "The Ohio State University"
    )


def test_a_title_s_object_and_a_hyphenated_title_are_no_part_of_the_name():
    klever = person("Development Reinette Klever", known=False)
    vestager = person("Vice-President Margrethe Vestager", known=False)
    paragraphs = [
        "Minister for Foreign Trade and Development Reinette Klever announced the rules. "
        "“We have assessed the risks,” she said.",
        "Executive Vice-President Margrethe Vestager called it “a big win for tax justice.”",
    ]
    assert spoken(paragraphs, findings([klever, vestager])) == [
        ("We have assessed the risks,", "Reinette Klever", "said"),
        ("a big win for tax justice.", "Margrethe Vestager", "called"),
    ]


def test_mr_and_a_family_name_written_first_name_the_subject_a_pronoun_refers_to():
    lee = person("Lee Hsien Loong", known=False)
    wong = person("Lawrence Wong", known=False)
    paragraphs = [
        "“My style will be different,” Mr Wong told the guests.",
        "Mr Lee stays in the Cabinet. In a post, he wrote that serving had been “the honour of "
        "my life.”",
    ]
    assert spoken(paragraphs, findings([wong, lee]))[1] == (
        "the honour of my life.",
        "Lee Hsien Loong",
        "wrote",
    )


def test_a_full_stop_inside_a_known_name_ends_no_sentence():
    studio = organization("Warner Bros. Discovery, Inc.", "Warner Bros. Discovery", kind="company")
    text = "“We believe the refusal breaches our rights,” Warner Bros. Discovery said."
    assert spoken([text], findings(organizations=[studio])) == [
        ("We believe the refusal breaches our rights,", "Warner Bros. Discovery, Inc.", "said")
    ]


def test_a_nickname_with_the_surname_is_the_nicknamed_person_not_someone_new():
    jose = person("José Núñez", "Director", known=False, forms=('José "Pepe" Núñez',))
    text = "“Every hour saved at the border counts,” said Director Pepe Núñez."
    assert spoken([text], findings([jose])) == [
        ("Every hour saved at the border counts,", "José Núñez", "said")
    ]


def test_two_people_side_by_side_are_no_single_speaker():
    paragraphs = [
        "“We agree on everything,” said Jane Roe and John Poe in a joint statement.",
        "In a joint statement, Jane Roe and John Poe said: “The talks will go on.”",
        "Jane Roe met John Poe and Ann Lee on Monday and said the talks had gone “very well.”",
    ]
    assert spoken(paragraphs, findings()) == [
        ("We agree on everything,", None, "said"),
        ("The talks will go on.", None, "said"),
        ("very well.", "Jane Roe", "said"),
    ]


def test_an_unnamed_analyst_at_a_bank_and_a_company_with_an_ampersand_are_no_person():
    bank = organization("Acme Bank", kind="company")
    paragraphs = [
        "“Rates will fall,” said an analyst at Acme Bank.",
        "“We are ready,” said Johnson & Johnson in a statement.",
    ]
    assert spoken(paragraphs, findings(organizations=[bank])) == [
        ("Rates will fall,", None, "said"),
        ("We are ready,", None, "said"),
    ]


def test_the_company_is_nobody_after_a_sentence_naming_two_companies():
    acme = organization("Acme Corporation", "Acme", kind="company")
    beta = organization("Beta Inc.", "Beta", kind="company")
    paragraphs = [
        "Acme agreed to buy Beta. “The deal makes sense,” the company said.",
        "Acme reported record sales. “The year was strong,” the company said.",
    ]
    assert spoken(paragraphs, findings(organizations=[acme, beta])) == [
        ("The deal makes sense,", None, "said"),
        ("The year was strong,", "Acme Corporation", "said"),
    ]


def test_a_lower_case_title_before_the_name_after_the_quote():
    text = "“We raised the money,” co-founder and CEO Ana Lima said."
    lima = person("Ana Lima", "co-founder and CEO", known=False)
    assert spoken([text], findings([lima])) == [("We raised the money,", "Ana Lima", "said")]


def test_a_quote_opening_a_sentence_after_a_sentence_reporting_someones_words():
    paragraphs = [
        "The firm admitted the faults.",
        "Rubio said the schedules were too tight. “Management is responsible.”",
    ]
    assert spoken(paragraphs, findings([RUBIO])) == [
        ("Management is responsible.", "Marco Rubio", "said")
    ]


def test_a_family_name_first_used_alone_is_the_person():
    paragraphs = [
        "The bank named Tan Su Shan as chief executive, succeeding Piyush Gupta.",
        "“It has been a privilege,” Gupta said.",
        "Tan joined the bank in 2010. “I look forward to working with Piyush,” she said.",
    ]
    people = [person("Tan Su Shan", known=False), person("Piyush Gupta", known=False)]
    assert [s for _, s, _ in spoken(paragraphs, findings(people))] == [
        "Piyush Gupta", "Tan Su Shan",
    ]  # fmt: skip


def test_a_quote_after_a_sentence_describing_what_someone_said():
    paragraphs = ["In his address, Rubio described the treaty as a milestone. “It will last.”"]
    assert spoken(paragraphs, findings([RUBIO])) == [("It will last.", "Marco Rubio", "described")]


def test_a_bodys_title_holder_named_after_it_is_the_speaker_not_the_body():
    found = findings([], [organization("Harbor Data Authority", "HDA")])
    text = "“The rules guard rights,” HDA chairman Ana Lima said. “We will appeal,” the HDA said."
    assert [(q, who) for q, who, _ in spoken([text], found)] == [
        ("The rules guard rights,", "Ana Lima"),
        ("We will appeal,", "Harbor Data Authority"),
    ]


def test_a_sentences_conjunction_is_no_part_of_a_speakers_name():
    found = findings([], [organization("Acme Rides", "Acme")])
    paragraphs = [
        "Because Acme’s headquarters are in Oslo, the case went to the regulator, which said so.",
        "Acme called the fine “completely unjustified” and said it would appeal.",
    ]
    assert [(q, who) for q, who, _ in spoken(paragraphs, found)] == [
        ("completely unjustified", "Acme Rides")
    ]


def test_a_quotations_first_words_are_no_persons_full_name():
    """ "Gopal said: “Joining Kestrel allows us to grow.”" gives "Kestrel" no first name: a
    surname's full name is looked for outside the quotation marks' first words."""
    paragraphs = ("Jo Gopal said: “Joining Kestrel allows us to grow.”", "Kestrel agreed.")
    assert _full_name_in("Kestrel", paragraphs) is None
    assert _full_name_in("Gopal", paragraphs) == ["Jo", "Gopal"]


def test_a_speaker_named_with_his_generation_is_the_person_not_the_body_after_him():
    carter = person("Dorval R. Harbor Jr.", known=False)
    pallone = person("Frank Quay, Jr.", "Chairman", known=False)
    paragraphs = [
        "“Riders deserve service,” said Dorval R. Harbor Jr., President of the Harbor Transit "
        "Authority.",
        "“Americans have had no say,” Quay said.",
    ]
    found = findings([carter, pallone], [organization("Harbor Transit Authority")])
    assert spoken(paragraphs, found) == [
        ("Riders deserve service,", "Dorval R. Harbor Jr.", "said"),
        ("Americans have had no say,", "Frank Quay, Jr.", "said"),
    ]
