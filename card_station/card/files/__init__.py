"""The declarations of the card application's files, one module per file (``DECL``), in creation order."""

from card_station.card.files import application, card, dependants, endorse, member, photo, sod, status
from card_station.card.files import dir as dir_file
from card_station.card.files.decl import FileDecl

DECLARATIONS: tuple[FileDecl, ...] = (
    dir_file.DECL,
    card.DECL,
    application.DECL,
    status.DECL,
    member.DECL,
    dependants.DECL,
    endorse.DECL,
    photo.DECL,
    sod.DECL,
)
"""Every file, in the order personalisation creates them: EF.DIR and EF.CARD under the MF, then the DF
and its EFs, EF.SOD last."""

_BY_NAME = {decl.name: decl for decl in DECLARATIONS}

SIGNED_FILES: tuple[str, ...] = tuple(decl.name for decl in DECLARATIONS if decl.signed)
"""The files whose SHA-256 EF.SOD carries: all but EF.DIR (shared by every application on the card), the
DF and EF.SOD itself."""


def declaration(name: str) -> FileDecl:
    """The declaration of the file called ``name`` (``"EF.MEMBER"``)."""
    try:
        return _BY_NAME[name]
    except KeyError:
        known = ", ".join(_BY_NAME)
        raise KeyError(f"no file called {name!r} in the ECHS layout; the files are {known}") from None


__all__ = [
    "DECLARATIONS",
    "SIGNED_FILES",
    "application",
    "card",
    "declaration",
    "dependants",
    "dir_file",
    "endorse",
    "member",
    "photo",
    "sod",
    "status",
]
