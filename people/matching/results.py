"""What the engine takes in (registry entries, people) and gives back (suggestions, candidates,
ambiguities, people found), as plain data."""

from dataclasses import dataclass, field

COUNTRY = "country"
# The kinds of a country's public bodies (not its companies, universities or charities)
PUBLIC_KINDS = frozenset({"agency", "ministry", "legislature"})


@dataclass(frozen=True)
class Entry:
    """An organization (or a country: kind "country") of the registry."""

    id: int
    name: str
    kind: str
    slug: str = ""
    country: str = ""
    parent_id: int | None = None


@dataclass(frozen=True)
class PersonEntry:
    id: int
    full_name: str
    nickname: str = ""
    titles: tuple[tuple[str, int | None], ...] = ()  # (title, organization id)


@dataclass
class Mention:
    text: str
    start: int
    end: int

    def as_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Suggestion:
    entry: Entry
    confidence: float
    reason: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.mentions[0].start if self.mentions else 0


# Why a candidate is a country's government acting ("the Nigerian government").
A_GOVERNMENT = "a country's government"


@dataclass
class Candidate:
    """An organization-like phrase the registry does not know."""

    name: str
    kind_guess: str
    reason: str
    mentions: list[Mention] = field(default_factory=list)
    country_guess: str = ""  # ISO code of the country the text ties it to, if any
    parent: str = ""  # the registry organization it is part of, when the text says so


@dataclass
class Ambiguity:
    mention: Mention
    options: list[Entry]


@dataclass
class PersonFinding:
    name: str
    title: str = ""
    organization: str = ""
    person: PersonEntry | None = None
    mentions: list[Mention] = field(default_factory=list)

    @property
    def known(self) -> bool:
        return self.person is not None


@dataclass
class Findings:
    organizations: list[Suggestion]
    countries: list[Suggestion]
    candidates: list[Candidate]
    ambiguous: list[Ambiguity]
    people: list[PersonFinding]
    # Ministries a person's title implies and the text never names ("Japan's Foreign Minister"):
    # an editor may tag them, but they are no organization the story names.
    implied: list[Suggestion] = field(default_factory=list)


@dataclass(frozen=True)
class Target:
    """One organization an indexed name may denote, with how sure the name makes us."""

    entry_id: int
    confidence: float
    reason: str


@dataclass
class Hit:
    """Where an indexed name was found, and what it may denote."""

    start: int
    end: int
    targets: tuple[Target, ...]
