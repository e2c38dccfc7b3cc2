"""Find organizations, countries and people mentioned in a text. Pure functions: no database.

The engine is a pipeline of named stages, each a module of pure functions with its own tests:

- `fold`: typography, diacritics and case set aside, every character kept in place;
- `index`: the registry's names in Aho-Corasick automata (`AliasIndex`), and the scan;
- `match`: whole-word hits, longest first;
- `resolve`: one name, several organizations, settled from the context or left as a choice;
- `candidates`: organization-like phrases the registry lacks, with kind guesses;
- `people`: known people and new ones from "title + name".

`lexicon` holds the words they share with the source-line parser. `AliasIndex(...).find(text)`
returns organizations and countries in order of first mention (mentions with offsets,
confidence, reason), candidates, ambiguities and people.
"""

from people.matching.candidates import guess_organization_kind
from people.matching.fold import fold, fold_lower, is_acronym, is_case_sensitive_name
from people.matching.index import AliasIndex
from people.matching.results import (
    COUNTRY,
    Ambiguity,
    Candidate,
    Entry,
    Findings,
    Mention,
    PersonEntry,
    PersonFinding,
    Suggestion,
)

__all__ = [
    "COUNTRY",
    "AliasIndex",
    "Ambiguity",
    "Candidate",
    "Entry",
    "Findings",
    "Mention",
    "PersonEntry",
    "PersonFinding",
    "Suggestion",
    "fold",
    "fold_lower",
    "guess_organization_kind",
    "is_acronym",
    "is_case_sensitive_name",
]
