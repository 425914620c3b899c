"""``card-station counter --reader R``: the polyclinic counter in a terminal (issue 6 "The counter").

It waits for a card, reads and verifies it, checks the hotlist, prints the decision (who is on the card,
who may be treated today, OPD or "OPD Treatment Not Allowed", IPD referral, or the refusal), then asks
whom to issue a token for: a person id (``M``, ``D1``, ...), optionally followed by ``IPD`` for an IPD
referral; an empty line moves to the next card. It stops at the end of standard input, after ``--cards``
cards, or on Ctrl-C. Every token and refusal is recorded and queued for sync (docs/handover.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from apdu.transport.pcsc import PcscTransport, list_readers, wait_for_card, wait_for_removal
from card_station.cli import station
from card_station.cli.login import LoginFailed, add_login, log_in, open_station_store
from card_station.cli.reader_choice import resolve_reader
from card_station.services.clock import system_clock
from card_station.services.counter import CounterRead, CounterService, store_hotlist
from card_station.services.tokens import Care, TokenService, allowed_care
from card_station.store.models.operators import Operator
from card_station.store.roles import Permission, PermissionDenied, require

CARES = {"OPD": Care.OPD, "IPD": Care.IPD}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("counter", help="run the polyclinic counter: read cards, issue tokens")
    parser.add_argument("--reader", "-r", default="0", help="reader index, name, or part of a name")
    parser.add_argument("--keys", type=Path, help="key store directory (the scheme root to trust)")
    parser.add_argument("--polyclinic", default="Delhi Cantt", help="the polyclinic whose token queue it is")
    parser.add_argument("--cards", type=int, default=0, help="stop after this many cards (0: no limit)")
    add_login(parser)
    parser.set_defaults(run=run)


def _ask(prompt: str) -> str | None:
    """One answer from standard input; None at its end."""
    print(prompt, end="", flush=True)
    line = sys.stdin.readline()
    if not line:
        print()
        return None
    return line.strip()


def _show(result: CounterRead) -> None:
    decision = result.decision
    verdict = "TOKEN ALLOWED" if decision.token_allowed else f"REFUSED: {decision.verdict.value}"
    print(f"card {decision.card_number or '-'} (chip {result.serial or '-'}): {verdict}")
    for reason in decision.reasons:
        print(f"  {reason}")
    for person in decision.persons:
        mark = "eligible" if person.eligible else "NOT eligible"
        ipd = "IPD referral allowed" if person.ipd_allowed else "no IPD referral"
        print(f"  {person.person_id:>3} {person.name} ({person.relation}): {mark}; {person.opd_text}; {ipd}")


def _tokens(tokens: TokenService, operator: Operator, result: CounterRead) -> bool:
    """Ask whom to issue tokens for until an empty line (True) or the end of input (False)."""
    people = ", ".join(p.person_id for p in result.decision.persons if allowed_care(result, p.person_id))
    while True:
        answer = _ask(f"token for ({people}; add IPD for a referral; Enter: next card)? ")
        if answer is None:
            return False
        if not answer:
            return True
        person_id, *rest = answer.upper().split()
        offered = allowed_care(result, person_id)
        if rest and rest[0] not in CARES:
            print(f"  {rest[0]!r} is not OPD or IPD; type e.g. 'D1' or 'D1 IPD'")
            continue
        care = CARES[rest[0]] if rest else (offered[0] if offered else Care.OPD)
        issued = tokens.issue(operator, result, person_id=person_id, care=care)
        if issued.issued:
            print(f"  TOKEN {issued.token_no} ({care.name}) for {issued.person_name}: {issued.reason}")
        else:
            print(f"  NO TOKEN for {issued.person_name}: {issued.reason}")


def run(args: argparse.Namespace) -> int:
    try:
        keys = station.open_keys(args)
        store = open_station_store(args)
    except station.KNOWN_ERRORS as exc:
        print(f"card-station counter: {exc}", file=sys.stderr)
        return 2
    try:
        operator = log_in(store, args.operator, system_clock)
        require(operator, Permission.ISSUE_TOKEN)
        reader = resolve_reader(args.reader, [info.name for info in list_readers()])
        counter = CounterService(keys.root_certificate(), system_clock, hotlist=store_hotlist(store))
        tokens = TokenService(store, system_clock, polyclinic=args.polyclinic)
        print(f"counter at {args.polyclinic}, reader {reader}: insert a card")
        seen = 0
        while True:
            wait_for_card(reader, timeout=None)
            with PcscTransport(reader) as transport:
                result = counter.read(transport)
            seen += 1
            _show(result)
            ended = result.decision.token_allowed and not _tokens(tokens, operator, result)
            if ended or seen == args.cards:
                return 0
            print("remove the card")
            wait_for_removal(reader, timeout=None)
    except (*station.KNOWN_ERRORS, LoginFailed, PermissionDenied) as exc:
        print(f"card-station counter: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
