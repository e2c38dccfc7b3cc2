"""The words the engine and the source-line parser share: typography, titles, honorifics, name
particles and suffixes, organizational head nouns, company suffixes, function words.

Everything here is general English (or the conventions of official names), never a word taken
from one particular story: behaviour generalizes by rule and by this data.
"""

import re

# Characters a release may use for one plain character; each folds to exactly one character.
TYPOGRAPHY = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ",
}  # fmt: skip

# The noun of a title: "Deputy Secretary", "Minister", "Chief Executive Officer".
TITLE_HEADS = {
    "administrator", "adviser", "advisor", "ambassador", "attorney", "ceo", "cfo", "chair",
    "chairman", "chairwoman", "chairperson", "chancellor", "co-chair", "co-founder",
    "commissioner", "congressman", "congresswoman", "coo", "coordinator", "counselor", "cto",
    "dean", "delegate", "director", "director-general", "envoy", "founder", "governor",
    "inspector", "leader", "manager", "mayor", "mayor-elect", "member", "minister", "officer",
    "premier", "president", "president-elect", "principal", "professor", "provost",
    "representative", "secretary", "secretary-general", "senator", "sheriff", "speaker",
    "spokesman", "spokesperson", "spokeswoman", "treasurer", "undersecretary", "whip",
    "chief", "head", "commander", "judge", "justice", "prosecutor", "superintendent",
    "taoiseach", "tanaiste", "archbishop", "bishop", "economist", "laureate", "fellow", "agent",
    "constable", "surgeon", "minister-president", "councilmember", "councilman",
    "councilwoman", "councillor", "councilor", "alderman", "alderwoman", "alderperson",
    "negotiator", "marshal", "lady", "statistician", "comptroller", "auditor",
    # plural, before several names: "Senators Jane Roe (D-CT) and John Doe (R-WI)"
    "senators", "sens.", "representatives", "reps.", "congressmen", "congresswomen",
    "governors", "ministers", "secretaries", "commissioners", "mayors", "ambassadors",
    "co-chairs", "chairs", "chairmen", "chairwomen", "justices", "judges", "members",
    "directors", "presidents", "supervisors", "premiers", "chancellors",
    # a county's elected board member: "Supervisor Kathryn Barger"
    "supervisor",
}  # fmt: skip
# Words that qualify a title's noun: "Acting", "Principal Deputy", "Vice", "Under".
TITLE_MODIFIERS = {
    "acting", "assistant", "associate", "deputy", "executive", "first", "foreign", "general",
    "interim", "lieutenant", "majority", "minority", "press", "prime", "ranking", "regional",
    "senior", "special", "under", "vice", "managing", "chief", "high", "corporate", "union",
    "rear",
}  # fmt: skip
TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS
# Words that widen a title before it, not title words of their own: "Group CEO", "Global Head"
TITLE_SCOPES = {"global", "group", "country"}


# Country names written with "the": "the Philippines", "the United Kingdom", "the Gambia".
_TAKES_THE = re.compile(
    r"(?:Islands|Netherlands|Philippines|Bahamas|Maldives|Seychelles|Comoros)$"
    r"|^(?:United|Republic|Democratic|Central|Dominican|Czech|Holy|Gambia)\b"
)


# The United States' name before a body's or a title's ("U.S. Senator", "US Department of …").
NATIONAL_PREFIX = re.compile(r"^(?:U\.S\.|US|United States) ")


def without_national_prefix(name: str) -> str:
    """ "U.S. Department of Housing and Urban Development" without "U.S. ", as the registry
    names the United States' own bodies; "" when the name has no such prefix."""
    prefix = NATIONAL_PREFIX.match(name)
    return name[prefix.end() :] if prefix else ""


def one_of(words) -> str:
    """A regular expression for any of `words`, written as a trie ("s(?:a(?:id|ys)|tated)"):
    at each place the scan tries the branch of one first letter, not every word in turn."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def written(node: dict) -> str:
        branches = [re.escape(char) + written(rest) for char, rest in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return written(tree)


def with_article(country: str) -> str:
    """ "Japan", "the Netherlands": a country's name as it follows "of"."""
    return f"the {country}" if _TAKES_THE.search(country) else country


def government_name(country: str) -> str:
    """ "Government of Japan", "Government of the Netherlands"."""
    return f"Government of {with_article(country)}"


def is_title_word(word: str) -> bool:
    """A title's word, also hyphenated ("Director-General", "Minister-President") or shared
    ("Co-Managing", "co-chair"); lower case."""
    if word.startswith("co-") and len(word) > 3:
        word = word[3:]
    return word in TITLE_WORDS or ("-" in word and all(p in TITLE_WORDS for p in word.split("-")))


