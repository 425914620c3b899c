"""Sample and intake applications as JSON files (docs/applications.md), loaded into domain records.

Why a file format of its own: the CLI (`card-station personalise --application FILE.json`), the tests and
the benchmark need whole applications without a clerk typing them. A file holds the form (seed 002 §4,
affidavit paras 1-10) as the domain records take it, plus what only the card carries (card number,
parent polyclinic, blood group, allergies, photos). Every value is checked here, and a fault names the
file, the field and what to write instead; nothing downstream sees a half-checked dict.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from card_station.card.content import BloodGroup
from card_station.domain.records import (
    Application,
    CardSize,
    Dependant,
    Disability,
    DisabilityKind,
    Gender,
    MaritalStatus,
    Member,
    PensionKind,
    Relation,
    Service,
)

FORMAT = "card-station/application"
VERSION = 1
MAX_PHOTO_BYTES = 256 * 1024
"""A photo file larger than this is refused before decoding: the card budget is a few KB per person."""

_E = TypeVar("_E", bound=Enum)


class ApplicationFileError(ValueError):
    """An application file that cannot be used: names the file, the field and the fault."""

    def __init__(self, path: Path, field: str, problem: str) -> None:
        self.path = path
        self.field = field
        self.problem = problem
        super().__init__(f"{path}: {field}: {problem}")


@dataclass(frozen=True)
class CardParticulars:
    """Card-only facts: the card number, the parent polyclinic, the member's blood group and allergies."""

    card_number: str
    parent_polyclinic: str
    blood_group: BloodGroup | None = None
    allergies: str | None = None


@dataclass(frozen=True)
class ApplicationFile:
    """One loaded application: the domain record, the card particulars, the member's photo and one photo
    (or None) per listed dependant, in the order listed (JPEG bytes)."""

    application: Application
    card: CardParticulars
    member_photo: bytes | None
    dependant_photos: tuple[bytes | None, ...]


