"""The ECHS card face: a CR80 card in landscape, bilingual labels (Hindi first), the photo on the left of
the front, the signed QR code on the back (issue 8 "Card face").

The grid (``grid``: the 3 mm safe margin, the columns, the cells) is the one the SECTS face uses too. The
FMA marking of seed 003 §11 ("No OPD – 01 JUL 2019") is printed in red in a red frame across the foot of
the front, only on a card that carries it.
"""

from __future__ import annotations

from card_station.issuing.face import grid
from card_station.issuing.face.content import EchsField
from card_station.issuing.face.layout import Box, FaceLayout, FieldText, FixedText, Frame, Label, TextStyle

MAROON = "#800020"
RED = "#BE0000"

TITLE = Label("भूतपूर्व सैनिक अंशदायी स्वास्थ्य योजना", "Ex-Servicemen Contributory Health Scheme")
SERVICE_NO = Label("सेवा संख्या", "Service No")
RANK = Label("रैंक", "Rank")
WARD = Label("वार्ड", "Ward")
POLYCLINIC = Label("पैतृक पॉलीक्लिनिक", "Parent Polyclinic")
BACK_NOTE = Label(
    "यह कार्ड ईसीएचएस की संपत्ति है। मिलने पर निकटतम ईसीएचएस पॉलीक्लिनिक में लौटाएं।",
    "This card is the property of ECHS. If found, return it to the nearest ECHS polyclinic.",
)

TITLE_STYLE = TextStyle(2.6, grid.SMALLEST, bold=True, colour="#FFFFFF", centred=True)
ENDORSEMENT_STYLE = TextStyle(3.4, grid.SMALLEST, bold=True, colour=RED, centred=True)

_QR_SLOT, _BACK_W = grid.back_qr(36.0)

ECHS_LAYOUT = FaceLayout(
    name="ECHS",
    safe_margin_mm=grid.MARGIN,
    front=(
        *grid.front_head(TITLE, MAROON, TITLE_STYLE, EchsField.NAME),
        grid.column_cell(EchsField.SERVICE_NUMBER, SERVICE_NO, 0, 0),
        grid.column_cell(EchsField.RANK, RANK, 0, 1),
        grid.column_cell(EchsField.CARD_NUMBER, grid.CARD_NO, 1, 0),
        grid.column_cell(EchsField.VALID_UNTIL, grid.VALID, 1, 1),
        grid.column_cell(EchsField.WARD, WARD, 2, 0),
        grid.column_cell(EchsField.POLYCLINIC, POLYCLINIC, 2, 1),
        grid.column_cell(EchsField.RELATION, grid.RELATION, 3, 0, optional=True),
        grid.column_cell(EchsField.DATE_OF_BIRTH, grid.DOB, 3, 1, optional=True),
        Frame(Box(grid.MARGIN, 44.6, grid.INNER, 5.4), RED, 0.4, when_field=EchsField.ENDORSEMENT),
        FieldText(
            EchsField.ENDORSEMENT,
            None,
            Box(grid.MARGIN + 1.0, 45.3, grid.INNER - 2.0, 4.0),
            ENDORSEMENT_STYLE,
            optional=True,
        ),
    ),
    back=(
        grid.cell(EchsField.CARD_NUMBER, grid.CARD_NO, Box(grid.MARGIN, grid.MARGIN, _BACK_W, grid.VALUE_H)),
        FixedText("back note", BACK_NOTE.hindi, Box(grid.MARGIN, 11.5, _BACK_W, 12.0), grid.NOTE_STYLE),
        FixedText("back note", BACK_NOTE.english, Box(grid.MARGIN, 24.5, _BACK_W, 12.0), grid.NOTE_STYLE),
        grid.cell(EchsField.POLYCLINIC, POLYCLINIC, Box(grid.MARGIN, 40.0, _BACK_W, 6.0)),
        _QR_SLOT,
    ),
)