# Titles also written in lower case before a name ("IMF spokesperson Julie Kozack").
LOWER_CASE_TITLES = {
    "spokesperson", "spokesman", "spokeswoman", "chairman", "chairwoman", "chairperson", "chair",
    "chief", "director", "president", "minister", "secretary", "ambassador", "commissioner",
    "governor", "mayor", "senator", "co-founder", "founder", "member", "members", "leader",
}  # fmt: skip
# Titles that take an object: "Secretary of State", "Minister for Trade", "Ambassador to Japan".
TITLES_WITH_OBJECT = {
    "secretary", "minister", "secretary-general", "undersecretary", "ambassador", "envoy",
    "representative", "commissioner", "director", "director-general", "governor", "mayor",
    "mayor-elect", "treasurer", "president", "chair", "chairman", "chairwoman", "ceo",
    "administrator", "head", "chief", "spokesperson", "spokesman", "spokeswoman", "chancellor",
    "inspector", "member", "leader", "speaker", "archbishop", "bishop", "dean", "attorney",
    "commander", "officer", "economist", "manager", "coordinator", "adviser", "advisor",
    "minister-president", "vice-president",
}  # fmt: skip
# Titles whose "of" names no body: the whole is the title ("Chancellor of the Exchequer, HM
# Treasury"), and a body may follow it ("Chief of Staff to the Secretary of Defense").
TITLES_WITH_OF = (
    "chancellor of the exchequer", "chancellor of the duchy of lancaster", "chief of staff",
    "chief of naval operations", "chief of the defence staff", "chief of defence staff",
    "chief of the general staff", "chairman of the joint chiefs of staff", "chief of police",
    "leader of the opposition", "leader of the house", "speaker of the house",
    "president of the board of trade", "lord president of the council", "master of the rolls",
    "father of the house", "comptroller of the currency", "chief of the army",
    "chief of the air staff", "chief of the naval staff", "vice chief of staff",
    "director of national intelligence", "director of public prosecutions", "chief of mission",
    "head of state", "head of government", "head of mission", "head of delegation",
    "minister of state", "secretary of state", "attorney general", "chief of defence force",
)  # fmt: skip
# Words an acronym skips ("Bureau International des Expositions (BIE)", "Department of
# Energy (DOE)").
INITIAL_SKIP = frozenset({
    "&", "and", "de", "of", "for", "the", "du", "des", "la", "le", "on", "in", "del", "di",
    "der", "et", "und", "y",
})  # fmt: skip
# Titles only companies give: the body after them is a company ("CEO of Acme Widgets").
COMPANY_TITLES = {"ceo", "cfo", "coo", "cto", "founder", "co-founder", "chief executive"}
# Modifiers that also begin names of organizations ("Foreign, Commonwealth and Development
# Office", "General Services Administration"): they do not end an organization's name.
ORGANIZATION_ADJECTIVES = {
    "foreign", "general", "executive", "first", "regional", "special", "permanent", "interim",
    "corporate", "union",
}  # fmt: skip
# Abbreviated titles and courtesy titles before a name.
# A nickname in quotation marks inside a name: 'Thomas "Tommy" Pigott' (the source line's and the
# engine's: without it, the name is Thomas Pigott)
NICKNAME = re.compile(r"\s*[\"“”](?P<nick>[^\"“”]{1,60})[\"“”]\s*")
HONORIFICS = {
    "dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "rep.", "sen.", "gov.", "hon.",
    "honorable", "sir", "dame", "prof.", "amb.", "the", "hon", "rt.", "rt", "his", "her",
    "excellency", "honourable", "h.e.", "shri", "thiru", "smt.", "smt", "shrimati",
}  # fmt: skip
# Courtesy titles that are also the office held: "Rep. Jo Roe" is a Representative.
OFFICE_HONORIFICS = {
    "rep.": "Representative", "sen.": "Senator", "gov.": "Governor", "amb.": "Ambassador",
}  # fmt: skip
# Military and police ranks, abbreviated before a name: part of neither the name nor the title
# a source line gives after the comma ("Gen. Ronald P. Clark, Commanding General, …").
RANK_ABBREVIATIONS = {
    "gen.", "lt.", "col.", "maj.", "adm.", "capt.", "cdr.", "cmdr.", "sgt.", "brig.", "cpl.",
    "pvt.", "cmdt.", "insp.", "supt.", "det.", "ens.", "spc.", "pfc.", "msgt.", "cpo.",
}  # fmt: skip
# Peers are named with their title and seat: "Lord Hanson of Flint", "Baroness Smith of Basildon".
PEERAGE = {"lord", "lady", "baroness", "baron", "viscount", "viscountess", "earl", "countess"}
# The same ranks written out, before a name of two words or more ("Admiral Jo Roe").
RANKS = {
    "general", "colonel", "admiral", "captain", "lieutenant", "sergeant", "brigadier",
    "major", "corporal", "commodore", "marshal",
}  # fmt: skip
# Degrees, honours and seats after a name: not part of it ("Nan Tian, PhD" is Nan Tian; "Jo
# Roe MP", "Ann Lee KC OBE").
DEGREES = {
    "phd", "ph.d.", "m.d.", "md", "esq.", "esq", "dphil", "mba", "mp", "msp", "mla", "mpp",
    "mep", "qc", "kc", "obe", "cbe", "mbe", "kbe", "dbe", "frs", "dvm", "dds", "td", "kcb",
    "gcb", "kcmg", "gcmg", "cmg",
    # a Member of the Senedd; public health, science and nursing degrees
    "ms", "mph", "msc", "rn",
    # Canada's Privy Councillors and members, written with full stops ("P.C., M.P."), and
    # degrees written so ("M.B.A.", a podiatrist's "D.P.M.")
    "p.c.", "m.p.", "m.p.p.", "m.l.a.", "q.c.", "k.c.", "m.b.a.", "m.p.h.", "j.d.", "d.d.s.",
    "d.v.m.", "r.n.", "m.sc.", "d.p.m.", "dpm",
}  # fmt: skip
NAME_SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"} | DEGREES
NAME_PARTICLES = {
    "von", "van", "der", "den", "de", "da", "del", "della", "di", "dos", "du", "bin", "al",
    "le", "la", "ter", "ten",
}  # fmt: skip

