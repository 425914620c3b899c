"""The ECHS card application's layout: its files in creation order, per card profile, and the whole-card
encode / decode (design "The card application"; docs/card-layout.md).

Why the layout is a value: personalisation creates ``layout(profile).files`` in order, the capacity
check sums ``total_bytes``, and the tests iterate over the same declarations, so nothing describes the
card twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from card_station.card.capacity import check_files_fit
from card_station.card.codecs.dir import DirEntry
from card_station.card.content import MEMBER_ID, CardContent
from card_station.card.errors import CapacityError, MalformedFile
from card_station.card.files import (
    DECLARATIONS,
    SIGNED_FILES,
    card,
    declaration,
    dependants,
    endorse,
    member,
    photo,
    status,
)
from card_station.card.files import dir as dir_file
from card_station.card.files.application import APPLICATION_AID, APPLICATION_LABEL
from card_station.card.files.decl import FileData, FileDecl
from card_station.card.profile import CardProfile
from card_station.card.version import LAYOUT_VERSION, READABLE_FROM

__all__ = [
    "APPLICATION_AID",
    "DECLARATIONS",
    "LAYOUT_VERSION",
    "READABLE_FROM",
    "REQUIRED_FOR_CONTENT",
    "SIGNED_FILES",
    "CapacityError",
    "CardProfile",
    "Layout",
    "check_capacity",
    "content_files",
    "declaration",
    "decode_content",
    "decode_file",
    "encode_content",
    "layout",
]

OUR_DIR_ENTRY = DirEntry(APPLICATION_AID, APPLICATION_LABEL)


@dataclass(frozen=True)
class Layout:
    """The application on one card profile."""

    profile: CardProfile
    files: tuple[FileDecl, ...]

    @property
    def total_bytes(self) -> int:
        """EEPROM the application needs: every file's data plus its header."""
        return sum(decl.cost(self.profile) for decl in self.files)


def layout(profile: CardProfile) -> Layout:
    return Layout(profile, DECLARATIONS)


def content_files(content: CardContent) -> dict[str, Any]:
    """Each content-bearing file's domain value (what its codec encodes)."""
    return {
        dir_file.DECL.name: (OUR_DIR_ENTRY,),
        card.DECL.name: content.info,
        status.DECL.name: content.status,
        member.DECL.name: content.member,
        dependants.DECL.name: content.dependants,
        endorse.DECL.name: content.endorsements,
        photo.DECL.name: content.photos,
    }


def encode_content(
    content: CardContent, profile: CardProfile, free_bytes: int | None = None
) -> dict[str, FileData]:
    """File name -> bytes (transparent EF) or records (record EF), for every file but EF.SOD.

    The bytes are each file's content without padding: what is written from offset 0 (records from record
    1) and what EF.SOD hashes. Raises CapacityError if a file's content does not fit its declared size on
    ``profile``, or if the application's files do not fit ``free_bytes`` (default: a blank card's).
    """
    files = {name: declaration(name).encode(value) for name, value in content_files(content).items()}
    check_files_fit(files, profile, free_bytes)
    return files


def check_capacity(content: CardContent, profile: CardProfile, free_bytes: int | None = None) -> None:
    """Refuse ``content`` for a card of ``profile`` with ``free_bytes`` free (default: a blank card of that
    size) before anything is written; CapacityError names what does not fit and by how many bytes."""
    encode_content(content, profile, free_bytes)


def decode_file(name: str, raw: FileData) -> Any:
    """One file's content from the bytes read (a transparent file may carry its padding)."""
    return declaration(name).decode(raw)


REQUIRED_FOR_CONTENT = (
    card.DECL.name,
    status.DECL.name,
    member.DECL.name,
    dependants.DECL.name,
    endorse.DECL.name,
)


def decode_content(files: Mapping[str, FileData]) -> CardContent:
    """The card content from the files read. EF.PHOTO may be absent (photos are read only when asked
    for: the content then has no photos); EF.DIR and EF.SOD are not content and are ignored."""
    missing = [name for name in REQUIRED_FOR_CONTENT if name not in files]
    if missing:
        raise MalformedFile(missing[0], f"was not read: decode_content needs {', '.join(missing)}")
    decoded = {name: decode_file(name, files[name]) for name in REQUIRED_FOR_CONTENT}
    raw_photos = files.get(photo.DECL.name)
    photos = {} if raw_photos is None else decode_file(photo.DECL.name, raw_photos)
    dependants_read = decoded[dependants.DECL.name]
    known = {MEMBER_ID, *(d.person_id for d in dependants_read)}
    strangers = sorted(set(photos) - known)
    if strangers:
        raise MalformedFile(photo.DECL.name, f"photos of persons not on the card: {', '.join(strangers)}")
    return CardContent(
        info=decoded[card.DECL.name],
        status=decoded[status.DECL.name],
        member=decoded[member.DECL.name],
        dependants=dependants_read,
        endorsements=decoded[endorse.DECL.name],
        photos=photos,
    )
