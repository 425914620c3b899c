"""EF.ENDORSE: FMA "No OPD" and its cessation, blocks, changes of data; one record each."""

from apdu.fcp import FileKind
from card_station.card.codecs import endorse as codec
from card_station.card.files.access import RECORD_EF
from card_station.card.files.decl import Codec, FileDecl, FileSize, Parent
from card_station.card.profile import CardProfile

SIZE = FileSize(record_length=128, record_count=16)

DECL = FileDecl(
    name="EF.ENDORSE",
    fid=0x4514,
    sfi=4,
    kind=FileKind.LINEAR_FIXED,
    parent=Parent.APPLICATION,
    sizes={CardProfile.K32: SIZE, CardProfile.K64: SIZE},
    access=RECORD_EF,
    codec=Codec(codec.encode, codec.decode),
    signed=True,
    meaning="one record per endorsement, oldest first: template E4",
)
