"""Will the application fit the card? Checked before the first write (design "The card application":
"A record that does not fit gets a clear error before the first write, naming what does not fit and by
how much").

Two checks: every file's content fits its declared size on the profile (a record its record length, a
record file its record count, a transparent file its size), and the application's files, created in
order, fit the card's free memory (a 32 KB card given the 64 KB layout is refused here).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from card_station.card.errors import CapacityError
from card_station.card.files import DECLARATIONS
from card_station.card.files.decl import FileData, FileDecl
from card_station.card.profile import CardProfile


def bytes_text(count: int) -> str:
    """``70112`` -> ``"70 112"`` (the thousands grouping of the refusal messages)."""
    return f"{count:,}".replace(",", " ")


def _overflow(decl: FileDecl, data: FileData, profile: CardProfile) -> tuple[int, str] | None:
    """(bytes too many, what) for a file whose content exceeds its declaration, else None."""
    sized = decl.size(profile)
    if isinstance(data, tuple):
        for number, record in enumerate(data, 1):
            if len(record) > sized.record_length:
                excess = len(record) - sized.record_length
                return excess, (
                    f"{decl.name} record {number} is {bytes_text(len(record))} bytes, the record length is "
                    f"{bytes_text(sized.record_length)}: {bytes_text(excess)} bytes too long"
                )
        if len(data) > sized.record_count:
            extra = len(data) - sized.record_count
            return extra * sized.record_length, (
                f"{decl.name} holds {sized.record_count} records on a {profile.label} card, {len(data)} are "
                f"needed: {extra} records ({bytes_text(extra * sized.record_length)} bytes) too many"
            )
        return None
    if len(data) > sized.size:
        excess = len(data) - sized.size
        return excess, (
            f"{decl.name} is {bytes_text(excess)} bytes too large ({bytes_text(len(data))} bytes of content, "
            f"the file holds {bytes_text(sized.size)} on a {profile.label} card)"
        )
    return None


def check_files_fit(
    files: Mapping[str, FileData],
    profile: CardProfile,
    free_bytes: int | None = None,
    *,
    declarations: Sequence[FileDecl] = DECLARATIONS,
) -> None:
    """Raise CapacityError naming the first file that does not fit and by how many bytes.

    ``declarations`` are the files created, in order: the ECHS layout's by default, or another
    application's (docs/sects-card.md)."""
    free = profile.nominal_free if free_bytes is None else free_bytes
    needed = sum(decl.cost(profile) for decl in declarations)
    for decl in declarations:
        data = files.get(decl.name)
        overflow = None if data is None else _overflow(decl, data, profile)
        if overflow is not None:
            excess, what = overflow
            raise CapacityError(
                f"the application needs {bytes_text(needed + excess)} bytes, a {profile.label} card has "
                f"{bytes_text(free)} free: {what}",
                decl.name,
                excess,
            )
    used = 0
    for decl in declarations:
        used += decl.cost(profile)
        if used > free:
            short = needed - free
            raise CapacityError(
                f"the application needs {bytes_text(needed)} bytes, the card has {bytes_text(free)} free: "
                f"{decl.name} ({bytes_text(decl.cost(profile))} bytes with its header) and the files "
                f"after it do not fit, {bytes_text(short)} bytes short; is this a {profile.label} card?",
                decl.name,
                short,
            )
