"""``card-station read``: read the card in a reader as a counter does, without any key, and show the
decision (``--json`` for machines); ``--photos DIR`` also reads the photos and saves them as JPEGs."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from card_station.card.decision import CounterDecision
from card_station.cli import station
from card_station.services.clock import system_clock
from card_station.services.counter import CounterService


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("read", help="read a card at the counter: genuine, active, who is eligible")
    station.add_common(parser)
    parser.add_argument("--json", action="store_true", help="print the decision as JSON")
    parser.add_argument("--photos", type=Path, metavar="DIR", help="also read the photos into DIR")
    parser.set_defaults(run=run)


def decision_json(decision: CounterDecision) -> str:
    record = asdict(decision)
    record["verdict"] = decision.verdict.value
    record["token_allowed"] = decision.token_allowed
    record["active_from"] = decision.active_from.isoformat() if decision.active_from else None
    return json.dumps(record, ensure_ascii=False, indent=2)


def _print(decision: CounterDecision) -> None:
    print(f"card {decision.card_number or '-'}: {decision.verdict.value.upper()}")
    for reason in decision.reasons:
        print(f"  {reason}")
    for person in decision.persons:
        mark = "eligible" if person.eligible else "NOT eligible"
        print(f"  {person.person_id:>3} {person.name} ({person.relation}): {mark}, {person.reason}")
        print(f"      {person.opd_text}; IPD {'allowed' if person.ipd_allowed else 'not allowed'}")


def run(args: argparse.Namespace) -> int:
    def body() -> int:
        keys = station.open_keys(args)
        service = CounterService(keys.root_certificate(), system_clock)
        with station.connected(args) as transport:
            result = service.read(transport, photos=args.photos is not None)
        decision = result.decision
        print(decision_json(decision)) if args.json else _print(decision)
        content = result.checked.content
        if args.photos is not None and content is not None and decision.genuine:
            args.photos.mkdir(parents=True, exist_ok=True)
            for person, jpeg in content.photos.items():
                (args.photos / f"{person}.jpg").write_bytes(jpeg)
        return 0 if decision.token_allowed else 1

    return station.reporting("read", body)
