"""The SECTS application's files, declared as data with the ECHS ``FileDecl`` (docs/sects-card.md "Files").

Why the same declaration type as ECHS: personalisation creates ``fcp(profile)`` in order, the capacity
check and EF.SOD take the declarations, and the round-trip test iterates over them, exactly as for ECHS.
The application is one DF under the MF, found through the card's shared EF.DIR by its own proprietary AID;
every file but EF.DIR lives in it, so it can sit beside the ECHS DF on one chip. EF.INFO and EF.STATUS use
the ECHS EF.CARD and EF.STATUS encodings, EF.PHOTO and EF.SOD the ECHS photo and security object
encodings; only EF.HOLDER and EF.FAMILY are SECTS codecs. Every size is the same on both profiles: the
whole application (about 18 KB) fits a blank 32 KB card, a blank 64 KB card, and a 64 KB card beside the
ECHS 32 KB layout.
"""

from __future__ import annotations

from apdu.fcp import FileKind
from card_station.card.codecs import card as card_codec
from card_station.card.codecs import photo as photo_codec
from card_station.card.codecs import sod as sod_codec
from card_station.card.codecs import status as status_codec
from card_station.card.files import dir as dir_file
from card_station.card.files.access import APPLICATION_DF, RECORD_EF, TRANSPARENT_EF
from card_station.card.files.decl import Codec, FileDecl, FileSize, Parent
from card_station.card.profile import CardProfile
from card_station.sects.card.codecs import family as family_codec
from card_station.sects.card.codecs import holder as holder_codec
from card_station.sects.card.content import MAX_FAMILY

SECTS_AID = bytes.fromhex("F0534543545301")
"""F0 + "SECTS" + version 01: proprietary and unregistered (ISO/IEC 7816-5; F0 as the ECHS AID)."""
SECTS_LABEL = "SECTS"

PHOTO_BYTES = 14 * 1024
PHOTO_PER_PERSON = 1536
"""The holder and eight family members at 1.5 KB each fit EF.PHOTO with their entry headers."""


def _same(size: FileSize) -> dict[CardProfile, FileSize]:
    return {profile: size for profile in CardProfile}


DIR = dir_file.DECL
"""EF.DIR under the MF, shared with any other application (the ECHS declaration itself)."""

APPLICATION = FileDecl(
    name="DF.SECTS",
    fid=0x5345,
    sfi=None,
    kind=FileKind.DF,
    parent=Parent.MF,
    sizes=_same(FileSize()),
    access=APPLICATION_DF,
    codec=None,
    signed=False,
    meaning="the SECTS card application (AID F0 53 45 43 54 53 01)",
    df_name=SECTS_AID,
)

INFO = FileDecl(
    name="EF.INFO",
    fid=0x5310,
    sfi=16,
    kind=FileKind.TRANSPARENT,
    parent=Parent.APPLICATION,
    sizes=_same(FileSize(size=160)),
    access=TRANSPARENT_EF,
    codec=Codec(card_codec.encode, card_codec.decode),
    signed=True,
    meaning="the application's identity: chip serial, size, layout version, issuer, date, station (E1)",
)

STATUS = FileDecl(
    name="EF.STATUS",
    fid=0x5311,
    sfi=1,
    kind=FileKind.TRANSPARENT,
    parent=Parent.APPLICATION,
    sizes=_same(FileSize(size=status_codec.STATUS_SIZE)),
    access=TRANSPARENT_EF,
    codec=Codec(status_codec.encode, status_codec.decode),
    signed=True,
    tlv_framed=False,
    meaning="update flag, state, block reason, counter, times: the ECHS EF.STATUS encoding, 32 bytes",
)

HOLDER = FileDecl(
    name="EF.HOLDER",
    fid=0x5312,
    sfi=2,
    kind=FileKind.TRANSPARENT,
    parent=Parent.APPLICATION,
    sizes=_same(FileSize(size=512)),
    access=TRANSPARENT_EF,
    codec=Codec(holder_codec.encode, holder_codec.decode),
    signed=True,
    meaning="the employee or pensioner: template E8",
)

FAMILY = FileDecl(
    name="EF.FAMILY",
    fid=0x5313,
    sfi=3,
    kind=FileKind.LINEAR_FIXED,
    parent=Parent.APPLICATION,
    sizes=_same(FileSize(record_length=160, record_count=MAX_FAMILY)),
    access=RECORD_EF,
    codec=Codec(family_codec.encode, family_codec.decode),
    signed=True,
    meaning="one record per family member: template E9",
)

PHOTO = FileDecl(
    name="EF.PHOTO",
    fid=0x5315,
    sfi=5,
    kind=FileKind.TRANSPARENT,
    parent=Parent.APPLICATION,
    sizes=_same(FileSize(size=PHOTO_BYTES)),
    access=TRANSPARENT_EF,
    codec=Codec(photo_codec.encode, photo_codec.decode),
    signed=True,
    meaning="JPEG photos by person: the ECHS template E5",
)

SOD = FileDecl(
    name="EF.SOD",
    fid=0x531D,
    sfi=29,
    kind=FileKind.TRANSPARENT,
    parent=Parent.APPLICATION,
    sizes=_same(FileSize(size=1536)),
    access=TRANSPARENT_EF,
    codec=Codec(sod_codec.encode, sod_codec.decode),
    signed=False,
    meaning="security object: the ECHS template E6 over this application's files",
)

APPLICATION_FILES: tuple[FileDecl, ...] = (APPLICATION, INFO, STATUS, HOLDER, FAMILY, PHOTO, SOD)
"""The DF and its files in creation order (what is created beside another application)."""

DECLARATIONS: tuple[FileDecl, ...] = (DIR, *APPLICATION_FILES)
"""Every file a blank card gets, in creation order: EF.DIR first, EF.SOD last."""

SIGNED: tuple[FileDecl, ...] = tuple(decl for decl in DECLARATIONS if decl.signed)
"""The files EF.SOD hashes: all but EF.DIR (the card's, not the application's), the DF and EF.SOD."""

_BY_NAME = {decl.name: decl for decl in DECLARATIONS}


def declaration(name: str) -> FileDecl:
    """The declaration of the SECTS file called ``name``."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(
            f"no file called {name!r} in the SECTS layout; the files are {', '.join(_BY_NAME)}"
        ) from None
