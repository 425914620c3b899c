"""The filled registration forms as printable HTML (Hindi first, then English; numbers masked), for the
form PDF that the OTP unlocks (seed 001 annexure 1, bullet 6; annexure 2, bullet 4).

Why from the views: an ``Officer`` or ``Beneficiary`` view carries mobile and Aadhaar numbers only masked
(``sects.records``), so the printed form can never show a number in full.
"""

from __future__ import annotations

from html import escape

from card_station.sects.records import Beneficiary, Officer
from gui.sects.common import bilingual


def _rows(pairs: list[tuple[str, str]]) -> str:
    return "".join(
        f"<tr><td>{escape(label)}</td><td><b>{escape(value)}</b></td></tr>" for label, value in pairs
    )


def officer_html(officer: Officer) -> str:
    pairs = [
        (bilingual("DDO/TO code"), str(officer.code)),
        (bilingual("Name"), officer.name),
        (bilingual("Designation"), officer.designation),
        (bilingual("Controlling officer"), officer.controlling_officer),
        (bilingual("Mobile"), officer.mobile_masked),
    ]
    for office in officer.offices:
        pairs.append((f"{bilingual('Office')} {office.number}", f"{office.name}, {office.district}"))
    title = bilingual("DDO/TO Registration Form")
    sign = bilingual("Signature, and verification by the controlling officer")
    return f"<h2>{escape(title)}</h2><table>{_rows(pairs)}</table><p><br><br>{escape(sign)}</p>"


def beneficiary_html(beneficiary: Beneficiary) -> str:
    pairs = [
        (bilingual("Registration"), str(beneficiary.registration)),
        (bilingual("Beneficiary"), beneficiary.kind.value),
        (bilingual("DDO/TO code"), str(beneficiary.officer_code)),
        (bilingual("Department"), beneficiary.department),
        (bilingual("Mobile"), beneficiary.mobile_masked),
    ]
    for member in beneficiary.members:
        pairs.append(
            (
                member.relation.value,
                f"{member.name}, {member.date_of_birth:%d-%m-%Y}, {member.aadhaar_masked}",
            )
        )
    title = bilingual("Employee/Pensioner Registration Form")
    sign = bilingual("Signature; give the form to your DDO/TO")
    return f"<h2>{escape(title)}</h2><table>{_rows(pairs)}</table><p><br><br>{escape(sign)}</p>"
