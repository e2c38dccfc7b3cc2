"""The source line as an editor reads it, through the importer: the person, their title and the
organization they speak for (found in the registry, implied by the title, or created)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from people.models import Organization, Person, Role
from tests.factories import (
    OrganizationAliasFactory,
    OrganizationFactory,
    PersonFactory,
    RoleFactory,
)

pytestmark = pytest.mark.django_db


def story(
    attribution: str, body: str = "The talks went well on Monday.", label: str = "Newsroom"
) -> str:
    return (
        f"Talks went well\n\nWebp x1\n{attribution} | {label}\n\nTalks went well\n\n"
        f"ORGANIZATIONS IN THIS STORY\n\n{body}\n\nORGANIZATIONS IN THIS STORY\n"
    )


def import_story(
    tmp_path, attribution: str, body: str = "The talks went well on Monday.", label="Newsroom"
) -> dict:
    path = tmp_path / "story.txt"
    path.write_text(story(attribution, body, label), encoding="utf-8")
    out = StringIO()
    call_command("import_stories", str(path), "--json", stdout=out)
    [report] = json.loads(out.getvalue())
    assert report["errors"] == []
    return report


def roles_by_person() -> dict:
    """Each source person's (title, organization), by name."""
    return {r.person.full_name: (r.title, r.organization) for r in Role.objects.all()}


def source_role() -> Role:
    return Role.objects.select_related("person", "organization").get()


def test_ceo_of_an_unknown_company_creates_the_company(tmp_path):
    report = import_story(tmp_path, "Ann Poe, CEO of Northwind Widgets")
    assert report["source"]["title"] == "CEO"
    role = source_role()
    assert (role.title, role.organization.name) == ("CEO", "Northwind Widgets")
    assert role.organization.kind == "company"  # guessed from the title, not the name


def test_a_name_with_a_suffix_and_commas_imports(tmp_path):
    OrganizationFactory(name="United States", kind="country", country="US")
    report = import_story(tmp_path, "Joseph R. Biden, Jr., President of the United States")
    assert report["status"] == "created"
    role = source_role()
    assert role.person.full_name == "Joseph R. Biden, Jr."
    assert (role.title, role.organization.name) == ("President", "United States")


def test_titles_with_commas_stay_titles(tmp_path):
    import_story(tmp_path, "Ann Poe, Chairman, President and CEO, Northwind Motors")
    role = source_role()
    assert role.title == "Chairman, President and CEO"
    assert role.organization.name == "Northwind Motors"
    assert role.organization.kind == "company"


def test_minister_of_foreign_affairs_of_a_country_is_its_ministry(tmp_path):
    latvia = OrganizationFactory(name="Latvia", kind="country", country="LV")
    ministry = OrganizationFactory(
        name="Ministry of Foreign Affairs of the Republic of Latvia", kind="ministry", country="LV"
    )
    import_story(tmp_path, "Ann Poe, Minister of Foreign Affairs of Latvia")
    role = source_role()
    assert (role.title, role.organization) == ("Minister of Foreign Affairs", ministry)
    assert latvia.pk != ministry.pk


def test_minister_for_foreign_affairs_takes_the_country_the_story_names(tmp_path):
    OrganizationFactory(name="Ireland", kind="country", country="IE")
    ministry = OrganizationFactory(
        name="Department of Foreign Affairs", kind="ministry", country="IE"
    )
    import_story(
        tmp_path,
        "Ann Poe, Minister for Foreign Affairs",
        "Ireland will host the talks, the minister said.",
    )
    role = source_role()
    assert (role.title, role.organization) == ("Minister for Foreign Affairs", ministry)


def test_a_minister_of_state_and_of_a_portfolio_heads_the_portfolios_ministry(tmp_path):
    OrganizationFactory(name="Côte d'Ivoire", kind="country", country="CI")
    ministry = OrganizationFactory(
        name="Ministry of Agriculture, Rural Development and Food of Côte d'Ivoire",
        kind="ministry",
        country="CI",
    )
    import_story(
        tmp_path,
        "Ann Poe, Minister of State, Minister of Agriculture, Rural Development and Food",
        "Côte d'Ivoire will host the talks, the minister said.",
    )
    role = source_role()
    assert role.organization == ministry


def test_title_for_a_portfolio_at_an_organization(tmp_path):
    state = OrganizationFactory(name="Department of State", kind="agency", country="US")
    import_story(tmp_path, "Ann Poe, Assistant Secretary for Oceans at the Department of State")
    role = source_role()
    assert (role.title, role.organization) == ("Assistant Secretary for Oceans", state)


def test_governor_of_a_state_is_the_states_government(tmp_path):
    ohio = OrganizationFactory(name="State of Ohio", kind="subnational", country="US")
    import_story(tmp_path, "Ann Poe, Governor of Ohio")
    role = source_role()
    assert (role.title, role.organization) == ("Governor", ohio)


def test_a_title_variant_reuses_the_role(tmp_path):
    state = OrganizationFactory(name="Department of State", kind="agency", country="US")
    person = PersonFactory(full_name="Tammy Bruce")
    role = RoleFactory(person=person, title="Spokesperson", organization=state)
    import_story(tmp_path, "Tammy Bruce, Department Spokesperson for the Department of State")
    assert list(Role.objects.all()) == [role]
    assert Person.objects.count() == 1
    assert Organization.objects.count() == 1


def story_with_label(tmp_path, line: str, body: str = "The talks went well.") -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        f"Talks went well\n\nWebp x1\n{line}\n\nTalks went well\n\nORGANIZATIONS IN THIS STORY"
        f"\n\n{body}\n\nORGANIZATIONS IN THIS STORY\n",
        encoding="utf-8",
    )
    call_command("import_stories", str(path), stdout=StringIO())


def test_the_label_names_the_organization_when_the_line_does_not(tmp_path):
    office = OrganizationFactory(name="Office of the High Commissioner for Tides", kind="agency")
    OrganizationFactory(name="Tuvalu", kind="country", country="TV")
    OrganizationAliasFactory(organization=office, name="OHCT")
    story_with_label(tmp_path, "Senator the Hon Ann Poe, Minister for Tides | OHCT")
    role = source_role()
    assert (role.person.full_name, role.title, role.organization) == (
        "Ann Poe", "Minister for Tides", office,
    )  # fmt: skip


def test_a_british_secretary_of_state_heads_a_department_for(tmp_path):
    OrganizationFactory(name="Department of State", kind="agency", country="US")
    story_with_label(tmp_path, "Ann Poe, Secretary of State for Transport | GOV.UK")
    role = source_role()
    assert (role.title, role.organization.name) == (
        "Secretary of State for Transport", "Department for Transport",
    )  # fmt: skip


def test_an_organization_before_the_title_and_a_degree_after_the_name(tmp_path):
    story_with_label(tmp_path, "Ann Poe, PhD, NWMA President | Northwind")
    role = source_role()
    assert (role.person.full_name, role.title, role.organization.name) == (
        "Ann Poe", "President", "NWMA",
    )  # fmt: skip


