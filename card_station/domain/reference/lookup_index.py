"""Name lookups that forgive case, spacing and full stops but never guess between two entries.

Why two tiers: the seed gives some names to more than one row on purpose. "Sep" is the abbreviation of
Sepoy and, through the seed cell "Sepoy (Rfn, Swr, Spr, Sigmn, Cfn)", also of its equivalents (seed 002
line 143); "BEG" is both Bombay and Bengal Engineer Group (seed 002 lines 110, 112). A primary name (the
entry's own name or abbreviation) wins over a secondary one (an alias or the seed's verbatim cell); if the
winning tier still holds two entries the lookup refuses with both names rather than pick one.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Generic, TypeVar

from card_station.domain.reference.errors import AmbiguousReference, UnknownReference

_SPACES = re.compile(r"\s+")

T = TypeVar("T")


def lookup_key(text: str) -> str:
    """The form two spellings share when they are the same name: 'Lt.Col' and 'lt  col' give 'lt col'."""
    text = text.replace(".", " ").replace("(", " (").replace(")", ") ")
    text = _SPACES.sub(" ", text).strip().replace("( ", "(").replace(" )", ")")
    return text.casefold()


class NameIndex(Generic[T]):
    """Entries found by any of their names; `display` names an entry in error messages."""

    def __init__(self, what: str, display: dict[int, str]) -> None:
        self._what = what
        self._display = display
        self._tiers: tuple[dict[str, list[T]], dict[str, list[T]]] = ({}, {})

    @classmethod
    def build(
        cls,
        what: str,
        entries: Iterable[tuple[T, str, Iterable[str], Iterable[str]]],
    ) -> NameIndex[T]:
        """Index (entry, display name, primary names, secondary names) tuples."""
        index: NameIndex[T] = cls(what, {})
        for entry, display, primary, secondary in entries:
            index._display[id(entry)] = display
            for tier, names in zip(index._tiers, (primary, secondary), strict=True):
                for name in names:
                    if name:
                        bucket = tier.setdefault(lookup_key(name), [])
                        if not any(e is entry for e in bucket):
                            bucket.append(entry)
        return index

    def find(self, given: str) -> T:
        """The one entry named `given`; UnknownReference or AmbiguousReference otherwise."""
        key = lookup_key(given)
        for tier in self._tiers:
            found = tier.get(key, [])
            if len(found) == 1:
                return found[0]
            if found:
                raise AmbiguousReference(self._what, given, [self._display[id(e)] for e in found])
        known = list(self._tiers[0]) + list(self._tiers[1])
        close = difflib.get_close_matches(key, known, n=3, cutoff=0.75)
        suggestions = dict.fromkeys(self._display[id(self._first(name))] for name in close)
        raise UnknownReference(self._what, given, list(suggestions))

    def _first(self, key: str) -> T:
        return (self._tiers[0].get(key) or self._tiers[1][key])[0]
