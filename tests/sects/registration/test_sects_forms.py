"""The filled forms as PDF (seed 001 annexure 1 bullet 6, annexure 2 bullet 4): Hindi first, Aadhaar and
mobile only masked, the Devanagari font embedded, signature boxes for the signed form."""

from __future__ import annotations

from pathlib import Path

from sects_flow import released_registration, verified_officer
from sects_reg_helpers import DDO_MOBILE, EMPLOYEE_AADHAAR, EMPLOYEE_MOBILE, SectsStation, aadhaar

from card_station.sects.forms import (
    beneficiary_form_html,
    officer_form_html,
    write_beneficiary_form,
    write_officer_form,
)
from card_station.sects.services import beneficiaries, officers


def test_the_released_forms_print_as_pdf_with_numbers_masked(sects: SectsStation, tmp_path: Path) -> None:
    verified_officer(sects)
    registration = released_registration(sects)
    with sects.store.transaction() as s:
        officer = officers.officer_form(
            s, sects.ops["coordinator"], "DDO-6601-00023", desk=sects.desk, now=sects.clock.now()
        )
        employee = beneficiaries.beneficiary_form(
            s, sects.ops["coordinator"], registration, desk=sects.desk, now=sects.clock.now()
        )
    officer_html = officer_form_html(officer)
    employee_html = beneficiary_form_html(employee)
    assert officer_html.index("डी0डी0ओ0/टी0ओ0 पंजीकरण फॉर्म") < officer_html.index("DDO/TO Registration Form")
    assert "नियंत्रक अधिकारी द्वारा सत्यापित" in officer_html
    assert "XXXXXX2345" in officer_html and DDO_MOBILE not in officer_html
    for body in EMPLOYEE_AADHAAR:
        assert aadhaar(body) not in employee_html
        assert f"XXXX XXXX {aadhaar(body)[-4:]}" in employee_html
    assert EMPLOYEE_MOBILE not in employee_html
    assert employee_html.count("<img src='photo:") == len(EMPLOYEE_AADHAAR)

    for written in (
        write_officer_form(officer, tmp_path / "ddo.pdf"),
        write_beneficiary_form(employee, tmp_path / "employee.pdf"),
    ):
        data = written.read_bytes()
        assert data.startswith(b"%PDF")
        assert b"Lohit" in data or b"Noto" in data
    assert (tmp_path / "employee.pdf").stat().st_size > (tmp_path / "ddo.pdf").stat().st_size
