"""EF.CARD under the MF: card serial, size, layout version, issuer, personalisation date and station."""

from apdu.fcp import FileKind
from card_station.card.codecs import card as codec
from card_station.card.files.access import TRANSPARENT_EF
from card_station.card.files.decl import Codec, FileDecl, FileSize, Parent
from card_station.card.profile import CardProfile

SIZE = FileSize(size=160)

DECL = FileDecl(
    name="EF.CARD",
    fid=0x2F10,
    sfi=16,
    kind=FileKind.TRANSPARENT,
    parent=Parent.MF,
    sizes={CardProfile.K32: SIZE, CardProfile.K64: SIZE},
    access=TRANSPARENT_EF,
    codec=Codec(codec.encode, codec.decode),
    signed=True,
    meaning="the card's identity: template E1",
)
