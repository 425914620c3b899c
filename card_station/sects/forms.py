"""The filled SECTS registration forms as PDF, Hindi first then English (seed 001 annexures 1 and 2).

What the forms are for: annexure 1, bullets 6-8, the DDO/TO prints the filled form ("भरे हुए पंजीकरण फॉर्म
का प्रिन्ट/डाउनलोड"), signs it ("प्रिन्ट किये हुए फॉर्म पर हस्ताक्षर करें") and has the controlling officer
verify it ("अपने नियंत्रक अधिकारी से सत्यापित करायें"); annexure 2, bullets 4-5, the employee prints the filled
form and hands the signed form to the DDO/TO. So each form ends with the signature boxes. Aadhaar numbers
appear only masked (the views carry nothing else), mobile numbers likewise.

How: ``QTextDocument`` HTML printed to a ``QPdfWriter`` (as gui/technician/pdf.py), which embeds the fonts;
the Devanagari family comes from ``issuing.face.qt_app.face_fonts`` (fonts-lohit-deva), so Hindi never
prints as boxes. Photos are document resources, printed beside each family member.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from card_station.issuing.face.qt_app import face_fonts
from card_station.sects.records import Beneficiary, Officer

_STYLE = "td, th { padding: 3px; } th { text-align: left; background: #e8e8e8; }"


def _row(hindi: str, english: str, value: str) -> str:
    return f"<tr><th>{hindi} / {english}</th><td>{html.escape(value)}</td></tr>"


def _signatures(*boxes: tuple[str, str]) -> str:
    cells = "".join(f"<td width='50%'><br/><br/><br/>{hindi}<br/>{english}</td>" for hindi, english in boxes)
    return f"<table width='100%' cellspacing='12'><tr>{cells}</tr></table>"


def officer_form_html(officer: Officer) -> str:
    """The DDO/TO Registration Form with its offices (annexure 1)."""
    details = "".join(
        (
            _row("कोड", "Code", str(officer.code)),
            _row("प्रकार", "Kind", officer.kind.value),
            _row("नाम", "Name", officer.name),
            _row("पदनाम", "Designation", officer.designation),
            _row("नियंत्रक अधिकारी", "Controlling officer", officer.controlling_officer),
            _row(
                "पंजीकृत मोबाइल", "Registered mobile", f"{officer.mobile_masked} ({officer.mobile_kind.value})"
            ),
            _row("ई-मेल", "E-mail", officer.email or "-"),
            _row("स्थिति", "Status", officer.status.value),
        )
    )
    offices = "".join(
        f"<tr><td>{office.number}</td><td>{html.escape(office.name)}</td><td>{html.escape(office.department)}</td>"
        f"<td>{html.escape(office.district)}</td><td>{html.escape(office.address)}</td></tr>"
        for office in officer.offices
    )
    return (
        f"<style>{_STYLE}</style>"
        "<h2>स्टेट इम्प्लाइज कैशलेस ट्रीटमेन्ट स्कीम — डी0डी0ओ0/टी0ओ0 पंजीकरण फॉर्म</h2>"
        "<h3>State Employees Cashless Treatment Scheme — DDO/TO Registration Form</h3>"
        f"<table border='1' cellspacing='0' width='100%'>{details}</table>"
        "<h3>कार्यालय / Offices</h3>"
        "<table border='1' cellspacing='0' width='100%'><tr><th>#</th><th>कार्यालय / Office</th>"
        "<th>विभाग / Department</th><th>जनपद / District</th><th>पता / Address</th></tr>"
        f"{offices}</table>"
        + _signatures(
            ("डी0डी0ओ0/टी0ओ0 के हस्ताक्षर", "Signature of the DDO/TO"),
            (
                "नियंत्रक अधिकारी द्वारा सत्यापित (हस्ताक्षर एवं मुहर)",
                "Verified by the controlling officer (signature, seal)",
            ),
        )
    )


def beneficiary_form_html(beneficiary: Beneficiary) -> str:
    """The employee/pensioner Registration Form with every family member's photo (annexure 2)."""
    details = "".join(
        (
            _row("पंजीकरण संख्या", "Registration number", str(beneficiary.registration)),
            _row("श्रेणी", "Category", beneficiary.kind.value),
            _row("डी0डी0ओ0/टी0ओ0 कोड", "DDO/TO code", str(beneficiary.officer_code)),
            _row("पदनाम", "Designation", beneficiary.designation),
            _row("विभाग", "Department", beneficiary.department),
            _row("जनपद", "District", beneficiary.district),
            _row("पंजीकृत मोबाइल", "Registered mobile", beneficiary.mobile_masked),
            _row("स्थिति", "Status", beneficiary.status.value),
        )
    )
    members = "".join(
        f"<tr><td><img src='photo:{member.number}' width='60'/></td><td>{member.number}</td>"
        f"<td>{html.escape(member.name)}</td><td>{member.relation.value}</td>"
        f"<td>{member.date_of_birth:%d-%m-%Y}</td><td>{member.aadhaar_masked}</td></tr>"
        for member in beneficiary.members
    )
    return (
        f"<style>{_STYLE}</style>"
        "<h2>स्टेट इम्प्लाइज कैशलेस ट्रीटमेन्ट स्कीम — कर्मचारी/पेंशनर पंजीकरण फॉर्म</h2>"
        "<h3>State Employees Cashless Treatment Scheme — Employee/Pensioner Registration Form</h3>"
        f"<table border='1' cellspacing='0' width='100%'>{details}</table>"
        "<h3>परिवार के सदस्य / Family members</h3>"
        "<table border='1' cellspacing='0' width='100%'>"
        "<tr><th>फोटो / Photo</th><th>#</th><th>नाम / Name</th>"
        "<th>सम्बन्ध / Relation</th><th>जन्म तिथि / Date of birth</th><th>आधार / Aadhaar</th></tr>"
        f"{members}</table>"
        + _signatures(
            ("कर्मचारी/पेंशनर के हस्ताक्षर", "Signature of the employee/pensioner"),
            ("डी0डी0ओ0/टी0ओ0 द्वारा सत्यापित", "Verified by the DDO/TO"),
        )
    )


def _write(document: QTextDocument, path: Path, title: str) -> Path:
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15)
        )
    )
    document.print_(writer)
    del writer
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"the PDF {path} was not written: check the folder is writable")
    return path


def _document(body: str) -> QTextDocument:
    fonts = face_fonts()
    document = QTextDocument()
    font = QFont(fonts.devanagari)
    font.setFamilies([fonts.devanagari, fonts.latin])
    font.setPointSize(9)
    document.setDefaultFont(font)
    document.setHtml(body)
    return document


def write_officer_form(officer: Officer, path: Path) -> Path:
    """The filled DDO/TO form as a PDF at ``path``."""
    return _write(_document(officer_form_html(officer)), path, f"SECTS DDO/TO registration {officer.code}")


def write_beneficiary_form(beneficiary: Beneficiary, path: Path) -> Path:
    """The filled employee/pensioner form as a PDF at ``path``, with the family's photos."""
    document = _document("")
    for member in beneficiary.members:
        image = QImage.fromData(QByteArray(member.photo))
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"photo:{member.number}"), image)
    document.setHtml(beneficiary_form_html(beneficiary))
    return _write(document, path, f"SECTS registration {beneficiary.registration}")
