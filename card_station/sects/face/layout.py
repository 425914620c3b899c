"""The SECTS health card face as data for the issuing run's renderer (``card_station.issuing.face``): a CR80
card in landscape, labels Hindi first then English, the photo on the left of the front, the signed QR code
on the back (issue 9 "The health card"; seed 001 annexure 2, bullet 7: the plastic "हेल्थ कार्ड").

The same grid as the ECHS face (``card_station.issuing.face.grid``: the 3 mm safe margin card printers
need, the photo, two columns of cells). A green header, not the ECHS maroon, so that the two schemes'
cards are told apart across a counter. The Aadhaar number is printed only masked, "XXXX XXXX 1234"
(issue 9: "never printed in full").
"""

from __future__ import annotations

from enum import StrEnum

from card_station.issuing.face import grid
from card_station.issuing.face.layout import Box, FaceLayout, FixedText, Label, TextStyle


class SectsField(StrEnum):
    """The fields of a SECTS face, by the names this layout places."""

    NAME = "name"
    CARD_NUMBER = "card_number"
    KIND = "kind"
    RELATION = "relation"
    DATE_OF_BIRTH = "date_of_birth"
    AADHAAR = "aadhaar"
    DDO_CODE = "ddo_code"
    DEPARTMENT = "department"
    DISTRICT = "district"
    VALID_UNTIL = "valid_until"


GREEN = "#0B6623"

TITLE = Label(
    "स्टेट इम्प्लाइज कैशलेस ट्रीटमेन्ट स्कीम, उत्तर प्रदेश", "State Employees Cashless Treatment Scheme, Uttar Pradesh"
)
KIND = Label("लाभार्थी", "Beneficiary")
AADHAAR = Label("आधार", "Aadhaar")
DDO = Label("डी0डी0ओ0/टी0ओ0 कोड", "DDO/TO Code")
DEPARTMENT = Label("विभाग", "Department")
DISTRICT = Label("जनपद", "District")
BACK_NOTE = Label(
    "यह कार्ड साची, उत्तर प्रदेश द्वारा जारी किया गया है। मिलने पर निकटतम सरकारी चिकित्सालय में जमा करें।",
    "Issued by SACHI, Uttar Pradesh. If found, hand it in at the nearest government hospital.",
)

TITLE_STYLE = TextStyle(2.4, grid.SMALLEST, bold=True, colour="#FFFFFF", centred=True)

_QR_SLOT, _BACK_W = grid.back_qr(34.0)

SECTS_LAYOUT = FaceLayout(
    name="SECTS",
    safe_margin_mm=grid.MARGIN,
    front=(
        *grid.front_head(TITLE, GREEN, TITLE_STYLE, SectsField.NAME),
        grid.column_cell(SectsField.CARD_NUMBER, grid.CARD_NO, 0, 0),
        grid.column_cell(SectsField.VALID_UNTIL, grid.VALID, 0, 1),
        grid.column_cell(SectsField.RELATION, grid.RELATION, 1, 0),
        grid.column_cell(SectsField.DATE_OF_BIRTH, grid.DOB, 1, 1),
        grid.column_cell(SectsField.AADHAAR, AADHAAR, 2, 0),
        grid.column_cell(SectsField.KIND, KIND, 2, 1),
        grid.column_cell(SectsField.DDO_CODE, DDO, 3, 0),
        grid.column_cell(SectsField.DISTRICT, DISTRICT, 3, 1),
        grid.cell(SectsField.DEPARTMENT, DEPARTMENT, Box(grid.MARGIN, 44.0, grid.INNER, grid.VALUE_H)),
    ),
    back=(
        grid.cell(SectsField.CARD_NUMBER, grid.CARD_NO, Box(grid.MARGIN, grid.MARGIN, _BACK_W, grid.VALUE_H)),
        FixedText("back note", BACK_NOTE.hindi, Box(grid.MARGIN, 11.5, _BACK_W, 13.0), grid.NOTE_STYLE),
        FixedText("back note", BACK_NOTE.english, Box(grid.MARGIN, 25.5, _BACK_W, 12.0), grid.NOTE_STYLE),
        grid.cell(SectsField.DDO_CODE, DDO, Box(grid.MARGIN, 40.0, _BACK_W, grid.VALUE_H)),
        _QR_SLOT,
    ),
)
