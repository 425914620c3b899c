"""EF.STATUS: the anti-tearing and life-cycle record (the eGK EF.StatusVD pattern), 32 bytes."""

from apdu.fcp import FileKind
from card_station.card.codecs import status as codec
from card_station.card.files.access import TRANSPARENT_EF
from card_station.card.files.decl import Codec, FileDecl, FileSize, Parent
from card_station.card.profile import CardProfile

SIZE = FileSize(size=codec.STATUS_SIZE)

DECL = FileDecl(
    name="EF.STATUS",
    fid=0x4511,
    sfi=1,
    kind=FileKind.TRANSPARENT,
    parent=Parent.APPLICATION,
    sizes={CardProfile.K32: SIZE, CardProfile.K64: SIZE},
    access=TRANSPARENT_EF,
    codec=Codec(codec.encode, codec.decode),
    signed=True,
    tlv_framed=False,
    meaning="update flag, state, block reason, counter, times, layout version: fixed 32 bytes",
)
