"""The ECHS application DF, selected by its AID (a proprietary AID: F0 starts an unregistered one,
ISO/IEC 7816-5 / 7816-4 §12.2.3)."""

from apdu.fcp import FileKind
from card_station.card.files.access import APPLICATION_DF
from card_station.card.files.decl import FileDecl, FileSize, Parent
from card_station.card.profile import CardProfile

APPLICATION_AID = bytes.fromhex("F04543485301")
APPLICATION_LABEL = "ECHS"

DECL = FileDecl(
    name="DF.ECHS",
    fid=0x4543,
    sfi=None,
    kind=FileKind.DF,
    parent=Parent.MF,
    sizes={CardProfile.K32: FileSize(), CardProfile.K64: FileSize()},
    access=APPLICATION_DF,
    codec=None,
    signed=False,
    meaning="the ECHS card application (AID F0 45 43 48 53 01)",
    df_name=APPLICATION_AID,
)
