"""EF.DIR (ISO/IEC 7816-4 §8.2.1.1): the MF's list of applications, through which ours is found."""

from apdu.fcp import FileKind
from card_station.card.codecs import dir as codec
from card_station.card.files.access import RECORD_EF
from card_station.card.files.decl import Codec, FileDecl, FileSize, Parent
from card_station.card.profile import CardProfile

SIZE = FileSize(record_length=32, record_count=4)

DECL = FileDecl(
    name="EF.DIR",
    fid=0x2F00,
    sfi=30,
    kind=FileKind.LINEAR_FIXED,
    parent=Parent.MF,
    sizes={CardProfile.K32: SIZE, CardProfile.K64: SIZE},
    access=RECORD_EF,
    codec=Codec(codec.encode, codec.decode),
    signed=False,
    meaning="application templates 61 (AID 4F, label 50); shared by every application on the card",
)