def test_a_company_board_belongs_to_the_title(tmp_path):
    company = OrganizationFactory(name="Northwind Werke GmbH", kind="company", country="DE")
    OrganizationAliasFactory(organization=company, name="Northwind")
    story_with_label(tmp_path, "Ann Poe, Chairman of the Northwind Board of Management | Media")
    role = source_role()
    assert (role.title, role.organization) == ("Chairman of the Board of Management", company)


def test_a_united_states_attorney_leads_the_districts_office(tmp_path):
    story_with_label(
        tmp_path, "Ann Poe, United States Attorney for the Eastern District of Nowhere | DOJ"
    )
    role = source_role()
    assert (role.title, role.organization.name) == (
        "United States Attorney",
        "United States Attorney's Office for the Eastern District of Nowhere",
    )


def test_two_bodies_in_the_line_take_the_first_known_one(tmp_path):
    company = OrganizationFactory(name="Northwind LLC", kind="company")
    OrganizationAliasFactory(organization=company, name="Northwind")
    story_with_label(tmp_path, "Ann Poe, CEO of Northwind and Southwind | The Blog")
    assert source_role().organization == company


def test_a_label_naming_a_states_body_is_named_as_news_copy_does(tmp_path):
    story_with_label(tmp_path, "Attorney General Ann Poe | State of Nowhere Department of Justice")
    role = source_role()
    assert (role.title, role.organization.name) == (
        "Attorney General", "Nowhere Department of Justice",
    )  # fmt: skip


def test_a_governor_without_a_state_speaks_for_the_state_the_story_names(tmp_path):
    OrganizationFactory(name="State of Ohio", kind="subnational", country="US")
    OrganizationFactory(name="State of Iowa", kind="subnational", country="US")
    path = tmp_path / "story.txt"
    path.write_text(
        "Bridges reopen\n\nWebp x1\nGovernor Ann Poe | Official Website\n\nBridges reopen\n\n"
        "ORGANIZATIONS IN THIS STORY\n\nOhio reopened two bridges; Ohio drivers and some from "
        "Iowa cheered.\n\nORGANIZATIONS IN THIS STORY\n",
        encoding="utf-8",
    )
    call_command("import_stories", str(path), stdout=StringIO())
    role = source_role()
    assert (role.title, role.organization.name) == ("Governor", "State of Ohio")


def test_a_photo_caption_is_no_source_person_and_its_label_names_the_issuer(tmp_path):
    OrganizationFactory(name="Northwind Widgets", kind="company")
    path = tmp_path / "story.txt"
    text = story("President Ann Poe speaks at the plant on 7 May.").replace(
        "| Newsroom", "| Northwind Widgets"
    )
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command("import_stories", str(path), "--json", stdout=out)
    [report] = json.loads(out.getvalue())
    assert not Person.objects.exists() and not Role.objects.exists()
    assert report["organizations"] == ["Northwind Widgets"]


@pytest.mark.parametrize(
    ("line", "title", "organization"),
    [
        ("Rwanda’s High Commissioner to the United Kingdom, Ann Poe",
         "High Commissioner to the United Kingdom",
         "High Commission of Rwanda in the United Kingdom"),
        ("Kenya's Permanent Representative to the United Nations, Ann Poe",
         "Permanent Representative to the United Nations",
         "Permanent Mission of Kenya to the United Nations"),
        ("India's Ambassador to the U.S. Ann Poe", "Ambassador to the U.S.",
         "Embassy of India in the U.S."),
    ],
)  # fmt: skip
def test_a_diplomat_speaks_for_the_mission_of_the_country_named_before_the_title(
    tmp_path, line, title, organization
):
    OrganizationFactory(name="United Nations", kind="multilateral")  # a post at a body it knows
    import_story(tmp_path, line)
    role = source_role()
    assert (role.person.full_name, role.title, role.organization.name) == (
        "Ann Poe", title, organization,
    )  # fmt: skip


def test_a_caption_of_two_people_doing_something_is_no_source_person(tmp_path):
    import_story(
        tmp_path,
        "President Ann Poe and President Jo Roe open the port by video link from Lima.",
    )
    assert not Person.objects.exists()


def test_a_photo_caption_posted_on_a_platform_does_not_tag_the_platform(tmp_path):
    OrganizationFactory(name="Facebook", kind="company", country="US")
    report = import_story(tmp_path, "Crowds gather at the dam on Sunday.")
    assert report["organizations"] == []
    report = import_story(tmp_path, "Crowds gather at the dam on Sunday.", label="Facebook")
    assert report["organizations"] == []


@pytest.mark.parametrize(
    "line",
    ["Ann Poe MS, Deputy Minister for Tides", "Ann Poe, MD, MPH, Deputy Minister for Tides"],
)
def test_post_nominals_are_no_part_of_the_name_or_the_title(tmp_path, line):
    import_story(tmp_path, line)
    role = source_role()
    assert (role.person.full_name, role.title) == ("Ann Poe", "Deputy Minister for Tides")


def test_a_portfolio_before_a_title_is_the_titles(tmp_path):
    import_story(tmp_path, "Finance Minister Ann Poe")
    role = source_role()
    assert (role.title, role.organization) == ("Finance Minister", None)


def test_a_head_of_state_or_government_of_a_country_speaks_for_their_office(tmp_path):
    OrganizationFactory(name="Tuvalu", kind="country", country="TV")
    presidency = OrganizationFactory(
        name="Office of the President of Tuvalu", kind="agency", country="TV"
    )
    OrganizationFactory(name="Presidential Communications Office", kind="agency", country="TV")
    # a ministry named after the presidency it serves is not the president's office
    OrganizationFactory(
        name="Ministry General Secretariat of the Presidency of Tuvalu",
        kind="ministry",
        country="TV",
    )
    cabinet = OrganizationFactory(name="Tuvaluan Cabinet", kind="agency", country="TV")
    story_with_label(tmp_path, "Ann Poe, President of Tuvalu | Newsroom")
    story_with_label(tmp_path, "Tom Fale, Prime Minister of Tuvalu | Newsroom")
    roles = roles_by_person()
    assert roles == {
        "Ann Poe": ("President", presidency),
        "Tom Fale": ("Prime Minister", cabinet),
    }


def test_a_presidential_secretariat_is_the_presidents_office_where_none_is_named_after_him(
    tmp_path,
):
    OrganizationFactory(name="Tuvalu", kind="country", country="TV")
    secretariat = OrganizationFactory(
        name="Presidential Secretariat of Tuvalu", kind="agency", country="TV"
    )
    story_with_label(tmp_path, "Ann Poe, President of Tuvalu | Newsroom")
    assert roles_by_person() == {"Ann Poe": ("President", secretariat)}


