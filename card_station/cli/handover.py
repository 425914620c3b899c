"""``card-station handover ACTION FAMILY``: the OTP-gated handover of seed 000 from a terminal.

FAMILY is the application key, a card number or the member's service number. Actions: ``send`` (the
first OTP, by SMS), ``resend`` (a clerk, after the cool-down), ``reissue`` (a verifier: after a lock or an
expired window), ``request`` (the polyclinic's fallback OTP request, seed 000 §5(b)-(c): the OTP is shown
once, to the requesting operator only), ``check`` (enter the OTP the beneficiary gives and write every
card in the ``--reader`` readers) and ``resume`` (write the cards a pulled card left pending; no OTP).
The SMS goes through the gateway of ``--sms-config`` (docs/sms.md), by default the development console
gateway, which prints it here.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from contextlib import ExitStack
from pathlib import Path

from apdu.transport.pcsc import PcscTransport, list_readers
from card_station.cli import station
from card_station.cli.login import LoginFailed, add_login, data_key, log_in, open_station_store
from card_station.cli.reader_choice import resolve_reader
from card_station.domain.parameters import load_rule_parameters
from card_station.handover import OtpSecret, Refused
from card_station.handover.otp import ist_text
from card_station.services.clock import system_clock
from card_station.services.handover import HandoverError, HandoverRun, HandoverService, SendResult
from card_station.services.status import StatusNotFound, active_from_text, application_key_for
from card_station.sms import SmsError, build_gateway, load_sms_config
from card_station.sms.config import DEVELOPMENT_CONFIG
from card_station.store import Store
from card_station.store.models.operators import Operator
from card_station.store.roles import PermissionDenied

ACTIONS = ("send", "resend", "reissue", "request", "check", "resume")
ERRORS = (*station.KNOWN_ERRORS, HandoverError, LoginFailed, PermissionDenied, SmsError, StatusNotFound)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("handover", help="send, resend, reissue or request the OTP; hand cards over")
    parser.add_argument("action", choices=ACTIONS)
    parser.add_argument("family", help="application key, card number or service number")
    add_login(parser)
    parser.add_argument("--keys", type=Path, help="key store directory (as for personalise)")
    parser.add_argument("--sms-config", type=Path, help="settings file with an [sms] section (docs/sms.md)")
    parser.add_argument(
        "--reader", "-r", action="append", default=[], help="a reader holding a card of the family (repeat)"
    )
    parser.add_argument("--otp", help="the OTP (check); asked for without echo when absent")
    parser.set_defaults(run=run)


def _service(args: argparse.Namespace) -> tuple[HandoverService, Store]:
    config = DEVELOPMENT_CONFIG if args.sms_config is None else load_sms_config(args.sms_config)
    store = open_station_store(args)
    key = data_key()
    service = HandoverService(
        store=store,
        keys=station.open_keys(args),
        gateway=build_gateway(config),
        template=config.template,
        clock=system_clock,
        secret=OtpSecret(key.otp_key),
        rules=load_rule_parameters(),
        data_key=key,
        station_id=station.station_id(),
    )
    return service, store


def _print_send(result: SendResult | Refused) -> int:
    if isinstance(result, Refused):
        print(f"no new OTP: {result.reason}")
        return 1
    print(f"{result.status_text}; valid until {ist_text(result.expires_at)}")
    return 0 if result.sent else 1


def _print_run(run: HandoverRun) -> int:
    if run.check is not None:
        print(f"OTP {run.check.outcome.value}: {run.check.message}")
    for card in run.cards:
        done = "written" if card.written else "already done"
        print(f"  card {card.card_number} (chip {card.serial}): {done}")
    progress = run.progress
    if progress is not None:
        print(f"cards handed over; {active_from_text(progress.activation_at)}")
        for serial in progress.pending:
            print(f"  card {serial}: NOT yet written; put it in a reader and run `handover resume`")
    if run.problem is not None:
        print(run.problem)
    return 0 if progress is not None and progress.complete and run.problem is None else 1


def _write(args: argparse.Namespace, service: HandoverService, operator: Operator, app_key: str) -> int:
    names = [info.name for info in list_readers()] if args.reader else []
    with ExitStack() as stack:
        cards = [stack.enter_context(PcscTransport(resolve_reader(r, names))) for r in args.reader]
        if args.action == "resume":
            return _print_run(service.resume(operator, app_key, cards))
        otp = args.otp or getpass.getpass("OTP given by the beneficiary: ")
        return _print_run(service.hand_over(operator, app_key, otp, cards))


def run(args: argparse.Namespace) -> int:
    try:
        service, store = _service(args)
    except ERRORS as exc:
        print(f"card-station handover: {exc}", file=sys.stderr)
        return 2
    try:
        operator = log_in(store, args.operator, system_clock)
        app_key = application_key_for(store, args.family)
        if args.action == "send":
            return _print_send(service.send_otp(operator, app_key))
        if args.action == "resend":
            return _print_send(service.resend_otp(operator, app_key))
        if args.action == "reissue":
            return _print_send(service.reissue_otp(operator, app_key))
        if args.action == "request":
            fallback = service.request_fallback_otp(operator, app_key)
            if isinstance(fallback, Refused):
                print(f"no OTP: {fallback.reason}")
                return 1
            shown = f"shown once, to {fallback.requested_by} only"
            print(f"OTP for {args.family} ({shown}): {fallback.otp.digits}")
            print(f"valid until {ist_text(fallback.expires_at)}; enter it with `handover check`")
            return 0
        return _write(args, service, operator, app_key)
    except ERRORS as exc:
        print(f"card-station handover {args.action}: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
