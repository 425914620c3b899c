"""EF.MEMBER: the primary beneficiary."""

from apdu.fcp import FileKind
from card_station.card.codecs import member as codec
from card_station.card.files.access import TRANSPARENT_EF
from card_station.card.files.decl import Codec, FileDecl, FileSize, Parent
from card_station.card.profile import CardProfile

SIZE = FileSize(size=768)

DECL = FileDecl(
    name="EF.MEMBER",
    fid=0x4512,
    sfi=2,
    kind=FileKind.TRANSPARENT,
    parent=Parent.APPLICATION,
    sizes={CardProfile.K32: SIZE, CardProfile.K64: SIZE},
    access=TRANSPARENT_EF,
    codec=Codec(codec.encode, codec.decode),
    signed=True,
    meaning="the primary beneficiary: template E2",
)
