"""The pure SECTS rules (seed 001), with known vectors and the circular's own words."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sects_reg_helpers import aadhaar, family, photo

from card_station.domain.records import Gender
from card_station.sects.aadhaar import mask_aadhaar, normalise_aadhaar
from card_station.sects.codes import (
    BeneficiaryKind,
    OfficerCode,
    OfficerKind,
    card_number,
    parse_card_number,
    parse_user_id,
)
from card_station.sects.errors import DuplicateAadhaar, InvalidEntry
from card_station.sects.mobile import MobileKind, choose_registered_mobile
from card_station.sects.records import BeneficiaryForm, FamilyMember, Relation
from card_station.sects.services.beneficiaries import card_validity


def test_aadhaar_normalised_and_masked() -> None:
    number = aadhaar("23412341234")
    spaced = f"{number[:4]} {number[4:8]}-{number[8:]}"
    assert normalise_aadhaar(spaced) == number
    assert mask_aadhaar(number) == f"XXXX XXXX {number[-4:]}"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("23412341234", "exactly 12 digits"),
        ("2341234123456", "exactly 12 digits"),
        ("2341234123a4", "exactly 12 digits"),
        ("123412341234", "never starts with 0 or 1"),
        ("234123412340", "check digit is wrong"),
    ],
)
def test_invalid_aadhaar_numbers_say_what_is_wrong(text: str, problem: str) -> None:
    with pytest.raises(InvalidEntry, match=problem):
        normalise_aadhaar(text)


def test_cug_mobile_preferred_personal_only_without_cug() -> None:
    """seed 001 annexure 1: "फॉर्म भरते समय सी०यू०जी० मोबाइल नम्बर अंकित करें। सी०यू०जी० नम्बर उपलब्ध न होने
    पर ही व्यक्तिगत मोबाइल नम्बर अंकित करें।" """
    assert choose_registered_mobile("+91 94150 12345", None) == ("9415012345", MobileKind.CUG)
    assert choose_registered_mobile(None, "09839098765") == ("9839098765", MobileKind.PERSONAL)
    assert choose_registered_mobile("", "9839098765") == ("9839098765", MobileKind.PERSONAL)
    with pytest.raises(InvalidEntry, match="only when there is no CUG number"):
        choose_registered_mobile("9415012345", "9839098765")
    with pytest.raises(InvalidEntry, match="CUG mobile number"):
        choose_registered_mobile(None, None)
    with pytest.raises(InvalidEntry, match="10 digits starting with 6, 7, 8 or 9"):
        choose_registered_mobile("5415012345", None)


def test_officer_codes() -> None:
    code = OfficerCode.parse(" ddo-6601-00023 ")
    assert (code.kind, code.treasury, code.serial, str(code)) == (
        OfficerKind.DDO,
        "6601",
        "00023",
        "DDO-6601-00023",
    )
    assert OfficerCode.parse("TO-6601-00001").kind is OfficerKind.TO
    for bad in ("DDO-661-00023", "XO-6601-00023", "DDO660100023", "DDO-6601-0002"):
        with pytest.raises(InvalidEntry, match="write DDO-tttt-nnnnn or TO-tttt-nnnnn"):
            OfficerCode.parse(bad)


def test_user_ids_and_card_numbers() -> None:
    assert parse_user_id(" upe00000042 ") == "UPE00000042"
    assert card_number("UPE00000042", 3) == "UPE00000042-03"
    assert parse_card_number("UPE00000042-03") == ("UPE00000042", 3)
    with pytest.raises(InvalidEntry, match="user ID"):
        parse_user_id("E42")


def test_duplicate_aadhaar_on_one_form_is_refused() -> None:
    members = family("23412341234", "23412341234")
    with pytest.raises(DuplicateAadhaar, match="already registered for रमेश चन्द्र वर्मा on this form"):
        BeneficiaryForm(
            kind=BeneficiaryKind.EMPLOYEE,
            officer_code=OfficerCode.parse("DDO-6601-00023"),
            designation="x",
            department="y",
            district="z",
            members=members,
            mobile="9839098765",
        )


def test_a_form_starts_with_the_employee_and_every_person_has_a_photo() -> None:
    spouse = FamilyMember(
        "सुनीता", Relation.SPOUSE, date(1976, 8, 2), Gender.FEMALE, aadhaar("34523452345"), photo(1)
    )
    with pytest.raises(InvalidEntry, match="the first person on the form is the employee"):
        BeneficiaryForm(
            kind=BeneficiaryKind.PENSIONER,
            officer_code=OfficerCode.parse("TO-6601-00001"),
            designation="x",
            department="y",
            district="z",
            members=(spouse,),
            mobile="9839098765",
        )
    with pytest.raises(InvalidEntry, match="every family member needs a photo"):
        FamilyMember("सुनीता", Relation.SPOUSE, date(1976, 8, 2), Gender.FEMALE, aadhaar("34523452345"), b"")
    with pytest.raises(InvalidEntry, match="JPEG or PNG"):
        FamilyMember(
            "सुनीता", Relation.SPOUSE, date(1976, 8, 2), Gender.FEMALE, aadhaar("34523452345"), b"GIF89a"
        )


def test_a_form_never_shows_a_number_in_its_repr() -> None:
    member = family("23412341234")[0]
    assert aadhaar("23412341234") not in repr(member)
    assert member.aadhaar_masked.endswith(aadhaar("23412341234")[-4:])


def test_card_validity_runs_from_the_ist_day_of_verification() -> None:
    assert card_validity(datetime(2026, 11, 23, 19, 0, tzinfo=UTC), 5) == (
        date(2026, 11, 24),
        date(2031, 11, 23),
    )
    assert card_validity(datetime(2028, 2, 29, 6, 0, tzinfo=UTC), 1) == (date(2028, 2, 29), date(2029, 2, 27))
