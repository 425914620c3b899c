"""The SECTS application's whole-card encode / decode and capacity check (docs/sects-card.md).

Why separate from the files: ``files`` says what exists, this module says what a ``SectsContent`` becomes
(file name -> bytes or records) and back, with the ECHS capacity check run over the SECTS declarations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from card_station.card.capacity import check_files_fit
from card_station.card.codecs.dir import DirEntry
from card_station.card.errors import MalformedFile
from card_station.card.files.decl import FileData, FileDecl
from card_station.card.profile import CardProfile
from card_station.sects.card.content import HOLDER_ID, SectsContent
from card_station.sects.card.files import (
    APPLICATION_FILES,
    DECLARATIONS,
    DIR,
    FAMILY,
    HOLDER,
    INFO,
    PHOTO,
    SECTS_AID,
    SECTS_LABEL,
    SIGNED,
    STATUS,
    declaration,
)

DIR_ENTRY = DirEntry(SECTS_AID, SECTS_LABEL)
REQUIRED_FOR_CONTENT = (INFO.name, STATUS.name, HOLDER.name, FAMILY.name)
SIGNED_NAMES = tuple(decl.name for decl in SIGNED)


def total_bytes(declarations: Sequence[FileDecl], profile: CardProfile) -> int:
    """EEPROM the files need on ``profile``: data plus headers."""
    return sum(decl.cost(profile) for decl in declarations)


def beside_bytes(profile: CardProfile) -> int:
    """EEPROM the application needs on a card that already has EF.DIR (beside ECHS): what an ECHS
    personalisation reserves for it (``card.personalise(reserved_bytes=...)``)."""
    return total_bytes(APPLICATION_FILES, profile)


def content_files(content: SectsContent) -> dict[str, Any]:
    """Each content file's domain value (what its codec encodes); EF.DIR's is this application's entry."""
    return {
        DIR.name: (DIR_ENTRY,),
        INFO.name: content.info,
        STATUS.name: content.status,
        HOLDER.name: content.holder,
        FAMILY.name: content.family,
        PHOTO.name: content.photos,
    }


def encode_content(
    content: SectsContent,
    profile: CardProfile,
    free_bytes: int | None = None,
    declarations: Sequence[FileDecl] = DECLARATIONS,
) -> dict[str, FileData]:
    """File name -> bytes or records for every file but EF.SOD. Raises CapacityError (before any write)
    when a file's content exceeds its size or ``declarations`` do not fit ``free_bytes``."""
    files = {name: declaration(name).encode(value) for name, value in content_files(content).items()}
    check_files_fit(files, profile, free_bytes, declarations=declarations)
    return files


def decode_file(name: str, raw: FileData) -> Any:
    return declaration(name).decode(raw)


def decode_content(files: Mapping[str, FileData]) -> SectsContent:
    """The card content from the files read; EF.PHOTO may be absent (no photos), EF.DIR and EF.SOD are
    ignored."""
    missing = [name for name in REQUIRED_FOR_CONTENT if name not in files]
    if missing:
        raise MalformedFile(missing[0], f"was not read: decode_content needs {', '.join(missing)}")
    decoded = {name: decode_file(name, files[name]) for name in REQUIRED_FOR_CONTENT}
    raw_photos = files.get(PHOTO.name)
    photos = {} if raw_photos is None else decode_file(PHOTO.name, raw_photos)
    family = decoded[FAMILY.name]
    known = {HOLDER_ID, *(member.person_id for member in family)}
    strangers = sorted(set(photos) - known)
    if strangers:
        raise MalformedFile(PHOTO.name, f"photos of persons not on the card: {', '.join(strangers)}")
    return SectsContent(
        info=decoded[INFO.name],
        status=decoded[STATUS.name],
        holder=decoded[HOLDER.name],
        family=family,
        photos=photos,
    )


__all__ = [
    "DIR_ENTRY",
    "SECTS_AID",
    "SIGNED_NAMES",
    "beside_bytes",
    "content_files",
    "decode_content",
    "decode_file",
    "encode_content",
    "total_bytes",
]