@pytest.mark.parametrize(
    ("line", "title", "organization"),
    [
        # a title in lower case, as companies write them
        ("Ann Poe, co-founder and CEO of Tidewater AI | Tidewater AI", "co-founder and CEO",
         "Tidewater AI"),
        # two titles listed with a comma, the second a portfolio: the label names the body
        ("Ann Poe, Deputy Prime Minister, Minister of National Defence | Ministry of National "
         "Defence", "Deputy Prime Minister, Minister of National Defence",
         "Ministry of National Defence"),
        # a rank, then the portfolio's title: both the title's, the label names the body
        ("Ann Poe, Minister of State, Minister of Agriculture | Ministry of Agriculture",
         "Minister of State, Minister of Agriculture", "Ministry of Agriculture"),
        # "<title> for <org>" where the label says the words after "for" are the body
        ("Ann Poe, Chief Executive Officer for Tidewater Ethiopia | Tidewater Ethiopia",
         "Chief Executive Officer", "Tidewater Ethiopia"),
        # a place's government as the label
        ("Ann Poe, Mayor | City of Tidewater", "Mayor", "City of Tidewater"),
        # a label naming an office of a department (not a press office) is the body
        ("Ann Poe, Assistant Secretary for Tides | Office of Tides", "Assistant Secretary for "
         "Tides", "Office of Tides"),
        # the label names the office of the title: a county's attorney
        ("Ann Poe, Tidewater County Attorney | Tidewater County Attorney’s Office",
         "County Attorney", "Tidewater County Attorney’s Office"),
    ],
)  # fmt: skip
def test_titles_and_bodies_the_line_and_its_label_give(tmp_path, line, title, organization):
    story_with_label(tmp_path, line)
    role = source_role()
    assert (role.person.full_name, role.title, role.organization.name) == (
        "Ann Poe", title, organization,
    )  # fmt: skip


def test_a_body_the_line_names_without_its_country_is_the_registrys(tmp_path):
    OrganizationFactory(name="Tuvalu", kind="country", country="TV")
    ministry = OrganizationFactory(
        name="Ministry of National Defence of Tuvalu", kind="ministry", country="TV"
    )
    OrganizationFactory(name="Ministry of National Defence of Fiji", kind="ministry", country="FJ")
    path = tmp_path / "story.txt"
    text = story(
        "Ann Poe, Deputy Prime Minister, Minister of National Defence", "Tuvalu signed on Monday."
    ).replace("| Newsroom", "| Ministry of National Defence")
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command("import_stories", str(path), "--json", stdout=out)
    [report] = json.loads(out.getvalue())
    assert source_role().organization == ministry  # no second "Ministry of National Defence"
    assert Organization.objects.filter(kind="ministry").count() == 2
    assert report["organizations"] == ["Ministry of National Defence of Tuvalu"]


@pytest.mark.parametrize(
    ("label", "organizations"),
    [
        # the label names the body that issued the release: it is in the story
        ("Tidewater Press Office", ["Office of the Mayor of Tidewater", "Tidewater Press Office"]),
        # a platform's one-word name is where the release was posted, not who issued it
        ("Facebook", ["Office of the Mayor of Tidewater"]),
    ],
)
def test_a_label_naming_a_body_of_the_registry_tags_it(tmp_path, label, organizations):
    OrganizationFactory(name="Office of the Mayor of Tidewater", kind="agency", country="US")
    OrganizationFactory(name="Tidewater Press Office", kind="agency", country="US")
    OrganizationFactory(name="Facebook", kind="company", country="US")
    path = tmp_path / "story.txt"
    text = story("Ann Poe, Spokesperson for the Office of the Mayor of Tidewater")
    path.write_text(text.replace("| Newsroom", f"| {label}"), encoding="utf-8")
    out = StringIO()
    call_command("import_stories", str(path), "--json", stdout=out)
    [report] = json.loads(out.getvalue())
    assert sorted(report["organizations"]) == organizations


def test_a_minister_of_several_portfolios_under_a_press_offices_label_speaks_for_the_first(
    tmp_path,
):
    """ "Union Minister for Railways, Information & Broadcasting | PIB": the ministry of the
    first portfolio the registry has a ministry of, in the country of the label's body."""
    OrganizationFactory(name="Tuvalu", kind="country", country="TV")
    office = OrganizationFactory(name="Press Bureau of Tuvalu", kind="agency", country="TV")
    OrganizationAliasFactory(organization=office, name="TPB")
    railways = OrganizationFactory(
        name="Ministry of Railways of Tuvalu", kind="ministry", country="TV"
    )
    OrganizationFactory(name="Ministry of Tides and Reefs", kind="ministry", country="TV")
    line = "Ann Poe, Union Minister for Railways, Tides & Reefs and Ports | TPB"
    story_with_label(tmp_path, line)
    role = source_role()
    assert (role.title, role.organization) == (
        "Union Minister for Railways, Tides & Reefs and Ports", railways,
    )  # fmt: skip


def test_a_ministers_title_names_the_registrys_ministry_of_a_country_the_story_names(tmp_path):
    OrganizationFactory(name="Tuvalu", kind="country", country="TV")
    OrganizationFactory(name="Fiji", kind="country", country="FJ")
    ministry = OrganizationFactory(
        name="Federal Ministry for Tides and Climate Action", kind="ministry", country="TV"
    )
    OrganizationFactory(name="Ministry for Reefs", kind="ministry", country="FJ")
    path = tmp_path / "story.txt"
    line = "Ann Poe, Federal Minister for Tides and Climate Action"
    path.write_text(story(line, "Tuvalu signed on Monday."), encoding="utf-8")
    call_command("import_stories", str(path), stdout=StringIO())
    assert Role.objects.get(person__full_name="Ann Poe").organization == ministry
    # Fiji's "Ministry for Reefs" is not Tuvalu's minister's, in a story naming Tuvalu only
    path.write_text(story("Tom Fale, Minister for Reefs", "Tuvalu acted on Monday."), "utf-8")
    call_command("import_stories", str(path), stdout=StringIO())
    assert Role.objects.get(person__full_name="Tom Fale").organization.name != "Ministry for Reefs"


