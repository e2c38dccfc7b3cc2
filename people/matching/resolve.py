"""Stage 4, resolve: one name, several organizations ("Georgia", a shared acronym) settled from
what else the text names, or left as a choice for the editor."""

from people.matching.results import COUNTRY, Entry, Hit, Target


def resolve(
    hit: Hit,
    entries: dict[int, Entry],
    found: list[Entry],
    *,
    home_country: str,
    places: frozenset[str] | set[str] = frozenset(),
    a_state: bool = False,
) -> Target | None:
    """The one target of `hit` the context supports, or None when it cannot tell.

    `found`: the entries the text names unambiguously. Evidence: the entry itself named
    elsewhere, its parent or a child named, other foreign countries or a body of the country
    (for a country), an organization of the same kind and country, its country named; for a
    state or a province, other places of its country named (`places`: their country codes) or
    the text speaking of a state (`a_state`: "the state's history").
    """
    found_ids = {e.id for e in found}
    foreign_countries = {
        e.country for e in found if e.kind == COUNTRY and e.country != home_country
    }
    scores = {}
    for target in hit.targets:
        entry = entries[target.entry_id]
        score = 0
        if target.entry_id in found_ids:
            score += 3  # the text names it unambiguously elsewhere
        if entry.parent_id and entry.parent_id in found_ids:
            score += 2
        if any(e.parent_id == entry.id for e in found):
            score += 2
        if entry.kind == COUNTRY and len(foreign_countries - {entry.country}) >= 2:
            score += 1
        if entry.kind == COUNTRY and any(
            e.country == entry.country and e.kind != COUNTRY for e in found
        ):
            score += 1  # "Georgia" beside Georgian Dream, a party of the country
        if (
            entry.kind != COUNTRY
            and entry.country
            and any(e.country == entry.country and e.kind == entry.kind for e in found)
        ):
            score += 1
        if (
            entry.kind not in (COUNTRY, "subnational")  # (a state has its places, above)
            and entry.country in foreign_countries
        ):
            score += 1  # "Labour" in a story naming New Zealand: New Zealand's (the home
            # country, named in passing in most stories, says less)
        if entry.kind == "subnational" and (entry.country in places or a_state):
            score += 1
        scores[target] = score
    best = max(scores.values())
    winners = [t for t, s in scores.items() if s == best]
    if best == 0 or len(winners) > 1:
        return None
    chosen = winners[0]
    return Target(chosen.entry_id, 0.6, f"{chosen.reason}, chosen from the context")
