"""EF.DEPENDANTS: one record per eligible dependant."""

from apdu.fcp import FileKind
from card_station.card.codecs import dependants as codec
from card_station.card.files.access import RECORD_EF
from card_station.card.files.decl import Codec, FileDecl, FileSize, Parent
from card_station.card.profile import CardProfile

SIZE = FileSize(record_length=192, record_count=12)

DECL = FileDecl(
    name="EF.DEPENDANTS",
    fid=0x4513,
    sfi=3,
    kind=FileKind.LINEAR_FIXED,
    parent=Parent.APPLICATION,
    sizes={CardProfile.K32: SIZE, CardProfile.K64: SIZE},
    access=RECORD_EF,
    codec=Codec(codec.encode, codec.decode),
    signed=True,
    meaning="one record per eligible dependant: template E3",
)