@pytest.mark.parametrize(
    ("line", "name", "title", "organization"),
    [
        # a title before the name, the body after the comma
        ("Mayor Ann Poe, City of Tidewater | Office of the Mayor", "Ann Poe", "Mayor",
         "City of Tidewater"),
        ("Chief Justice Ann Poe, Supreme Court of Tidewater | Court News", "Ann Poe",
         "Chief Justice", "Supreme Court of Tidewater"),
        # a rank before the name is part of neither the name nor the title
        ("Lt. Gen. Ann Poe, Commanding General, Tidewater Army Corps | Army", "Ann Poe",
         "Commanding General", "Tidewater Army Corps"),
        ("Cdr. Ann Poe, Public Affairs Officer, Tidewater Naval Station | Navy", "Ann Poe",
         "Public Affairs Officer", "Tidewater Naval Station"),
        # a title whose "of" names no body
        ("Ann Poe, Chancellor of the Exchequer | Newsroom", "Ann Poe",
         "Chancellor of the Exchequer", None),
        ("Ann Poe, Chief of Staff of the Tidewater Army Corps | Army", "Ann Poe",
         "Chief of Staff", "Tidewater Army Corps"),
        # a portfolio listed with commas, its last part long
        ("Ann Poe, Commissioner for Climate, Net Zero and Clean Growth | Newsroom", "Ann Poe",
         "Commissioner for Climate, Net Zero and Clean Growth", None),
        # a portfolio, then a body with "and" in its name: the body is no part of the portfolio
        ("Ann Poe, Minister of State for Trade Policy, Department for Widgets and Trade | Gov",
         "Ann Poe", "Minister of State for Trade Policy", "Department for Widgets and Trade"),
        # the body, then the title's portfolio
        ("Ann Poe, Executive Vice-President of the Tidewater Commission for a Harbor Fit for the "
         "Digital Age | TC", "Ann Poe", "Executive Vice-President for a Harbor Fit for the "
         "Digital Age", "Tidewater Commission"),
        # a board's chair: the board is the title's, the body after it the organization
        ("Ann Poe, Chair of the Board of Trustees of the Tidewater Foundation | News", "Ann Poe",
         "Chair of the Board of Trustees", "Tidewater Foundation"),
        ("Ann Poe, Chairman of the Board of Directors of Tidewater Widgets Corporation | News",
         "Ann Poe", "Chairman of the Board of Directors", "Tidewater Widgets Corporation"),
        # a field of work after "of" is the title's; a second role after "and" is not spoken in
        ("Ann Poe, Director of Communications | Newsroom", "Ann Poe", "Director of Communications",
         None),
        ("Ann Poe, Executive Director of the Harbor Foundation and former Mayor of Tidewater | N",
         "Ann Poe", "Executive Director", "Harbor Foundation"),
        # an article before the title
        ("Ann Poe, a spokesperson for the Tidewater Widget Agency | News", "Ann Poe",
         "spokesperson", "Tidewater Widget Agency"),
        # a body's name ending in initials keeps their full stop
        ("Ann Poe, Executive Vice President, Tidewater Widgets U.S. | Newsroom", "Ann Poe",
         "Executive Vice President", "Tidewater Widgets U.S."),
        # a U.S. bank's legal form ("National Association")
        ("Ann Poe, Chair and CEO of Tidewater Bank, N.A. | Newsroom", "Ann Poe", "Chair and CEO",
         "Tidewater Bank, N.A."),
        # a title's field of work between the title and the company
        ("Ann Poe, Vice President, Investor Relations, Tidewater Widgets Inc. | Newsroom",
         "Ann Poe", "Vice President, Investor Relations", "Tidewater Widgets Inc."),
        # a member for a seat: the seat is no body
        ("Ann Poe, Member of Parliament for Tidewater Centre | Newsroom", "Ann Poe",
         "Member of Parliament", None),
        ("Ann Poe, Member of the Tidewater Parliament for Harbor South | Newsroom", "Ann Poe",
         "Member", "Tidewater Parliament"),
        # a title with "of" for a city's government
        ("Ann Poe, Chief of Police for the City of Tidewater | Police", "Ann Poe",
         "Chief of Police", "City of Tidewater"),
    ],
)  # fmt: skip
def test_ranks_titles_before_the_name_and_titles_with_of(tmp_path, line, name, title, organization):
    story_with_label(tmp_path, line)
    role = source_role()
    assert (role.person.full_name, role.title) == (name, title)
    assert (role.organization.name if role.organization else None) == organization


def test_a_registry_company_after_listed_titles_is_the_company_whatever_its_first_word(tmp_path):
    OrganizationFactory(name="General Widgets", kind="company", country="US")
    story_with_label(tmp_path, "Ann Poe, Chair and CEO, General Widgets | Newsroom")
    role = source_role()
    assert (role.title, role.organization.name) == ("Chair and CEO", "General Widgets")


def test_a_prime_minister_without_a_country_speaks_for_the_office_of_the_storys_country(
    tmp_path,
):
    OrganizationFactory(name="Tuvalu", kind="country", country="TV")
    # a province's premier first: no prime minister's office for all that
    province = OrganizationFactory(name="Government of Funafuti", kind="subnational", country="TV")
    OrganizationFactory(name="Office of the Premier of Funafuti", kind="agency", country="TV",
                        parent=province)  # fmt: skip
    cabinet = OrganizationFactory(name="Office of the Prime Minister of Tuvalu", kind="agency",
                                  country="TV")  # fmt: skip
    story_with_label(tmp_path, "Tom Fale, Prime Minister | pm.gov.tv",
                     body="Tuvalu signed the agreement on Monday.")  # fmt: skip
    assert source_role().organization == cabinet


@pytest.mark.parametrize(
    ("line", "name", "title"),
    [
        # a party and state after the name, as Congress writes it
        ("Rep. Ann Poe (R-OH), Chairman of the Tidewater Caucus | Press", "Ann Poe", "Chairman"),
        ("Senator Ann Poe (D-Calif.) | Press", "Ann Poe", "Senator"),
        ("Sen. Ann Poe, R-Texas | Press", "Ann Poe", "Senator"),
        # courtesy styles before the name, honours and seats after it
        ("H.E. Ann Poe, Minister of Widgets | Press", "Ann Poe", "Minister of Widgets"),
        ("The Honourable Ann Poe, Premier | Press", "Ann Poe", "Premier"),
        ("The Rt. Hon. Ann Poe MP, Foreign Secretary | Press", "Ann Poe", "Foreign Secretary"),
        ("Ann Poe KC OBE, Director of Public Prosecutions | Press", "Ann Poe",
         "Director of Public Prosecutions"),
        ("Rep. Ann Poe, D-N.Y. | Press", "Ann Poe", "Representative"),
        # a rank written out, or with its modifier
        ("Admiral Ann Poe, Commander, Tidewater Fleet | Navy", "Ann Poe", "Commander"),
        ("Rear Adm. Ann Poe, Commander, Tidewater Fleet | Navy", "Ann Poe", "Commander"),
        # a city's council member, by title and name only
        ("Councilmember Ann Poe | Tidewater City Council", "Ann Poe", "Councilmember"),
    ],
)  # fmt: skip
def test_party_tags_and_ranks_are_no_part_of_the_name(tmp_path, line, name, title):
    story_with_label(tmp_path, line)
    role = source_role()
    assert (role.person.full_name, role.title) == (name, title)


def test_the_prime_ministers_own_office_before_a_cabinet_office_or_a_presidents_chancellery(
    tmp_path,
):
    OrganizationFactory(name="Tuvalu", kind="country", country="TV")
    OrganizationFactory(name="Cabinet Office of Tuvalu", kind="agency", country="TV")
    OrganizationFactory(name="Chancellery of the President of Tuvalu", kind="agency", country="TV")
    office = OrganizationFactory(name="Prime Minister's Office of Tuvalu", kind="agency",
                                 country="TV")  # fmt: skip
    story_with_label(tmp_path, "Tom Fale, Prime Minister of Tuvalu | Newsroom")
    assert source_role().organization == office


