"""EF.SOD: the security object, signed by the issuing station (SFI 29 as ICAO 9303-10's EF.SOD)."""

from apdu.fcp import FileKind
from card_station.card.codecs import sod as codec
from card_station.card.files.access import TRANSPARENT_EF
from card_station.card.files.decl import Codec, FileDecl, FileSize, Parent
from card_station.card.profile import CardProfile

SIZE = FileSize(size=1536)

DECL = FileDecl(
    name="EF.SOD",
    fid=0x451D,
    sfi=29,
    kind=FileKind.TRANSPARENT,
    parent=Parent.APPLICATION,
    sizes={CardProfile.K32: SIZE, CardProfile.K64: SIZE},
    access=TRANSPARENT_EF,
    codec=Codec(codec.encode, codec.decode),
    signed=False,
    meaning="security object: template E6",
)
