"""Reading and writing the layout's files over ``apdu.iso7816.Iso7816``, in as few APDUs as the card
allows (issue 4: "stay within 5% of the minimum").

Why short EF identifiers: every file of the layout has one, so a read or the first write of a file needs
no SELECT (ISO/IEC 7816-4 §7.2.2, READ BINARY / READ RECORD with the SFI in P1 / P2); the card makes the
file current and the following chunks go to the current EF. Transparent files are read by their data
object's extent (a few header bytes first, then exactly the rest: ``codecs.extent.object_extent``), so a
counter never pays for padding (issue 4: the decision reads under 4 KB).
"""

from __future__ import annotations

from apdu.command import SHORT_MAX_NE
from apdu.iso7816 import Iso7816
from apdu.status import FileNotFound
from card_station.card.codecs.extent import FileFault, object_extent
from card_station.card.errors import MalformedFile
from card_station.card.files.decl import FileData, FileDecl
from card_station.card.profile import CardProfile

MERGE_GAP = 16
"""Unchanged bytes between two changed spans up to which one write covers both: an APDU's header and
status word cost about as much."""

FIRST_READ = SHORT_MAX_NE
"""Bytes of a transparent TLV file read first: most files end inside them (one short READ BINARY)."""

RECORD_NOT_FOUND = 0x6A83


def _sfi(decl: FileDecl) -> int:
    if decl.sfi is None:
        raise ValueError(f"{decl.name} has no short EF identifier; select it by FID")
    return decl.sfi


def read_transparent(card: Iso7816, decl: FileDecl, profile: CardProfile) -> bytes:
    """The file's content, padding excluded: all of a fixed (non-TLV) file, else its one data object.

    The application DF (or the MF, for files under it) must be the current DF.
    """
    size = decl.size(profile).size
    if not decl.tlv_framed:
        return card.read_binary(0, size, sfi=_sfi(decl))
    head = card.read_binary(0, min(FIRST_READ, size), sfi=_sfi(decl))
    try:
        extent = object_extent(head)
    except FileFault as fault:
        raise MalformedFile(decl.name, str(fault)) from None
    if extent is None or extent > size:
        raise MalformedFile(decl.name, f"its data object does not fit the {size}-byte file")
    if extent <= len(head):
        return head[:extent]
    return head + card.read_binary(len(head), extent - len(head))


def read_records(card: Iso7816, decl: FileDecl, count: int | None = None) -> tuple[bytes, ...]:
    """Records 1, 2, ...: exactly ``count`` of them, or until the card says there is no next one."""
    sfi = _sfi(decl)
    records: list[bytes] = []
    number = 1
    while count is None or number <= count:
        try:
            records.append(card.read_record(number, sfi))
        except FileNotFound as exc:
            if count is not None or exc.sw != RECORD_NOT_FOUND:
                raise
            break
        number += 1
    return tuple(records)


def read_file(card: Iso7816, decl: FileDecl, profile: CardProfile) -> FileData:
    """A whole file as the codecs take it: bytes, or the records in order."""
    return read_records(card, decl) if decl.is_record else read_transparent(card, decl, profile)


def write_new(card: Iso7816, data: FileData) -> None:
    """Write a file just created, which is the current EF: bytes from offset 0, or records appended."""
    if isinstance(data, tuple):
        for record in data:
            card.append_record(record)
    elif data:
        card.update_binary(data)


def append_records(card: Iso7816, decl: FileDecl, records: tuple[bytes, ...]) -> None:
    """Append ``records`` to an existing record file, reached by its SFI."""
    for record in records:
        card.append_record(record, _sfi(decl))


def update_record(card: Iso7816, decl: FileDecl, number: int, record: bytes) -> None:
    card.update_record(number, record, _sfi(decl))


def changed_spans(old: bytes, new: bytes) -> list[tuple[int, bytes]]:
    """(offset, bytes) to write so that a file holding ``old`` holds ``new``; a shorter ``new`` is padded
    with 00 over the rest of ``old`` (docs/card-layout.md: bytes after a data object are uniform padding)."""
    target = new + bytes(max(0, len(old) - len(new)))
    spans: list[tuple[int, int]] = []
    for position, byte in enumerate(target):
        if position < len(old) and old[position] == byte:
            continue
        if spans and position - spans[-1][1] <= MERGE_GAP:
            spans[-1] = (spans[-1][0], position + 1)
        else:
            spans.append((position, position + 1))
    return [(start, target[start:end]) for start, end in spans]


def write_changes(card: Iso7816, decl: FileDecl, old: bytes, new: bytes) -> int:
    """Write only the spans of a transparent file that differ; returns the bytes written.

    Only inside a write session (EF.STATUS open): between two spans the file is neither old nor new."""
    written = 0
    for offset, span in changed_spans(old, new):
        card.update_binary(span, offset, sfi=_sfi(decl))
        written += len(span)
    return written