@pytest.fixture
def tidewater():
    """A state and its attorney general's office (its department of justice)."""
    state = OrganizationFactory(name="State of Tidewater", kind="subnational", country="US")
    office = OrganizationFactory(name="Tidewater Department of Justice", kind="agency",
                                 country="US", parent=state)  # fmt: skip
    OrganizationAliasFactory(organization=office,
                             name="Office of the Attorney General of Tidewater")  # fmt: skip
    return state, office


def test_an_officer_of_a_place_speaks_for_the_office_they_head(tmp_path, tidewater):
    state, office = tidewater
    story_with_label(tmp_path, "Ann Poe, Attorney General of Tidewater | TW Justice")
    story_with_label(tmp_path, "Tom Fale, Governor of Tidewater | Newsroom")
    roles = {r.person.full_name: r.organization for r in Role.objects.all()}
    assert roles == {"Ann Poe": office, "Tom Fale": state}  # a governor speaks for the state


def test_a_body_whose_name_has_a_comma_before_and(tmp_path):
    story_with_label(
        tmp_path,
        "Ann Poe, Ranking Member of the Subcommittee on Tides, and Related Agencies | Press",
    )
    role = source_role()
    assert (role.title, role.organization.name) == (
        "Ranking Member", "Subcommittee on Tides, and Related Agencies",
    )  # fmt: skip


def test_a_senator_without_a_body_sits_in_the_senate(tmp_path):
    senate = OrganizationFactory(name="Tidewater Senate", kind="legislature", country="US")
    OrganizationAliasFactory(organization=senate, name="Senate")
    story_with_label(tmp_path, "Senator Ann Poe | Official Website")
    assert source_role().organization == senate


def test_a_us_senator_sits_in_the_us_senate(tmp_path):
    senate = OrganizationFactory(name="Tidewater Senate", kind="legislature", country="US")
    OrganizationAliasFactory(organization=senate, name="Senate")
    story_with_label(tmp_path, "U.S. Senator Ann Poe | poe.senate.gov")
    role = source_role()
    assert (role.title, role.organization) == ("U.S. Senator", senate)


def people_found(attribution: str, body: str) -> list[str]:
    """The people the importer tags in a story: the engine's, with the source person."""
    from stories.importers.plaintext import parse_story_text
    from stories.tagging import story_findings

    parsed = parse_story_text(story(attribution, body), "story.txt")
    return [p.name for p in story_findings(parsed).people]


def test_the_source_person_named_with_a_middle_initial_is_the_body_s_person(tmp_path):
    people = people_found(
        "Ann Q. Poe, Secretary of Tides",
        "“We are ready,” said Secretary of Tides Ann Poe. “Yes,” said Tom Fale.",
    )
    assert people == ["Ann Q. Poe", "Tom Fale"]


def test_a_family_name_in_capitals_is_written_as_the_body_writes_the_person(tmp_path):
    from stories.importers.plaintext import parse_story_text

    OrganizationFactory(name="Tidewater Tobacco Inc.", kind="company", country="JP")
    line = "POEKAWA Annaki, President, Tidewater Tobacco Inc."
    body = "“We are ready,” said Annaki Poekawa. The deal closes in May, Poekawa added."
    assert parse_story_text(story(line, body), "s.txt").source.person_name == "Annaki Poekawa"
    assert people_found(line, body) == ["Annaki Poekawa"]
    # the line's own form when the body does not name the person
    assert parse_story_text(story(line), "s.txt").source.person_name == "POEKAWA Annaki"


def test_the_source_persons_last_names_in_the_body_are_the_source_person(tmp_path):
    people = people_found(
        "Ann Al Poe, Director of Tides",
        "“We are ready,” said Ambassador Al Poe on Monday. “Yes,” said Tom Fale.",
    )
    assert people == ["Ann Al Poe", "Tom Fale"]


def test_a_states_officer_written_before_the_title_and_the_speaker_of_the_house(
    tmp_path, tidewater
):
    _, office = tidewater
    house = OrganizationFactory(name="Tidewater House", kind="legislature", country="US")
    OrganizationAliasFactory(organization=house, name="House of Representatives")
    story_with_label(tmp_path, "Ann Poe, Tidewater Attorney General | TW AG")
    story_with_label(tmp_path, "Tom Fale, Speaker of the House | Press")
    roles = roles_by_person()
    assert roles == {
        "Ann Poe": ("Attorney General", office),
        "Tom Fale": ("Speaker of the House", house),
    }


def test_a_peer_and_a_treasurer(tmp_path):
    OrganizationFactory(name="Tuvalu", kind="country", country="TV")
    treasury = OrganizationFactory(name="Department of the Treasury of Tuvalu", kind="ministry",
                                   country="TV")  # fmt: skip
    story_with_label(tmp_path, "Lord Fale of Funafuti, Minister for Tides | Press")
    story_with_label(tmp_path, "Ann Poe, Treasurer | Press", body="Tuvalu cut taxes.")
    roles = roles_by_person()
    assert roles["Lord Fale of Funafuti"][0] == "Minister for Tides"
    assert roles["Ann Poe"] == ("Treasurer", treasury)


def test_a_minister_of_several_portfolios_under_a_governments_label_speaks_for_the_ministry(
    tmp_path,
):
    OrganizationFactory(name="Tuvalu", kind="country", country="TV")
    OrganizationFactory(name="Vaiaku Palace", kind="agency", country="TV")
    ministry = OrganizationFactory(
        name="Ministry of Foreign Affairs, Labour and Trade of Tuvalu",
        kind="ministry",
        country="TV",
    )
    story_with_label(
        tmp_path, "Ann Poe, Minister for Foreign Affairs, Labour and Trade | Vaiaku Palace"
    )
    story_with_label(tmp_path, "Tom Fale, Minister for Reefs and Lagoons | Vaiaku Palace")
    assert roles_by_person() == {
        "Ann Poe": ("Minister for Foreign Affairs, Labour and Trade", ministry),
        # no ministry for those portfolios: the label's body
        "Tom Fale": (
            "Minister for Reefs and Lagoons",
            Organization.objects.get(name="Vaiaku Palace"),
        ),
    }


