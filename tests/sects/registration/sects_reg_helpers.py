"""Helpers of the SECTS registration tests (seed 001): the station the fixtures build, the console SMS
gateway's file read as the phones' inbox, and form builders with valid, generated Aadhaar numbers. (A
module of its own: ``conftest`` is a name every test folder shares.)"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PIL import Image
from station_fixtures import FixedClock

from card_station.domain import verhoeff
from card_station.domain.records import Gender
from card_station.sects.codes import BeneficiaryKind, OfficerCode
from card_station.sects.records import BeneficiaryForm, FamilyMember, OfficeForm, OfficerForm, Relation
from card_station.sects.services.desk import SectsDesk
from card_station.store import Store
from card_station.store.models.operators import Operator

DDO_CODE = "DDO-6601-00023"
TO_CODE = "TO-6601-00001"
DDO_MOBILE = "9415012345"
EMPLOYEE_MOBILE = "9839098765"
_OTP = re.compile(r"OTP (\d{6})")
_PASSWORD = re.compile(r"password (\S+)")
_USER_ID = re.compile(r"User ID (UP[EP]\d{8})")


def aadhaar(body: str) -> str:
    """A valid Aadhaar number: 11 digits and their Verhoeff check digit."""
    return body + verhoeff.check_digit(body)


class Phone:
    """The console gateway's file, read as the registered mobiles' inbox."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def lines(self) -> list[str]:
        return self.path.read_text(encoding="utf-8").splitlines() if self.path.exists() else []

    def last(self) -> str:
        lines = self.lines()
        assert lines, "no SMS was sent"
        return lines[-1]

    def last_otp(self) -> str:
        match = _OTP.search(self.last())
        assert match, f"the last SMS holds no OTP: {self.last()}"
        return match.group(1)

    def last_password(self) -> str:
        match = _PASSWORD.search(self.last())
        assert match, "the last SMS holds no password"
        return match.group(1)

    def last_user_id(self) -> str:
        match = _USER_ID.search(self.last())
        assert match, f"the last SMS holds no user ID: {self.last()}"
        return match.group(1)


@dataclass(frozen=True)
class SectsStation:
    store: Store
    clock: FixedClock
    desk: SectsDesk
    phone: Phone
    ops: dict[str, Operator]


def photo(shade: int) -> bytes:
    picture = Image.new("RGB", (60, 80), (shade, 120, 255 - shade))
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=80)
    return out.getvalue()


def officer_form(
    code: str = DDO_CODE, *, cug: str | None = DDO_MOBILE, personal: str | None = None
) -> OfficerForm:
    return OfficerForm.create(
        code=code,
        name="श्याम सुन्दर मिश्र",
        designation="मुख्य चिकित्सा अधिकारी (Chief Medical Officer)",
        controlling_officer="निदेशक, चिकित्सा एवं स्वास्थ्य (Director, Medical and Health)",
        cug_mobile=cug,
        personal_mobile=personal,
        email="cmo.lucknow@example.in",
    )


OFFICE = OfficeForm(
    name="मुख्य चिकित्सा अधिकारी कार्यालय, लखनऊ",
    department="चिकित्सा एवं स्वास्थ्य विभाग",
    district="लखनऊ",
    address="पुराना सचिवालय परिसर, लखनऊ-226001",
)


def family(*bodies: str) -> tuple[FamilyMember, ...]:
    """The employee and up to three family members with the Aadhaar numbers built from ``bodies``."""
    people = (
        ("रमेश चन्द्र वर्मा", Relation.SELF, date(1972, 3, 14), Gender.MALE),
        ("सुनीता वर्मा", Relation.SPOUSE, date(1976, 8, 2), Gender.FEMALE),
        ("अमित वर्मा", Relation.SON, date(2001, 11, 23), Gender.MALE),
        ("प्रिया वर्मा", Relation.DAUGHTER, date(2005, 6, 9), Gender.FEMALE),
    )
    return tuple(
        FamilyMember(name, relation, born, gender, aadhaar(body), photo(40 * number))
        for number, ((name, relation, born, gender), body) in enumerate(
            zip(people, bodies, strict=False), start=1
        )
    )


EMPLOYEE_AADHAAR = ("23412341234", "34523452345", "45634563456")


def beneficiary_form(
    members: tuple[FamilyMember, ...] | None = None, *, code: str = DDO_CODE, mobile: str = EMPLOYEE_MOBILE
) -> BeneficiaryForm:
    return BeneficiaryForm(
        kind=BeneficiaryKind.EMPLOYEE,
        officer_code=OfficerCode.parse(code),
        designation="वरिष्ठ सहायक (Senior Assistant)",
        department="चिकित्सा एवं स्वास्थ्य विभाग",
        district="लखनऊ",
        members=members or family(*EMPLOYEE_AADHAAR),
        mobile=mobile,
    )
