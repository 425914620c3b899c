"""Spelling slips in the seeds, kept next to their corrections.

Why keep the slip: the seed is the authority a clerk or auditor checks against, so every corrected name
still shows what the circular printed ("Ptana", seed 002 line 295) and why it was corrected; lookups accept
both spellings so a form copied from the circular still finds its entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from card_station.domain.reference.csv_source import CsvRow
from card_station.domain.reference.lookup_index import lookup_key


@dataclass(frozen=True)
class SpellingSlip:
    """One corrected name: the table it is in, the seed's spelling, ours, and the reason."""

    table: str
    seed_text: str
    normalised: str
    correction: str
    source: str


def check_correction(row: CsvRow) -> str:
    """The row's correction note, which belongs only on a `name` spelt differently from its `seed_name`."""
    name, seed_name, correction = (row.values[c] for c in ("name", "seed_name", "correction"))
    if correction and lookup_key(name) == lookup_key(seed_name):
        raise row.error(
            f"{name!r} has a correction note but is spelt as the seed spells it ({seed_name!r}); "
            "remove the note or correct the name"
        )
    return correction