def test_offices_the_line_names_through_their_country_or_place(tmp_path):
    OrganizationFactory(name="United Kingdom", kind="country", country="GB")
    defence = OrganizationFactory(
        name="Ministry of Defence of the United Kingdom", kind="ministry", country="GB"
    )
    OrganizationFactory(name="Tuvalu", kind="country", country="TV")
    OrganizationAliasFactory(
        organization=Organization.objects.get(name="Tuvalu"), name="Republic of Tuvalu"
    )
    foreign = OrganizationFactory(
        name="Ministry of Foreign Affairs of Tuvalu", kind="ministry", country="TV"
    )
    city = OrganizationFactory(
        name="City of Fairbridge (municipal government)", kind="subnational", country="US"
    )
    OrganizationAliasFactory(organization=city, name="City of Fairbridge", is_case_sensitive=True)
    story_with_label(tmp_path, "Ann Poe, Secretary of State for Defence | GOV.UK")
    story_with_label(tmp_path, "Tom Fale, Minister of Foreign Affairs of the Republic of Tuvalu")
    story_with_label(tmp_path, "Jo Lin, Mayor of Fairbridge | Newsroom")
    assert {name: organization for name, (_, organization) in roles_by_person().items()} == {
        "Ann Poe": defence,  # not a "Department for Defence"
        "Tom Fale": foreign,  # not a new "Ministry of Foreign Affairs of Republic of Tuvalu"
        "Jo Lin": city,
    }


@pytest.mark.parametrize(
    "title",
    [
        "Assistant Secretary of State for African Affairs",
        "Under Secretary of State for Public Diplomacy",
        "Acting Assistant Secretary of State for Consular Affairs",
    ],
)
def test_a_deputy_of_a_secretary_for_a_portfolio_works_in_the_secretarys_department(
    tmp_path, title
):
    department = OrganizationFactory(name="Department of State", kind="agency", country="US")
    story_with_label(tmp_path, f"Ann Poe, {title} | Newsroom")
    role = source_role()
    assert (role.title, role.organization) == (title, department)


def test_a_second_title_with_its_body_after_a_first(tmp_path):
    story_with_label(
        tmp_path, "Ann Poe, Minister of State for Widgets, the President and CEO of WidgetCo | W"
    )
    role = source_role()
    assert (role.title, role.organization.name) == (
        "Minister of State for Widgets, President and CEO", "WidgetCo",
    )  # fmt: skip


def test_what_a_photo_caption_names_is_in_the_story(tmp_path):
    agency = OrganizationFactory(name="Tidewater Widget Agency", kind="agency", country="US")
    report = import_story(
        tmp_path, "Tidewater Widget Agency inspectors tour the new plant on Monday."
    )
    assert report["source"]["name"] is None
    assert report["caption"] == "Tidewater Widget Agency inspectors tour the new plant on Monday."
    assert report["organizations"] == [agency.name]