class _Reader:
    """Typed access to one JSON object, with the dotted field path kept for error messages."""

    def __init__(self, path: Path, where: str, raw: Any) -> None:
        if not isinstance(raw, dict):
            raise ApplicationFileError(path, where or "(top level)", "must be a JSON object {...}")
        self.path = path
        self.where = where
        self.raw: Mapping[str, Any] = raw
        self.used: set[str] = set()

    def name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def error(self, key: str, problem: str) -> ApplicationFileError:
        return ApplicationFileError(self.path, self.name(key), problem)

    def _get(self, key: str, required: bool) -> Any:
        self.used.add(key)
        if key not in self.raw or self.raw[key] is None:
            if required:
                raise self.error(key, "is missing; every application file must give it")
            return None
        return self.raw[key]

    def text(self, key: str) -> str:
        value = self.optional_text(key, required=True)
        assert value is not None
        return value

    def optional_text(self, key: str, *, required: bool = False) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, f"must be non-empty text, got {value!r}")
        return value.strip()

    def day(self, key: str) -> date:
        value = self.optional_day(key, required=True)
        assert value is not None
        return value

    def optional_day(self, key: str, *, required: bool = False) -> date | None:
        value = self._get(key, required)
        if value is None:
            return None
        problem = self.error(key, f"must be a date written YYYY-MM-DD, got {value!r}")
        if not isinstance(value, str):
            raise problem
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise problem from None

    def flag(self, key: str, default: bool = False) -> bool:
        value = self._get(key, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.error(key, f"must be true or false, got {value!r}")
        return value

    def whole(self, key: str, default: int | None = None) -> int:
        value = self._get(key, default is None)
        if value is None:
            assert default is not None
            return default
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.error(key, f"must be a whole number 0 or more, got {value!r}")
        return value

    def choice(self, key: str, kind: type[_E], default: _E | None = None) -> _E:
        value = self._get(key, default is None)
        if value is None:
            assert default is not None
            return default
        for member in kind:
            if member.value == value:
                return member
        allowed = ", ".join(repr(m.value) for m in kind)
        raise self.error(key, f"{value!r} is not one of {allowed}")

    def child(self, key: str, *, required: bool = True) -> _Reader | None:
        value = self._get(key, required)
        return None if value is None else _Reader(self.path, self.name(key), value)

    def items(self, key: str) -> list[_Reader]:
        value = self._get(key, False)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(key, "must be a JSON list [...]")
        return [_Reader(self.path, f"{self.name(key)}[{i}]", item) for i, item in enumerate(value)]

    def finish(self) -> None:
        """Refuse keys nobody read: a misspelt field must not be silently dropped."""
        unknown = sorted(set(self.raw) - self.used)
        if unknown:
            raise self.error(unknown[0], "is not a field of this format (see docs/applications.md)")


def _photo(reader: _Reader, key: str) -> bytes | None:
    relative = reader.optional_text(key)
    if relative is None:
        return None
    photo_path = (reader.path.parent / relative).resolve()
    if not photo_path.is_file():
        raise reader.error(key, f"photo {photo_path} does not exist; give a path relative to the JSON file")
    data = photo_path.read_bytes()
    if len(data) > MAX_PHOTO_BYTES:
        raise reader.error(key, f"photo {photo_path} is {len(data)} bytes; the limit is {MAX_PHOTO_BYTES}")
    if not data.startswith(b"\xff\xd8\xff"):
        raise reader.error(key, f"photo {photo_path} is not a JPEG file")
    return data


def _member(reader: _Reader) -> Member:
    return Member(
        service=reader.choice("service", Service),
        service_number=reader.text("service_number"),
        rank=reader.text("rank"),
        name=reader.text("name"),
        date_of_birth=reader.day("date_of_birth"),
        gender=reader.choice("gender", Gender),
        date_of_retirement=reader.day("date_of_retirement"),
        pension_kind=reader.choice("pension_kind", PensionKind),
        pension_from=reader.optional_day("pension_from"),
        ppo_number=reader.optional_text("ppo_number"),
        basic_plus_dearness_pension_rs=reader.whole("basic_plus_dearness_pension_rs"),
        record_office=reader.text("record_office"),
        war_widow=reader.flag("war_widow"),
        remarried=reader.flag("remarried"),
        other_medical_scheme=reader.optional_text("other_medical_scheme"),
        contribution_deducted_at_source=reader.flag("contribution_deducted_at_source"),
    )


def _disability(reader: _Reader | None) -> Disability | None:
    if reader is None:
        return None
    disability = Disability(
        kind=reader.choice("kind", DisabilityKind),
        onset_on=reader.day("onset_on"),
        specialist_certificate_no=reader.optional_text("specialist_certificate_no"),
        proof_of_dependency=reader.flag("proof_of_dependency"),
    )
    reader.finish()
    return disability


def _dependant(reader: _Reader) -> Dependant:
    return Dependant(
        name=reader.text("name"),
        relation=reader.choice("relation", Relation),
        date_of_birth=reader.day("date_of_birth"),
        gender=reader.choice("gender", Gender),
        recorded_in_service_records=reader.flag("recorded_in_service_records"),
        marital_status=reader.choice("marital_status", MaritalStatus, MaritalStatus.UNMARRIED),
        date_of_marriage=reader.optional_day("date_of_marriage"),
        employed=reader.flag("employed"),
        monthly_income_rs=reader.whole("monthly_income_rs", 0),
        govt_or_psu_pension=reader.flag("govt_or_psu_pension"),
        disability=_disability(reader.child("disability", required=False)),
        part_ii_order_no=reader.optional_text("part_ii_order_no"),
        from_present_husband=reader.flag("from_present_husband"),
    )


def _check_header(top: _Reader) -> None:
    if top.raw.get("format") != FORMAT:
        raise top.error("format", f"must be {FORMAT!r}; is this an application file?")
    version = top.raw.get("version")
    if version != VERSION:
        raise top.error("version", f"version {version!r} is not readable here; this station reads {VERSION}")
    top.used.update({"format", "version"})


def parse_application(path: Path, raw: Any) -> ApplicationFile:
    """Domain records from the decoded JSON of ``path`` (used for relative photo paths and messages)."""
    top = _Reader(path, "", raw)
    _check_header(top)
    member_reader = top.child("member")
    card_reader = top.child("card")
    assert member_reader is not None and card_reader is not None
    member = _member(member_reader)
    member_photo = _photo(member_reader, "photo")
    member_reader.finish()
    blood_group = card_reader.optional_text("blood_group")
    card = CardParticulars(
        card_number=card_reader.text("card_number"),
        parent_polyclinic=card_reader.text("parent_polyclinic"),
        blood_group=None if blood_group is None else card_reader.choice("blood_group", BloodGroup),
        allergies=card_reader.optional_text("allergies"),
    )
    card_reader.finish()
    dependants: list[Dependant] = []
    photos: list[bytes | None] = []
    for item in top.items("dependants"):
        dependants.append(_dependant(item))
        photos.append(_photo(item, "photo"))
        item.finish()
    application = Application(
        member=member,
        applied_on=top.day("applied_on"),
        card_size=top.choice("card_size", CardSize),
        submitted_at_regional_centre=top.text("submitted_at_regional_centre"),
        add_on_cards=top.whole("add_on_cards", 0),
        dependants=tuple(dependants),
    )
    top.finish()
    return ApplicationFile(application, card, member_photo, tuple(photos))


def load_application(path: Path) -> ApplicationFile:
    """Read and check one application file; every fault is an ``ApplicationFileError``."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ApplicationFileError(path, "(file)", f"cannot be read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ApplicationFileError(path, "(file)", "is not UTF-8 text") from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ApplicationFileError(path, f"line {exc.lineno}", f"not valid JSON: {exc.msg}") from None
    return parse_application(path, raw)


FIXTURES_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "applications"
"""The sample applications shipped with the station (docs/applications.md "Samples")."""


def sample(name: str) -> ApplicationFile:
    """One of the shipped samples by file stem, e.g. ``sample("family-six-dependants")``."""
    path = FIXTURES_DIR / f"{name}.json"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in FIXTURES_DIR.glob("*.json")))
        raise ApplicationFileError(path, "(file)", f"no such sample; the samples are: {known}")
    return load_application(path)
