"""``card-station sects ACTION ...``: every step of the SECTS scheme (seed 001) from a terminal.

DDO/TO (annexure 1): ``register-officer``, ``add-office`` (the first office sends the form OTP),
``officer-otp`` (send it again), ``officer-form`` (``--otp`` releases it; ``--pdf`` writes the filled
form), ``verify-officer`` (state cell: user ID and password go to the DDO/TO by SMS).
Employee/pensioner (annexure 2): ``register`` (``--member`` once per person, the employee first),
``form-otp``, ``form`` (``--otp``, ``--pdf``), ``verify`` (the DDO/TO, logged in with the code and the
password it received), ``withdraw``, ``print-card`` (state cell), ``login-otp`` and ``self-print`` (the
employee: user ID and OTP, no operator); both print commands take ``--pdf OUT.pdf`` and ``--printer NAME``
for the card faces (``sects.face.output``, the same as the desktop app's). The chip (state cell):
``personalise-chip`` (``--beside-echs`` on an ECHS card) and ``read-chip`` (``--json``; exit code 1 unless
the card is valid). ``show-officer`` and ``show`` display a record, numbers masked.

Operators log in with ``--operator`` (password from ``CARD_STATION_PASSWORD`` or asked for). SMS go through
the gateway of ``--sms-config`` (docs/sms.md), by default the development console gateway, which prints
them here, OTPs included: that is how a demo station reads its OTPs.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from apdu.iso7816 import Iso7816
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY
from card_station.cli import station
from card_station.cli.login import LoginFailed, add_login, data_key, log_in, open_station_store
from card_station.domain.records import Gender
from card_station.handover import OtpCheck
from card_station.issuing.face import FaceError
from card_station.issuing.face.printer import open_printer
from card_station.issuing.face.qt_app import NoDevanagariFont
from card_station.sects.card.compose import NotOnCard
from card_station.sects.card.personalise import Placement, Start
from card_station.sects.codes import BeneficiaryKind, OfficerCode
from card_station.sects.errors import SectsError
from card_station.sects.face.layout import SECTS_LAYOUT
from card_station.sects.face.output import print_card, render_card_pdf
from card_station.sects.forms import write_beneficiary_form, write_officer_form
from card_station.sects.records import (
    Beneficiary,
    BeneficiaryForm,
    BeneficiaryStatus,
    FamilyMember,
    HealthCard,
    OfficeForm,
    Officer,
    OfficerForm,
    OfficerStatus,
    Relation,
)
from card_station.sects.services import beneficiaries, cards, chips, officers
from card_station.sects.services.desk import SectsDesk
from card_station.sects.services.otps import OtpSent
from card_station.sects.verify import SectsCheck
from card_station.services.clock import system_clock
from card_station.sms import SmsError, build_gateway, load_sms_config
from card_station.sms.config import DEVELOPMENT_CONFIG
from card_station.store import Store
from card_station.store.models.operators import Operator
from card_station.store.pii import PiiError
from card_station.store.roles import PermissionDenied

ERRORS = (
    *station.KNOWN_ERRORS,
    SectsError,
    PermissionDenied,
    LoginFailed,
    SmsError,
    PiiError,
    FaceError,
    NoDevanagariFont,
    NotOnCard,
    OSError,
)
Action = Callable[[argparse.Namespace, Store, SectsDesk], int]


class MemberError(SectsError):
    """A ``--member`` value is malformed."""


def _member(text: str) -> FamilyMember:
    """NAME|RELATION|YYYY-MM-DD|GENDER|AADHAAR|PHOTO-FILE, e.g. 'Ramesh|self|1972-03-14|M|2341...|r.jpg'."""
    parts = text.split("|")
    if len(parts) != 6:
        raise MemberError(
            f"--member {parts[0]!r}: give NAME|RELATION|YYYY-MM-DD|GENDER|AADHAAR|PHOTO-FILE (6 fields, "
            f"got {len(parts)})"
        )
    name, relation, born, gender, aadhaar, photo = (part.strip() for part in parts)
    try:
        kind = Relation[relation.upper()]
    except KeyError:
        choices = ", ".join(r.name.lower() for r in Relation)
        raise MemberError(f"--member {name!r}: relation {relation!r} is not one of {choices}") from None
    try:
        birth = date.fromisoformat(born)
    except ValueError:
        raise MemberError(f"--member {name!r}: date of birth {born!r} is not YYYY-MM-DD") from None
    try:
        sex = Gender(gender.upper())
    except ValueError:
        raise MemberError(f"--member {name!r}: gender {gender!r} is not M, F or O") from None
    return FamilyMember(name, kind, birth, sex, aadhaar, Path(photo).read_bytes())


def _print_sent(sent: OtpSent | None) -> None:
    if sent is not None:
        print(sent.message)


def _print_check(check: OtpCheck) -> int:
    print(f"OTP {check.outcome.value}: {check.message}")
    return 0 if check.accepted else 1


def _print_officer(officer: Officer) -> None:
    print(f"{officer.code} ({officer.kind.value}): {officer.name}, {officer.designation}")
    print(f"  mobile {officer.mobile_masked} ({officer.mobile_kind.value}); status: {officer.status.value}")
    for office in officer.offices:
        print(f"  office {office.number}: {office.name}, {office.district}")


def _print_beneficiary(person: Beneficiary) -> None:
    print(
        f"registration {person.registration} ({person.kind.value}) under {person.officer_code}; "
        f"mobile {person.mobile_masked}; status: {person.status.value}"
    )
    if person.user_id:
        print(f"  user ID {person.user_id}")
    for member in person.members:
        print(f"  {member.number}. {member.name} ({member.relation.value}), Aadhaar {member.aadhaar_masked}")


def _print_card(card: HealthCard) -> None:
    print(
        f"health card {card.user_id} under {card.officer_code}, valid {card.valid_from} to {card.valid_until}"
    )
    for person in card.people:
        print(
            f"  {person.card_number}: {person.name} ({person.relation.value}), "
            f"Aadhaar {person.aadhaar_masked}"
        )


def _operator(args: argparse.Namespace, store: Store) -> Operator:
    return log_in(store, args.operator, system_clock)


def _printer(args: argparse.Namespace) -> QPrinter | None:
    """The card printer of ``--printer``, opened before anything is recorded: an unknown name fails first."""
    return None if args.printer is None else open_printer(args.printer, SECTS_LAYOUT)


def _put_out(args: argparse.Namespace, card: HealthCard, printer: QPrinter | None) -> None:
    """The card's faces to ``--pdf`` and ``--printer``. Called inside the transaction that records the
    print, so a card that could not be written or sent leaves no print recorded."""
    if args.pdf is None and printer is None:
        return
    keys, now = station.open_keys(args), system_clock()
    cards_text = f"{len(card.people)} card{'s' if len(card.people) != 1 else ''} of {card.user_id}"
    if args.pdf is not None:
        print(f"wrote {cards_text} (front and back) to {render_card_pdf(card, keys, now, args.pdf)}")
    if printer is not None:
        print_card(card, keys, now, printer)
        print(f"sent {cards_text} to {args.printer}")


def _register_officer(args: argparse.Namespace, store: Store, desk: SectsDesk) -> int:
    form = OfficerForm.create(
        code=args.code,
        name=args.name,
        designation=args.designation,
        controlling_officer=args.controlling_officer,
        cug_mobile=args.cug,
        personal_mobile=args.personal,
        email=args.email,
    )
    operator = _operator(args, store)
    with store.transaction() as session:
        _print_officer(officers.register_officer(session, operator, form, desk=desk, now=system_clock()))
    print("next: `card-station sects add-office` (its submission sends the OTP for the form)")
    return 0


def _add_office(args: argparse.Namespace, store: Store, desk: SectsDesk) -> int:
    office = OfficeForm(args.office_name, args.department, args.district, args.address)
    operator = _operator(args, store)
    with store.transaction() as session:
        officer, sent = officers.add_office(
            session, operator, args.code, office, desk=desk, now=system_clock()
        )
    _print_officer(officer)
    _print_sent(sent)
    return 0


def _officer_otp(args: argparse.Namespace, store: Store, desk: SectsDesk) -> int:
    operator = _operator(args, store)
    with store.transaction() as session:
        sent = officers.send_officer_form_otp(session, operator, args.code, desk=desk, now=system_clock())
    _print_sent(sent)
    return 0 if sent.delivered else 1


def _officer_form(args: argparse.Namespace, store: Store, desk: SectsDesk) -> int:
    operator = _operator(args, store)
    with store.read() as session:
        status = officers.find_officer(session, operator, args.code, desk=desk).status
    if status is OfficerStatus.OTP_SENT:
        otp = args.otp or getpass.getpass("OTP sent to the registered mobile: ")
        with store.transaction() as session:
            check = officers.release_officer_form(
                session, operator, args.code, otp, desk=desk, now=system_clock()
            )
        if _print_check(check):
            return 1
    with store.transaction() as session:
        officer = officers.officer_form(session, operator, args.code, desk=desk, now=system_clock())
    _print_officer(officer)
    if args.pdf:
        print(f"form written to {write_officer_form(officer, args.pdf)}")
    return 0


def _verify_officer(args: argparse.Namespace, store: Store, desk: SectsDesk) -> int:
    operator = _operator(args, store)
    with store.transaction() as session:
        _print_officer(officers.verify_officer(session, operator, args.code, desk=desk, now=system_clock()))
    print("the user ID and password were sent to the registered mobile")
    return 0


def _register(args: argparse.Namespace, store: Store, desk: SectsDesk) -> int:
    form = BeneficiaryForm(
        kind=BeneficiaryKind[args.kind.upper()],
        officer_code=OfficerCode.parse(args.ddo),
        designation=args.designation,
        department=args.department,
        district=args.district,
        members=tuple(_member(text) for text in args.member),
        mobile=args.mobile,
    )
    operator = _operator(args, store)
    with store.transaction() as session:
        person, sent = beneficiaries.register_beneficiary(
            session, operator, form, desk=desk, now=system_clock()
        )
    _print_beneficiary(person)
    _print_sent(sent)
    return 0


def _form_otp(args: argparse.Namespace, store: Store, desk: SectsDesk) -> int:
    operator = _operator(args, store)
    with store.transaction() as session:
        sent = beneficiaries.send_beneficiary_form_otp(
            session, operator, args.registration, desk=desk, now=system_clock()
        )
    _print_sent(sent)
    return 0 if sent.delivered else 1


def _form(args: argparse.Namespace, store: Store, desk: SectsDesk) -> int:
    operator = _operator(args, store)
    with store.read() as session:
        released = beneficiaries.find_beneficiary(session, operator, args.registration, desk=desk).status
    if released is BeneficiaryStatus.OTP_SENT:
        otp = args.otp or getpass.getpass("OTP sent to the registered mobile: ")
        with store.transaction() as session:
            check = beneficiaries.release_beneficiary_form(
                session, operator, args.registration, otp, desk=desk, now=system_clock()
            )
        if _print_check(check):
            return 1
    with store.transaction() as session:
        person = beneficiaries.beneficiary_form(
            session, operator, args.registration, desk=desk, now=system_clock()
        )
    _print_beneficiary(person)
    if args.pdf:
        print(f"form written to {write_beneficiary_form(person, args.pdf)}")
    return 0


def _verify(args: argparse.Namespace, store: Store, desk: SectsDesk) -> int:
    operator = _operator(args, store)
    with store.transaction() as session:
        person = beneficiaries.verify_beneficiary(
            session, operator, args.registration, desk=desk, now=system_clock()
        )
    _print_beneficiary(person)
    print("the user ID was sent to the registered mobile; the card can now be printed")
    return 0


def _withdraw(args: argparse.Namespace, store: Store, desk: SectsDesk) -> int:
    operator = _operator(args, store)
    with store.transaction() as session:
        beneficiaries.withdraw_beneficiary(
            session, operator, args.registration, reason=args.reason, now=system_clock()
        )
    print(f"registration {args.registration} withdrawn")
    return 0


def _print_card_at_state(args: argparse.Namespace, store: Store, desk: SectsDesk) -> int:
    operator = _operator(args, store)
    printer = _printer(args)
    with store.transaction() as session:
        card = cards.print_card_at_state(session, operator, args.user_id, desk=desk, now=system_clock())
        _print_card(card)
        _put_out(args, card, printer)
    return 0


def _login_otp(args: argparse.Namespace, store: Store, desk: SectsDesk) -> int:
    with store.transaction() as session:
        sent = cards.request_login_otp(session, args.user_id, desk=desk, now=system_clock())
    _print_sent(sent)
    return 0 if sent.delivered else 1


def _self_print(args: argparse.Namespace, store: Store, desk: SectsDesk) -> int:
    printer = _printer(args)
    otp = args.otp or getpass.getpass("OTP sent to your registered mobile: ")
    with store.transaction() as session:
        result = cards.log_in_with_otp(session, args.user_id, otp, desk=desk, now=system_clock())
    if result.login is None:
        return _print_check(result.check)
    with store.transaction() as session:
        card = cards.self_print_card(session, result.login, desk=desk, now=system_clock())
        _print_card(card)
        _put_out(args, card, printer)
    return 0


def _personalise_chip(args: argparse.Namespace, store: Store, desk: SectsDesk) -> int:
    operator = _operator(args, store)
    keys = station.open_keys(args)
    placement = Placement.BESIDE_ECHS if args.beside_echs else Placement.ALONE
    with station.connected(args) as transport:
        done = chips.personalise_chip(
            store,
            operator,
            args.user_id,
            Iso7816(transport),
            desk=desk,
            keys=keys,
            transport_key=DEVELOPMENT_TRANSPORT_KEY,
            station_id=station.station_id(),
            placement=placement,
            clock=system_clock,
        )
    holder = done.content.holder
    print(
        f"SECTS application {placement.value} on chip {done.serial.hex().upper()}: "
        f"card {holder.card_number}, "
        f"{1 + len(done.content.family)} persons, {done.bytes_written} bytes written, verified genuine"
    )
    if done.start is Start.PERSONALISED:
        print("  the card already held this health card: nothing was written")
    elif done.start in (Start.TORN, Start.TORN_BESIDE):
        print("  an interrupted personalisation of this card was finished")
    return 0


def _check_json(check: SectsCheck) -> dict[str, object]:
    return {
        "source": check.source.value,
        "verdict": check.verdict.name,
        "valid": check.valid,
        "genuine": check.genuine,
        "reasons": list(check.reasons),
        "card_number": check.card_number,
        "valid_until": None if check.valid_until is None else check.valid_until.isoformat(),
        "persons": [
            {
                "person_id": person.person_id,
                "card_number": person.card_number,
                "name": person.name,
                "relation": person.relation.name,
                "date_of_birth": person.date_of_birth.isoformat(),
                "aadhaar": person.aadhaar_masked,
            }
            for person in check.persons
        ],
    }


def _print_check_text(check: SectsCheck) -> None:
    print(
        f"{check.source.value}: {check.verdict.value}"
        + (f" ({check.card_number})" if check.card_number else "")
    )
    for reason in check.reasons:
        print(f"  {reason}")
    if check.valid_until is not None:
        print(f"  valid until {check.valid_until.isoformat()}")
    for person in check.persons:
        print(
            f"  {person.person_id} {person.card_number}: {person.name} ({person.relation.value}), "
            f"born {person.date_of_birth.isoformat()}, Aadhaar {person.aadhaar_masked}"
        )


def _read_chip(args: argparse.Namespace, store: Store, desk: SectsDesk) -> int:
    operator = _operator(args, store)
    root = station.open_keys(args).root_certificate()
    with station.connected(args) as transport:
        check = chips.read_chip(
            store, operator, Iso7816(transport), root_certificate=root, clock=system_clock
        )
    if args.json:
        print(json.dumps(_check_json(check), ensure_ascii=False, indent=2))
    else:
        _print_check_text(check)
    return 0 if check.valid else 1


def _show_officer(args: argparse.Namespace, store: Store, desk: SectsDesk) -> int:
    operator = _operator(args, store)
    with store.read() as session:
        _print_officer(officers.find_officer(session, operator, args.code, desk=desk))
    return 0


def _show(args: argparse.Namespace, store: Store, desk: SectsDesk) -> int:
    operator = _operator(args, store)
    with store.read() as session:
        _print_beneficiary(beneficiaries.find_beneficiary(session, operator, args.registration, desk=desk))
    return 0


def _common(parser: argparse.ArgumentParser, *, operator: bool = True) -> None:
    if operator:
        add_login(parser)
    else:
        parser.add_argument("--db", type=Path, help="database file (default: the data dir)")
    parser.add_argument("--sms-config", type=Path, help="settings file with an [sms] section (docs/sms.md)")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("sects", help="UP SECTS: DDO/TO and employee registration, verification, cards")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    def action(name: str, text: str, run: Action, *, operator: bool = True) -> argparse.ArgumentParser:
        child = actions.add_parser(name, help=text)
        _common(child, operator=operator)
        child.set_defaults(run=_runner(run))
        return child

    p = action("register-officer", "submit the DDO/TO Registration Form", _register_officer)
    p.add_argument("--code", required=True, help="DDO-tttt-nnnnn or TO-tttt-nnnnn")
    p.add_argument("--name", required=True)
    p.add_argument("--designation", required=True)
    p.add_argument("--controlling-officer", required=True)
    p.add_argument("--cug", help="CUG mobile number (preferred)")
    p.add_argument("--personal", help="personal mobile number, only when there is no CUG number")
    p.add_argument("--email")
    p = action("add-office", "Add Office (the first sends the form OTP)", _add_office)
    p.add_argument("code")
    p.add_argument("--office-name", required=True)
    p.add_argument("--department", required=True)
    p.add_argument("--district", required=True)
    p.add_argument("--address", required=True)
    action("officer-otp", "send the DDO/TO form OTP again", _officer_otp).add_argument("code")
    p = action("officer-form", "release the DDO/TO form with the OTP and print it", _officer_form)
    p.add_argument("code")
    p.add_argument("--otp")
    p.add_argument("--pdf", type=Path, help="write the filled form to this PDF")
    action("verify-officer", "state cell: mark the DDO/TO verified", _verify_officer).add_argument("code")
    action("show-officer", "show a DDO/TO", _show_officer).add_argument("code")
    p = action("register", "submit an employee/pensioner Registration Form", _register)
    p.add_argument("--ddo", required=True, help="the DDO/TO code")
    p.add_argument("--kind", choices=("employee", "pensioner"), default="employee")
    p.add_argument("--designation", required=True)
    p.add_argument("--department", required=True)
    p.add_argument("--district", required=True)
    p.add_argument("--mobile", required=True)
    p.add_argument(
        "--member",
        action="append",
        required=True,
        help="NAME|RELATION|YYYY-MM-DD|M/F/O|AADHAAR|PHOTO (repeat)",
    )
    action("form-otp", "send the employee form OTP again", _form_otp).add_argument("registration", type=int)
    p = action("form", "release the employee form with the OTP and print it", _form)
    p.add_argument("registration", type=int)
    p.add_argument("--otp")
    p.add_argument("--pdf", type=Path, help="write the filled form to this PDF")
    action("verify", "DDO/TO: verify an employee registration", _verify).add_argument(
        "registration", type=int
    )
    p = action("withdraw", "withdraw an unverified registration", _withdraw)
    p.add_argument("registration", type=int)
    p.add_argument("--reason", required=True)
    action("show", "show an employee registration", _show).add_argument("registration", type=int)
    _card_actions(action)


def _card_actions(action: Callable[..., argparse.ArgumentParser]) -> None:
    """The health card steps: printing (state, self) and the chip."""
    p = action("print-card", "state cell: print a health card", _print_card_at_state)
    p.add_argument("user_id")
    _card_outputs(p)
    action("login-otp", "employee: send the log-in OTP", _login_otp, operator=False).add_argument("user_id")
    p = action("self-print", "employee: log in with the OTP and print the card", _self_print, operator=False)
    p.add_argument("user_id")
    p.add_argument("--otp")
    _card_outputs(p)
    p = action(
        "personalise-chip", "state cell: put a health card on the chip card in a reader", _personalise_chip
    )
    station.add_common(p)
    p.add_argument("user_id")
    p.add_argument("--beside-echs", action="store_true", help="add SECTS beside ECHS on an ECHS card")
    p = action("read-chip", "state cell: read and check the SECTS chip card in a reader", _read_chip)
    station.add_common(p)
    p.add_argument("--json", action="store_true", help="print the check as JSON")


def _card_outputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pdf", type=Path, help="write the card faces (CR80, front and back) to this PDF")
    parser.add_argument("--printer", help="print the card faces on this installed printer (CUPS queue name)")
    parser.add_argument(
        "--keys", type=Path, help=f"key store directory (default: ${station.KEYS_ENV} or the data dir)"
    )


def _runner(action: Action) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            config = DEVELOPMENT_CONFIG if args.sms_config is None else load_sms_config(args.sms_config)
            store = open_station_store(args)
        except ERRORS as exc:
            print(f"card-station sects {args.action}: {exc}", file=sys.stderr)
            return 2
        try:
            return action(args, store, SectsDesk(data_key(), build_gateway(config)))
        except ERRORS as exc:
            print(f"card-station sects {args.action}: {exc}", file=sys.stderr)
            return 2
        finally:
            store.close()

    return run