@pytest.mark.parametrize(
    ("bodies", "line", "person", "title", "organization"),
    [
        # a label that is a body's website names the body
        ([("Tidewater Migration Agency", "multilateral", "", {"website": "https://www.tidemigration.int/"})],
         "Director General Ann Poe | tidemigration.int", "Ann Poe", "Director General",
         "Tidewater Migration Agency"),
        # a place's office, named by its website
        ([("State of Tidewater", "subnational", "US", {}),
          ("Tidewater State Office of the Attorney General", "agency", "US",
           {"parent": "State of Tidewater", "website": "https://www.atg.tidewater.gov"})],
         "Ann Poe, Attorney General of Tidewater | atg.tidewater.gov", "Ann Poe",
         "Attorney General", "Tidewater State Office of the Attorney General"),
        # a title "of" a country, and the website of one of the country's bodies: that body
        ([("Tidewater", "country", "TW", {}),
          ("Statistics Tidewater", "agency", "TW", {"website": "https://www.stat.tw"})],
         "Ann Poe, Chief Statistician of Tidewater | stat.tw", "Ann Poe", "Chief Statistician",
         "Statistics Tidewater"),
        # but a governor heads the state itself, whatever the website's office
        ([("State of Tidewater", "subnational", "US", {}),
          ("Office of the Governor of Tidewater", "agency", "US",
           {"parent": "State of Tidewater", "website": "https://governor.tidewater.gov"})],
         "Ann Poe, Governor of Tidewater | governor.tidewater.gov", "Ann Poe", "Governor",
         "State of Tidewater"),
        # a body's acronym, then the title and the name
        ([("Tidewater Harbor Agency", "agency", "US", {"aliases": ["THA"]})],
         "THA Administrator Ann Poe | Newsroom", "Ann Poe", "Administrator",
         "Tidewater Harbor Agency"),
        # two people joined by "and": the first speaks
        ([("Commonwealth of Tidewater", "subnational", "US", {})],
         "Governor Ann Poe and Lt. Governor Jo Roe | Commonwealth of Tidewater", "Ann Poe",
         "Governor", "Commonwealth of Tidewater"),
        # a body whose name holds a comma, after "at the"
        ([("University of Tidewater, Westbrook", "university", "US", {})],
         "Ann Poe, PhD, Professor of Tides at the University of Tidewater, Westbrook | Newsroom",
         "Ann Poe", "Professor of Tides", "University of Tidewater, Westbrook"),
        # a title's fields listed with commas, one of them holding "and"
        ([("Tidewater Inc.", "company", "US", {"aliases": ["Tidewater"]})],
         "Ann Poe, Vice President, Environment, Policy, and Social Initiatives, Tidewater | "
         "Newsroom", "Ann Poe", "Vice President, Environment, Policy, and Social Initiatives",
         "Tidewater Inc."),
        # styles before a long name, with its particles; His Excellency without full stops
        ([("Tidewater Ministry of Tides", "ministry", "TW", {})],
         "H.E. Sheikh Ann bin Poe bin Jo Al-Roe, Prime Minister | Tidewater Ministry of Tides",
         "Ann bin Poe bin Jo Al-Roe", "Prime Minister", "Tidewater Ministry of Tides"),
        # no comma after the name, but commas in the title; an Indian style before the name
        ([("Tidewater Ministry of Tides", "ministry", "TW", {})],
         "H.E. Ann Bo Poe Minister of Tides, Quays and Harbors | Tidewater Ministry of Tides",
         "Ann Bo Poe", "Minister of Tides, Quays and Harbors",
         "Tidewater Ministry of Tides"),
        ([("Government of Tidewater", "subnational", "IN", {})],
         "Thiru A. B. Poe Chief Minister of Tidewater | Government of Tidewater", "A. B. Poe",
         "Chief Minister", "Government of Tidewater"),
        # the same without a comma, six names and their particles, two titles
        ([("Tidewater Ministry of Tides", "ministry", "TW", {})],
         "His Excellency Sheikh Ann bin Poe bin Jo Al Roe Prime Minister and Minister of Tides "
         "| Tidewater Ministry of Tides", "Ann bin Poe bin Jo Al Roe",
         "Prime Minister and Minister of Tides", "Tidewater Ministry of Tides"),
        ([("Tidewater Tide Organization", "multilateral", "", {"aliases": ["TTO"]})],
         "HE Ann Al Poe, Secretary General, TTO | Newsroom", "Ann Al Poe", "Secretary General",
         "Tidewater Tide Organization"),
        # "Federal" before a title; an Irish deputy's "TD" is no part of the name
        ([("Office of the Federal President of Tidewater", "agency", "AT", {})],
         "Federal President Ann van der Poe | Office of the Federal President of Tidewater",
         "Ann van der Poe", "Federal President", "Office of the Federal President of Tidewater"),
        # a title before the name and a generation after it, nothing more
        ([("Supreme Court of Tidewater", "other", "US", {})],
         "Chief Justice Ann B. Poe, Jr. | Supreme Court of Tidewater", "Ann B. Poe, Jr.",
         "Chief Justice", "Supreme Court of Tidewater"),
        # a place, its office's title, the name and its generation
        ([("Harbor County", "subnational", "US", {}),
          ("Harbor County District Attorney's Office", "agency", "US", {})],
         "Harbor District Attorney Ann B. Poe, Jr. | Newsroom", "Ann B. Poe, Jr.",
         "District Attorney", "Harbor County District Attorney's Office"),
        # a company, titles joined by "and", the name
        ([("Tidewater Corporation", "company", "US", {"aliases": ["TIDEWATER"]})],
         "TIDEWATER founder and CEO Ann Poe | Newsroom", "Ann Poe", "founder and CEO",
         "Tidewater Corporation"),
        # the title before the name, the body after it
        ([("Harbor County Sheriff's Department", "agency", "US", {})],
         "Sheriff Ann B. Poe of Harbor County Sheriff's Department | Newsroom", "Ann B. Poe",
         "Sheriff", "Harbor County Sheriff's Department"),
        # an ordinal before the title; a hyphenated title after a courtesy title
        ([("Tidewater Military Academy", "agency", "US", {})],
         "Lieutenant General Ann B. Poe, 61st Superintendent, Tidewater Military Academy | "
         "Newsroom", "Ann B. Poe", "Superintendent", "Tidewater Military Academy"),
        ([("University of Tidewater", "university", "US", {})],
         "Professor Ann Poe, Vice-Chancellor of the University of Tidewater | Newsroom",
         "Ann Poe", "Vice-Chancellor", "University of Tidewater"),
        # a minister of the country the label names in words
        ([("Tidewater", "country", "TW", {}),
          ("Ministry of Tides of Tidewater", "ministry", "TW", {})],
         "Ann Poe, Minister for Tides | Tidewater Diplomatie", "Ann Poe", "Minister for Tides",
         "Ministry of Tides of Tidewater"),
        # a state, its officer's title with "of <Word>", the name
        ([("State of Tidewater", "subnational", "US", {})],
         "Tidewater Secretary of State Ann Poe | Newsroom", "Ann Poe", "Secretary of State",
         "State of Tidewater"),
        # a state's comptroller; a county's mayor; a chief financial officer
        ([("State of Tidewater", "subnational", "US", {})],
         "Tidewater State Comptroller Ann B. Poe | Newsroom", "Ann B. Poe", "State Comptroller",
         "State of Tidewater"),
        ([("Harbor County", "subnational", "US", {})],
         "Harbor County Mayor Ann Lee Poe | Newsroom", "Ann Lee Poe", "County Mayor",
         "Harbor County"),
        ([("State of Tidewater", "subnational", "US", {})],
         "Tidewater Chief Financial Officer Ann Poe | Newsroom", "Ann Poe",
         "Chief Financial Officer", "State of Tidewater"),
        ([("Tidewater Inc.", "company", "US", {})],
         "Ann Poe, Executive Vice President, Chief Financial Officer, Tidewater Inc. | Newsroom",
         "Ann Poe", "Executive Vice President, Chief Financial Officer", "Tidewater Inc."),
        # the Lieutenant Governor by the abbreviations; a style before a long name
        ([("State of Tidewater", "subnational", "US", {})],
         "Lt. Gov. Ann Poe | State of Tidewater", "Ann Poe", "Lieutenant Governor",
         "State of Tidewater"),
        ([("Ministry of Tides of Tidewater", "ministry", "TW", {})],
         "Sayyid Ann bin Jo bin Bo Poe, Minister of Tides | Ministry of Tides of Tidewater",
         "Ann bin Jo bin Bo Poe", "Minister of Tides", "Ministry of Tides of Tidewater"),
        # a company's short form too common to index, under the site of the registry's company
        ([("Harbor Laboratories", "company", "US", {"website": "https://www.harbor.com/"})],
         "Ann Poe, Chairman and Chief Executive Officer, Harbor | harbor.com", "Ann Poe",
         "Chairman and Chief Executive Officer", "Harbor Laboratories"),
        # a ministry named without its country: the country of the site's domain
        ([("Tidewater", "country", "TW", {}), ("Fiji", "country", "FJ", {}),
          ("Ministry of Tides of Tidewater", "ministry", "TW", {}),
          ("Ministry of Tides of Fiji", "ministry", "FJ", {})],
         "Ann Poe TD, Spokesperson for the Ministry of Tides | mot.gov.tw", "Ann Poe",
         "Spokesperson", "Ministry of Tides of Tidewater"),
        # a site the registry does not list, named by a body's acronym
        ([("Tidewater Migration Agency", "multilateral", "", {"aliases": ["TMA"]})],
         "Director General Ann Poe | www.tma.int", "Ann Poe", "Director General",
         "Tidewater Migration Agency"),
        # a company named in the line, under its airline's newsroom: the company
        ([("Tidewater Air Group, Inc.", "company", "US", {"website": "https://www.tidewaterair.com"}),
          ("Tidewater Airlines, Inc.", "company", "US",
           {"parent": "Tidewater Air Group, Inc.", "website": "https://news.tidewaterair.com"})],
         "Ann Poe, CEO of Tidewater Air Group | news.tidewaterair.com", "Ann Poe", "CEO",
         "Tidewater Air Group, Inc."),
        # an office named after its holder's title and place
        ([("Harbor County", "subnational", "US", {}),
          ("Harbor County District Attorney's Office", "agency", "US", {})],
         "Ann Poe, Jr., District Attorney of Harbor County | Newsroom", "Ann Poe, Jr.",
         "District Attorney", "Harbor County District Attorney's Office"),
        # a minister of a country named after the title speaks for its ministry
        ([("Tuvalu", "country", "TV", {}), ("Government of Tuvalu", "country", "TV", {}),
          ("Ministry of Finance of Tuvalu", "ministry", "TV", {})],
         "Tom Fale, Minister of Finance, Tuvalu | Newsroom", "Tom Fale", "Minister of Finance",
         "Ministry of Finance of Tuvalu"),
        # a Minister-President heads the state's government
        ([("Free State of Tidewater", "subnational", "DE",
           {"aliases": ["Government of Tidewater"]})],
         "Ann Poe, Minister-President of Tidewater | Newsroom", "Ann Poe", "Minister-President",
         "Free State of Tidewater"),
        # a diplomat: the title names the country of the post, the label the mission
        ([("Tidewater Embassy in Washington", "agency", "TW", {})],
         "Tidewater Ambassador to the United States Ann Poe | Tidewater Embassy in Washington",
         "Ann Poe", "Ambassador to the United States", "Tidewater Embassy in Washington"),
        # a minister of a country written with its other name in parentheses
        ([("Taiwan", "country", "TW", {"aliases": ["Republic of China"]}),
          ("Ministry of Foreign Affairs of Taiwan", "ministry", "TW", {})],
         "Ann Poe, Minister of Foreign Affairs of the Republic of China (Taiwan) | MOFA",
         "Ann Poe", "Minister of Foreign Affairs", "Ministry of Foreign Affairs of Taiwan"),
        # a board member's portfolio after the company is the title's
        ([("Tidewater AG", "company", "DE", {})],
         "Ann Poe, Member of the Board of Management of Tidewater AG for Technology | Newsroom",
         "Ann Poe", "Member of the Board of Management for Technology", "Tidewater AG"),
        # a portfolio before the title: the ministry of the country of the site's domain
        ([("Mexico", "country", "MX", {}),
          ("Secretariat of Foreign Affairs of Mexico", "ministry", "MX", {})],
         "Foreign Secretary Ann Poe | gob.mx", "Ann Poe", "Foreign Secretary",
         "Secretariat of Foreign Affairs of Mexico"),
        # a unit the registry lacks, between the title and a body it knows, is the title's
        ([("Department of Widgets", "agency", "US", {})],
         "Ann Poe, Director, Office of Public Affairs, Department of Widgets", "Ann Poe",
         "Director, Office of Public Affairs", "Department of Widgets"),
        # and so is a program it runs
        ([("Tidewater Institute", "nonprofit", "AU", {})],
         "Ann Poe, Director, Southeast Asia Program, Tidewater Institute", "Ann Poe",
         "Director, Southeast Asia Program", "Tidewater Institute"),
        # and so is a field of the body the title heads, its parts joined by "and"
        ([("Tidewater Medicines Agency", "agency", "GB", {"aliases": ["TMA"]})],
         "Ann Poe, Interim Executive Director, Quality and Access, TMA | GOV.UK", "Ann Poe",
         "Interim Executive Director, Quality and Access", "Tidewater Medicines Agency"),
        # a title, then with no comma a known body whose own name holds a comma
        ([("Tidewater, the Tide Alliance", "nonprofit", "CH", {})],
         "Dr Ann Poe, CEO Tidewater, the Tide Alliance | Tidewater", "Ann Poe", "CEO",
         "Tidewater, the Tide Alliance"),
        # a body's acronym before a title of a field ("ESA Director of Science")
        ([("Tidewater Space Agency", "agency", "TW", {"aliases": ["TSA"]})],
         "Ann Poe, TSA Director of Science | TSA", "Ann Poe", "Director of Science",
         "Tidewater Space Agency"),
        # an acronym the label spells out: the label's body, not another of those letters
        ([("Allied Command Tidewater", "multilateral", "BE", {"aliases": ["ACT"]}),
          ("ACT Tidewater", "other", "NZ", {})],
         "Ann Poe, ACT Leader | ACT Tidewater", "Ann Poe", "Leader", "ACT Tidewater"),
        # a board the title sits on, in a list of titles
        ([("Tidewater Bank", "company", "KZ", {})],
         "Ann Poe, Co-Founder, Chairman of the Management Board and CEO, Tidewater Bank",
         "Ann Poe", "Co-Founder, Chairman of the Management Board and CEO", "Tidewater Bank"),
    ],
)  # fmt: skip
def test_the_registrys_body_a_source_line_names(
    tmp_path, bodies, line, person, title, organization
):
    made = {}
    for name, kind, country, extra in bodies:
        made[name] = OrganizationFactory(
            name=name, kind=kind, country=country, website=extra.get("website", ""),
            parent=made.get(extra.get("parent")),
        )  # fmt: skip
        for alias in extra.get("aliases", []):
            OrganizationAliasFactory(organization=made[name], name=alias)
    story_with_label(tmp_path, line)
    role = source_role()
    assert (role.person.full_name, role.title, role.organization) == (
        person, title, made[organization],
    )  # fmt: skip