# Nouns that end the name of an organization ("… Agency", "… Institute", "… Motors").
ORGANIZATION_HEADS = {
    "academy", "administration", "agency", "alliance", "assembly", "association", "authority",
    "bank", "board", "brigade", "bureau", "cabinet", "center", "centre", "chamber",
    "coalition", "college", "command", "commission", "committee", "company", "conservancy",
    "cooperative", "corporation", "council", "court", "department", "directorate",
    "division", "embassy", "consulate", "federation", "forces", "foundation", "government",
    "group", "guard", "institute", "institution", "laboratory", "league", "ministry",
    "municipality", "museum", "network", "office", "organization", "organisation", "parliament",
    "party", "police", "secretariat", "section", "senate", "service", "society", "subcommittee",
    "tribunal", "trust", "union", "university", "industries", "holdings", "motors", "airlines",
    "airways", "energy", "systems", "technologies", "pharmaceuticals", "laboratories",
    "observatory", "regiment", "battalion", "team", "railway", "railways", "semiconductors",
    "electronics", "platforms", "pharma", "therapeutics", "corps", "fleet", "squadron", "wing",
    "exchange", "centres", "centers", "unit", "force", "taskforce", "fund", "programme",
    "commissariat", "port", "inc.", "inc", "corp.", "corp", "llc", "ltd.", "ltd",
    "hospital", "hospitals", "clinic", "gallery", "forum", "telecom", "partners", "ventures",
    "entertainment", "studios", "foods", "brands", "solutions", "communications", "networks",
    "biosciences", "robotics", "aerospace", "logistics", "petroleum", "refinery", "bancorp",
    "insurance", "health", "media", "congress", "motor", "school", "transit", "labs",
    "collaborative", "club", "clube", "army", "navy", "analytics", "shipbuilding",
    "biologics", "biotech", "sciences", "caucus", "branch", "hydro",
}  # fmt: skip
# Nouns that end a body's name only after one of their words: "Clark County School District",
# "Columbiana County Health District", "Otis Air National Guard Base", "Mount Sinai Health
# System", "Ohio Public Employees Retirement System" (a "Business District", an "Industrial
# Base", a "Weapon System" are no bodies).
QUALIFIED_HEADS = {
    "district": {
        "school", "schools", "health", "water", "fire", "sanitation", "sanitary", "sewer",
        "irrigation", "utility", "utilities", "park", "parks", "transit", "library", "hospital",
        "conservation", "port", "quality", "college", "drainage", "levee", "reclamation",
        "recreation", "power", "flood", "wastewater",
    },
    "base": {"force", "guard", "naval", "marine", "army", "reserve", "air", "corps", "joint"},
    "system": {
        "health", "healthcare", "hospital", "university", "college", "school", "schools",
        "library", "transit", "retirement", "pension", "credit", "medical",
    },
}  # fmt: skip
# Legal forms after a company's name.
COMPANY_SUFFIXES = {
    "inc.", "inc", "corp.", "corp", "co.", "ltd.", "ltd", "llc", "llp", "plc", "ag", "se",
    "s.a.", "sa", "n.v.", "nv", "b.v.", "gmbh", "s.p.a.", "spa", "limited", "k.k.", "oyj", "asa",
    "ab", "a/s", "s.a.s.", "pty", "l.p.", "lp", "c.v.", "s.a.b.", "pvt.", "pvt", "pjsc", "bhd",
    "bhd.", "tbk", "ltda", "srl", "s.r.l.", "kg", "kgaa", "oy", "incorporated", "pcl",
    "(persero)", "n.a.", "d.d.", "d.o.o.", "a.s.", "s.r.o.", "hf.", "ehf.", "aps", "s.l.",
    "s.a.u.", "sarl", "zrt.", "nyrt.", "kft.", "a.e.", "l.l.p.", "l.l.c.", "s.a.a.", "s.a.c.",
}  # fmt: skip
# Words that make a "Center" a building, not a body ("Harborview Civic Center", "a
# Convention Centre"); a space centre or a research centre is an organizational unit.
FACILITY_WORDS = {
    "civic", "convention", "conference", "shopping", "exhibition", "visitor", "visitors",
    "distribution", "fulfillment", "fulfilment", "aquatic", "aquatics", "fitness", "data",
    "trade", "events", "community",
}  # fmt: skip
# Plural nouns whose possessive is a word of a name: "Children's Hospital", "Women's Health
# Council", "People's Bank" (lower case, folded apostrophe).
PLURAL_POSSESSORS = {
    "children", "women", "men", "people", "workers", "farmers", "veterans", "teachers",
    "nurses", "employees", "citizens", "consumers", "seamen", "sailors", "soldiers", "miners",
}  # fmt: skip
# Office holders whose possessive names their office, after the place or body they serve:
# "Harris County Attorney's Office", "Orange County Sheriff's Department", "Cook County
# State's Attorney's Office" (the words before the head noun, lower case, folded apostrophe).
OFFICE_HOLDERS = {
    "attorney", "attorneys", "sheriff", "prosecutor", "comptroller", "controller", "auditor",
    "treasurer", "assessor", "coroner", "marshal", "clerk", "recorder", "solicitor", "general",
    "governor", "mayor", "inspector", "commissioner", "superintendent", "chancellor",
    "examiner", "state",
}  # fmt: skip
# Days and months: a capitalized word after a name that does not go on with it ("the Agency
# Tuesday said", "the Commission in March").
CALENDAR_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
}  # fmt: skip
# A company's legal form at the end of its name ("Mars, Incorporated", "Robert Bosch GmbH",
# "Air Incheon Co., Ltd."), as a regular expression over the name (any case).
ONE_LEGAL_FORM = (
    r"(?:,? (?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|llp|l\.?p|plc|"
    r"l\.l\.[pc]|s\.a\.[ac]|"
    r"gmbh|ag|kg|kgaa|se|s\.a|sa|n\.v|nv|b\.v|bv|s\.p\.a|spa|s\.r\.l|srl|ab|asa|oyj|oy|"
    r"a/s|k\.k|pty ltd|pty|pvt\.? ltd|pvt|pjsc|jsc|psc|sendirian berhad|sdn\.? bhd|berhad|"
    r"bhd|tbk|ltda|s\.a\.b\. de c\.v|de c\.v|sab de cv|pcl|public company limited|n\.a|"
    r"\(persero\))\.?)"
)
LEGAL_FORM = ONE_LEGAL_FORM + "+$"  # one or several ("Co., Ltd.")
# Legal forms before a company's name: Indonesia's "PT" ("PT Vale Indonesia Tbk"), and the
# joint-stock companies of the former Soviet Union ("Joint Stock Company Kaspi.kz", "PJSC …").
LEADING_LEGAL_FORMS = (
    r"(?:PT|P\.T\.|JSC|PJSC|(?:Public |Closed )?Joint[- ]Stock Company|Limited Liability "
    r"Company)"
)
LEGAL_FORM_BEFORE = rf"^{LEADING_LEGAL_FORMS} "
# The continents: "… of Africa" after a body's name names a regional body of its own
CONTINENTS = {"Africa", "Asia", "Europe", "Oceania", "Americas", "Antarctica"}
# Suffixes that end a company's name even without a head noun ("Robert Bosch GmbH").
STRONG_COMPANY_SUFFIXES = {
    "inc.", "corp.", "co.", "ltd.", "llc", "llp", "plc", "gmbh", "n.v.", "s.a.", "s.p.a.",
    "b.v.", "a/s", "k.k.", "oyj", "limited", "c.v.", "asa", "pjsc", "bhd", "bhd.", "tbk",
    "ltda", "s.r.l.", "kgaa", "d.d.", "d.o.o.", "hf.", "ehf.", "s.r.o.", "zrt.", "nyrt.", "kft.",
    "l.l.p.", "l.l.c.", "s.a.a.",
}  # fmt: skip
# Words that name an event, a plan or a law rather than an organization.
NOT_ORGANIZATION_WORDS = {
    "act", "initiative", "ministerial", "summit", "conference", "expo", "fair",
    "week", "day", "plan", "strategy", "treaty", "agreement", "accord", "award", "prize",
    "report", "declaration", "bill", "law", "rule", "regulations",
    # a relation between countries or firms ("Comprehensive Strategic Partnership", "Just
    # Energy Transition Partnership"): the bodies that bear the word are the registry's
    "partnership",
}  # fmt: skip
# The Sun, the Moon and the planets: names companies take too ("Mars, Incorporated"), but said
# alone they are the bodies in the sky.
CELESTIAL_BODIES = {
    "sun", "moon", "mercury", "venus", "earth", "mars", "jupiter", "saturn", "uranus",
    "neptune", "pluto", "titan", "europa", "ganymede", "callisto", "triton", "phobos",
    "deimos", "charon", "enceladus", "ceres",
}  # fmt: skip
# The small words inside a body's name ("Bureau of Alcohol, Tobacco and Firearms", "Center for
# Computational Science"): a name does not end with them.
NAME_CONNECTORS = {"of", "for", "and", "the", "on", "in", "to"}
# After a name, they make it the name of an instrument: "the Falepili Union treaty".
INSTRUMENT_WORDS = {
    "treaty", "agreement", "accord", "act", "bill", "law", "declaration", "convention", "pact",
}  # fmt: skip
# Capitalized at a sentence's start or in a headline, they begin no name.
FUNCTION_WORDS = {
    "the", "a", "an", "on", "in", "at", "by", "for", "and", "but", "or", "as", "after", "before",
    "during", "this", "that", "these", "those", "according", "both", "today", "while", "when",
    "under", "with", "from", "it", "its", "their", "his", "her", "our", "we", "they", "he",
    "she", "i", "you", "your", "my", "all", "some", "many", "most", "every", "each", "other",
    "if", "since", "until", "through", "across", "about", "over", "also", "more",
    "here", "there", "what", "which", "who", "how", "why", "where",
    "together", "last", "next", "yesterday", "tomorrow", "tonight", "now", "then", "no", "not",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "outside", "inside", "meanwhile", "earlier", "later", "however", "despite", "among",
    "because", "although", "though", "unless", "whether", "once",
} | CALENDAR_WORDS  # fmt: skip
# The topics of ministries a title implies: "Foreign Minister" -> foreign affairs.
MINISTRY_TOPICS = {
    "foreign": "foreign affairs", "foreign affairs": "foreign affairs", "defense": "defense",
    "defence": "defence", "finance": "finance", "economy": "economy", "energy": "energy",
    "trade": "trade", "interior": "interior", "health": "health", "agriculture": "agriculture",
    "education": "education", "justice": "justice", "environment": "environment",
    "home affairs": "home affairs", "transport": "transport",
}  # fmt: skip
# What ministers and secretaries are "of": "Energy" alone is a portfolio, not a company.
PORTFOLIOS = set(MINISTRY_TOPICS) | {
    "industry", "commerce", "labor", "labour", "housing", "veterans", "affairs", "state",
    "treasury", "security", "science", "technology", "culture", "tourism", "development",
}  # fmt: skip
# The words that qualify a portfolio ("Mental Health", "Nuclear Energy", "Public Service",
# "Small Business and Economic Development")
PORTFOLIO_MODIFIERS = {
    "mental", "nuclear", "public", "service", "renewable", "rural", "urban", "higher",
    "primary", "civil", "natural", "climate", "substance", "use", "addictions", "welfare",
    "safety", "planning", "national", "homeland", "family", "families", "youth", "children",
    "women", "sport", "sports", "arts", "heritage", "water", "land", "lands", "fisheries",
    "forestry", "mines", "mining", "oceans", "transportation", "infrastructure", "employment",
    "economic", "small", "export", "promotion", "international",
}  # fmt: skip
# An executive's field after the title, before the body ("Vice President, Communications,
# Acme Corp.", "Head, Investor Relations, …"): the words of a corporate function.
CORPORATE_FUNCTIONS = {
    "communications", "marketing", "sales", "operations", "finance", "legal", "policy",
    "strategy", "engineering", "research", "sustainability", "innovation", "product",
    "products", "partnerships", "talent", "manufacturing", "procurement", "compliance", "risk",
    "human", "resources", "relations", "investor", "media", "public", "government",
    "corporate", "external", "regulatory", "global", "business", "supply", "chain", "digital",
    "information", "data", "people", "growth", "brand", "content", "customer", "services",
    "environment", "environmental", "social", "initiatives", "impact", "community",
    "strategic", "planning", "advancement", "academic", "student", "students", "affairs",
    "management", "disaster", "emergency", "monetary", "fiscal", "communication",
}  # fmt: skip
# Capitalized words that begin or end no person's name ("Middle East", "Civil Rights").
NOT_NAME_WORDS = {
    "east", "west", "north", "south", "middle", "central", "international", "global",
    "national", "research", "rights", "republic", "united", "kingdom", "states", "union",
    "world", "european", "american", "african", "asian", "pacific", "atlantic", "news",
    "street", "avenue", "road", "river", "lake", "mountain", "island", "islands", "county",
    "city", "state", "province", "online", "digital", "technology", "energy", "health",
    "data", "protection", "region",
}  # fmt: skip

