"""EF.PHOTO: the member's and dependants' photos; the one file whose size differs between profiles."""

from apdu.fcp import FileKind
from card_station.card.codecs import photo as codec
from card_station.card.files.access import TRANSPARENT_EF
from card_station.card.files.decl import Codec, FileDecl, FileSize, Parent
from card_station.card.profile import CardProfile

DECL = FileDecl(
    name="EF.PHOTO",
    fid=0x4515,
    sfi=5,
    kind=FileKind.TRANSPARENT,
    parent=Parent.APPLICATION,
    sizes={CardProfile.K32: FileSize(size=24 * 1024), CardProfile.K64: FileSize(size=56 * 1024)},
    access=TRANSPARENT_EF,
    codec=Codec(codec.encode, codec.decode),
    signed=True,
    meaning="JPEG photos by person: template E5",
)