def test_a_known_body_written_with_the_national_prefix_is_the_registrys(tmp_path):
    department = OrganizationFactory(
        name="Department of Tides and Currents", kind="agency", country="US"
    )
    path = tmp_path / "story.txt"
    line = (
        "Ann Poe, Deputy Assistant Secretary for Planning and Development at the U.S. Department "
        "of Tides and Currents"
    )
    path.write_text(story(line), encoding="utf-8")
    call_command("import_stories", str(path), stdout=StringIO())
    role = source_role()
    assert (role.title, role.organization) == (
        "Deputy Assistant Secretary for Planning and Development",
        department,
    )


def test_a_governor_on_the_site_or_under_the_label_of_the_governors_office_is_the_states(tmp_path):
    state = OrganizationFactory(name="State of Tidewater", kind="subnational", country="US")
    OrganizationFactory(
        name="Office of the Governor of Tidewater", kind="agency", country="US", parent=state,
        website="https://governor.tidewater.gov/",
    )  # fmt: skip
    story_with_label(tmp_path, "Governor Ann Poe | governor.tidewater.gov")
    story_with_label(tmp_path, "Governor Bo Lee | Office of the Governor of Tidewater")
    assert roles_by_person() == {"Ann Poe": ("Governor", state), "Bo Lee": ("Governor", state)}


def test_a_line_naming_a_registry_company_only_is_no_person(tmp_path):
    company = OrganizationFactory(name="General Harbor Company", kind="company", country="US")
    story_with_label(tmp_path, "General Harbor Company | news.harbor.com")
    assert Person.objects.count() == 0 and Role.objects.count() == 0
    assert list(Organization.objects.all()) == [company]  # no "Harbor Company" beside it


def test_a_captions_label_is_the_body_the_story_calls_so(tmp_path):
    command = OrganizationFactory(name="Harbor Combat Command", kind="agency", country="US")
    OrganizationAliasFactory(organization=command, name="HCC")
    OrganizationFactory(name="Harbor Cells Company", kind="company", country="FR")
    path = tmp_path / "story.txt"
    text = story(
        "The first HCC plant on the day it opened, 30 May 2023.",
        "Harbor Cells Company (HCC) opened its first plant. HCC plans two more.",
        label="HCC",
    )
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command("import_stories", str(path), "--json", stdout=out)
    [report] = json.loads(out.getvalue())
    assert report["organizations"] == ["Harbor Cells Company"]


def test_a_label_naming_another_countrys_body_without_its_country_tags_nothing(tmp_path):
    OrganizationFactory(name="Tuvalu", kind="country", country="TV")
    OrganizationFactory(name="Fiji", kind="country", country="FJ")
    OrganizationFactory(name="Presidential Secretariat of Fiji", kind="agency", country="FJ")
    path = tmp_path / "story.txt"
    text = story(
        "The President at the launch of the fund in Funafuti, 24 February 2025.",
        "Tuvalu launched a sovereign fund on Monday.",
        label="Presidential Secretariat",
    )
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command("import_stories", str(path), "--json", stdout=out)
    [report] = json.loads(out.getvalue())
    assert "Presidential Secretariat of Fiji" not in report["organizations"]