# How English names a country's people and things ("German", "Danish", "South Korean"): a
# demonym names its country ("the Danish drugmaker") unless it begins a longer name ("American
# Airlines"). Ambiguous ones ("Congolese", "Guinean", "Korean", "Samoan") are left out.
DEMONYMS = {
    "AF": ("Afghan",), "AL": ("Albanian",), "DZ": ("Algerian",), "AO": ("Angolan",),
    "AR": ("Argentine", "Argentinian"), "AM": ("Armenian",), "AU": ("Australian",),
    "AT": ("Austrian",), "AZ": ("Azerbaijani",), "BS": ("Bahamian",), "BH": ("Bahraini",),
    "BD": ("Bangladeshi",), "BB": ("Barbadian",), "BY": ("Belarusian",), "BE": ("Belgian",),
    "BZ": ("Belizean",), "BJ": ("Beninese",), "BT": ("Bhutanese",), "BO": ("Bolivian",),
    "BA": ("Bosnian",), "BW": ("Botswanan",), "BR": ("Brazilian",), "BN": ("Bruneian",),
    "BG": ("Bulgarian",), "BF": ("Burkinabe", "Burkinabè"), "BI": ("Burundian",),
    "KH": ("Cambodian",), "CM": ("Cameroonian",), "CA": ("Canadian",), "CV": ("Cape Verdean",),
    "CF": ("Central African",), "TD": ("Chadian",), "CL": ("Chilean",), "CN": ("Chinese",),
    "CO": ("Colombian",), "KM": ("Comorian",), "CR": ("Costa Rican",), "HR": ("Croatian",),
    "CU": ("Cuban",), "CY": ("Cypriot",), "CZ": ("Czech",), "DK": ("Danish",),
    "DJ": ("Djiboutian",), "DO": ("Dominican",), "EC": ("Ecuadorian",), "EG": ("Egyptian",),
    "SV": ("Salvadoran",), "ER": ("Eritrean",), "EE": ("Estonian",), "SZ": ("Eswatini",),
    "ET": ("Ethiopian",), "FJ": ("Fijian",), "FI": ("Finnish",), "FR": ("French",),
    "GA": ("Gabonese",), "GM": ("Gambian",), "GE": ("Georgian",), "DE": ("German",),
    "GH": ("Ghanaian",), "GR": ("Greek",), "GD": ("Grenadian",), "GT": ("Guatemalan",),
    "GY": ("Guyanese",), "HT": ("Haitian",), "HN": ("Honduran",), "HU": ("Hungarian",),
    "IS": ("Icelandic",), "IN": ("Indian",), "ID": ("Indonesian",), "IR": ("Iranian",),
    "IQ": ("Iraqi",), "IE": ("Irish",), "IL": ("Israeli",), "IT": ("Italian",),
    "CI": ("Ivorian",), "JM": ("Jamaican",), "JP": ("Japanese",), "JO": ("Jordanian",),
    "KZ": ("Kazakh", "Kazakhstani"), "KE": ("Kenyan",), "KW": ("Kuwaiti",),
    "KG": ("Kyrgyz",), "LA": ("Laotian",), "LV": ("Latvian",), "LB": ("Lebanese",),
    "LS": ("Basotho",), "LR": ("Liberian",), "LY": ("Libyan",), "LT": ("Lithuanian",),
    "LU": ("Luxembourgish",), "MG": ("Malagasy",), "MW": ("Malawian",), "MY": ("Malaysian",),
    "MV": ("Maldivian",), "ML": ("Malian",), "MT": ("Maltese",), "MR": ("Mauritanian",),
    "MU": ("Mauritian",), "MX": ("Mexican",), "MD": ("Moldovan",), "MC": ("Monegasque",),
    "MN": ("Mongolian",), "ME": ("Montenegrin",), "MA": ("Moroccan",),
    "MZ": ("Mozambican",), "MM": ("Myanmar",), "NA": ("Namibian",), "NP": ("Nepali", "Nepalese"),
    "NL": ("Dutch",), "NZ": ("New Zealand",), "NI": ("Nicaraguan",), "NE": ("Nigerien",),
    "NG": ("Nigerian",), "KP": ("North Korean",), "MK": ("North Macedonian",),
    "NO": ("Norwegian",), "OM": ("Omani",), "PK": ("Pakistani",), "PS": ("Palestinian",),
    "PA": ("Panamanian",), "PG": ("Papua New Guinean",), "PY": ("Paraguayan",),
    "PE": ("Peruvian",), "PH": ("Philippine", "Filipino"), "PL": ("Polish",),
    "PT": ("Portuguese",), "QA": ("Qatari",), "RO": ("Romanian",), "RU": ("Russian",),
    "RW": ("Rwandan",), "SA": ("Saudi",), "SN": ("Senegalese",), "RS": ("Serbian",),
    "SC": ("Seychellois",), "SL": ("Sierra Leonean",), "SG": ("Singaporean",),
    "SK": ("Slovak",), "SI": ("Slovenian",), "SO": ("Somali",), "ZA": ("South African",),
    "KR": ("South Korean",), "SS": ("South Sudanese",), "ES": ("Spanish",),
    "LK": ("Sri Lankan",), "SD": ("Sudanese",), "SR": ("Surinamese",), "SE": ("Swedish",),
    "CH": ("Swiss",), "SY": ("Syrian",), "TW": ("Taiwanese",), "TJ": ("Tajik",),
    "TZ": ("Tanzanian",), "TH": ("Thai",), "TL": ("Timorese",), "TG": ("Togolese",),
    "TT": ("Trinidadian",), "TN": ("Tunisian",), "TR": ("Turkish",), "TM": ("Turkmen",),
    "UG": ("Ugandan",), "UA": ("Ukrainian",), "AE": ("Emirati",), "GB": ("British",),
    "US": ("American",), "UY": ("Uruguayan",), "UZ": ("Uzbek",), "VE": ("Venezuelan",),
    "VN": ("Vietnamese",), "YE": ("Yemeni",), "ZM": ("Zambian",), "ZW": ("Zimbabwean",),
}  # fmt: skip
# Titles whose holder speaks for the country: "U.S. President", "UK Prime Minister" name the
# country; other titles after a country's short form ("U.S. Attorney", "U.S. District Judge")
# are a domestic office's name and do not.
NATIONAL_OFFICE_TITLES = {
    "president", "prime", "premier", "chancellor", "king", "queen",
    "ambassador", "envoy", "foreign", "minister", "trade", "government",
    "vice", "special", "deputy", "emperor", "crown", "head",
}  # fmt: skip
# Verbs that attribute words to a speaker ("…," she said; Rubio told reporters: "…").
SPEECH_VERBS = {
    "said", "says", "say", "told", "tells", "added", "adds", "noted", "notes", "explained",
    "stated", "states", "wrote", "writes", "announced", "argued", "warned", "declared",
    "insisted", "stressed", "emphasized", "emphasised", "remarked", "commented", "continued",
    "concluded", "recalled", "acknowledged", "observed", "asserted", "affirmed", "reaffirmed",
    "replied", "responded", "cautioned", "predicted", "promised", "pledged", "vowed", "urged",
    "admitted", "conceded", "maintained", "tweeted", "posted", "quipped", "answered", "asked",
    "highlighted", "underscored", "underlined", "shared", "reflected", "recounted", "joked",
    "testified", "exclaimed", "reiterated", "explains", "argues", "warns", "stresses",
    "insists", "urges", "recalls", "concludes", "observes", "emphasizes", "emphasises",
    "described", "describes",
}  # fmt: skip
# What a company does as the subject of a sentence ("Mars said", "Amazon will …").
COMPANY_VERBS = SPEECH_VERBS | {
    "will", "would", "has", "had", "is", "was", "agreed", "completed", "reported", "expects",
    "plans", "acquired", "launched", "signed", "opened", "closed", "employs", "owns",
    # auxiliaries: "The state says Discord does little to …"
    "does", "did", "can", "could", "should", "must", "may", "might", "shall", "cannot",
}  # fmt: skip
# The same verbs as a participle after the main clause: "…, saying that aid "…"".
SPEECH_PARTICIPLES = {
    "saying", "adding", "noting", "telling", "explaining", "stating", "writing", "warning",
    "arguing", "declaring", "stressing", "insisting", "calling", "describing", "urging",
}  # fmt: skip
# Verbs that frame a partial quote as the subject's words: called the deal "a turning point".
CALLING_VERBS = {
    "called", "calls", "described", "describes", "termed", "terms", "labelled", "labeled",
    "dubbed", "hailed", "praised", "welcomed", "criticised", "criticized", "condemned",
}  # fmt: skip
# Phrases that hand a statement to its speaker: "The following statement is attributable to …".
ATTRIBUTION_PHRASES = ("attributable to", "according to", "statement from", "statement by")
# Who "he" or "she" can stand for; "it" stands for an organization.
PERSON_PRONOUNS = {"he", "she"}
ORGANIZATION_PRONOUNS = {"it"}
# Someone who speaks for an organization: the statement is the organization's.
SPOKESPERSON_WORDS = {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative"}
# "the company said": a common noun an organization goes by once named.
ORGANIZATION_NOUNS = ORGANIZATION_HEADS | {
    "firm", "carrier", "airline", "bank", "group", "lender", "insurer", "automaker", "carmaker",
    "chipmaker", "regulator", "watchdog", "charity", "nonprofit", "ministry", "government",
}  # fmt: skip
# Abbreviations whose full stop ends no sentence: ranks, titles, "No.", months.
ABBREVIATIONS = {
    "maj.", "gen.", "lt.", "col.", "sgt.", "capt.", "adm.", "cmdr.", "brig.", "cpl.", "pvt.",
    "gov.", "sen.", "rep.", "pres.", "atty.", "supt.", "insp.", "st.", "no.", "vs.", "etc.",
    "inc.", "corp.", "co.", "ltd.", "jr.", "sr.", "mt.", "ft.", "jan.", "feb.", "aug.", "sept.",
    "sep.", "oct.", "nov.", "dec.", "u.s.", "u.k.", "e.g.", "i.e.",
}  # fmt: skip
# Occupations written before a name like a title ("Senior Researcher Nan Tian"); only the
# quotes stage reads them, to tell the name from the words before it.
OCCUPATIONS = {
    "researcher", "economist", "analyst", "scientist", "lawyer", "engineer", "partner",
    "fellow", "strategist", "historian", "physician", "doctor", "nurse", "pilot", "astronaut",
    "captain", "colonel", "major", "sergeant", "lieutenant", "admiral", "corporal", "private",
    "marshal", "brigadier", "architect", "editor", "author", "correspondent", "lead", "owner",
    "investigator", "auditor", "ombudsman", "rapporteur", "counsel", "attorney-general",
    "bishop", "archbishop", "rabbi", "imam", "reverend", "rev.", "cardinal",
    "co-owner", "shareholder", "investor", "coach", "player", "striker", "goalkeeper",
    "midfielder", "driver", "athlete", "champion",
}  # fmt: skip
# Common nouns for what is neither a person nor a body: a name described by one ("Advanced
# Clean Cars II, a regulation that …", "Tornado Cash, a service that …") is no person's.
THING_NOUNS = {
    "regulation", "rule", "law", "bill", "act", "treaty", "agreement", "deal", "policy",
    "strategy", "standard", "framework", "service", "platform", "app", "application", "tool",
    "software", "system", "product", "device", "vehicle", "vessel", "ship", "aircraft", "jet",
    "rocket", "satellite", "spacecraft", "telescope", "mission", "report", "study", "survey",
    "index", "database", "website", "portal", "scheme", "plan", "initiative", "project",
    "campaign", "fund", "facility", "plant", "mine", "reactor", "site", "bridge", "highway",
    "road", "railway", "pipeline", "port", "airport", "terminal", "station", "park", "building",
    "tower", "region", "area", "city", "town", "village", "county", "province", "state",
    "district", "zone", "corridor", "currency", "token", "mixer", "protocol", "drug",
    "medicine", "vaccine", "treatment", "therapy", "event", "festival", "competition",
    "tournament", "race", "award", "prize", "film", "book", "album", "game", "model", "brand",
}  # fmt: skip
# Peers and monarchs are named with their style ("Lord Hendy", "King Charles"): not stripped.
# Common nouns that stand for a company once named ("the company said").
COMPANY_NOUNS = {
    "company", "firm", "carrier", "airline", "lender", "insurer", "automaker", "carmaker",
    "chipmaker", "manufacturer", "maker", "retailer", "group", "business",
}  # fmt: skip
# Where a business trades, after its name: "QFC stores". (Not "shares" or "customers": "NATO
# shares …", "USPS customers".)
TRADE_NOUNS = {
    "store", "stores", "shop", "shops", "supermarket", "supermarkets", "outlet", "outlets",
    "restaurant", "restaurants", "brand",
}  # fmt: skip
