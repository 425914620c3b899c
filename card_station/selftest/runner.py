"""Run every self-test check in order, reporting each as it finishes (the technician's live checklist
and ``card-station selftest`` share this)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from apdu.transport import Transport, TransportError
from apdu.transport.pcsc import PcscTransport, ReaderInfo
from card_station.selftest.crypto_kat import check_crypto
from card_station.selftest.pcsc_checks import check_pcscd, check_readers
from card_station.selftest.result import CheckResult, CheckStatus, SelfTestReport
from card_station.selftest.round_trip import TITLE as ROUND_TRIP_TITLE
from card_station.selftest.round_trip import safe_round_trip
from card_station.selftest.system_checks import check_central, check_clock, check_database_health, check_disk
from card_station.services.clock import Clock

CHECKS: tuple[tuple[str, str], ...] = (
    ("pcscd", "PC/SC service"),
    ("readers", "Readers and cards"),
    ("round_trip", ROUND_TRIP_TITLE),
    ("crypto", "Crypto known-answer tests"),
    ("database", "Database integrity and migration version"),
    ("central", "Central service reachable"),
    ("disk", "Free disk"),
    ("clock", "Clock (IST)"),
)
"""(key, title) of every check, in the order they run: the checklist shows them before they start."""


@dataclass(frozen=True)
class SelfTestConfig:
    station_id: str
    database: Path
    data_dir: Path
    central_url: str | None
    transport_key: bytes
    clock: Clock
    reader: str | None = None
    """The reader holding the test card; None: the first reader with a card."""

    def __repr__(self) -> str:
        return f"SelfTestConfig(station={self.station_id!r}, reader={self.reader!r})"


def _round_trip(
    config: SelfTestConfig, readers: list[ReaderInfo], connect: Callable[[str], Transport]
) -> CheckResult:
    names = [info.name for info in readers]
    if config.reader is not None and config.reader not in names:
        return CheckResult(
            "round_trip", ROUND_TRIP_TITLE, CheckStatus.FAIL, f"no reader named {config.reader!r}"
        )
    target = config.reader or next((info.name for info in readers if info.card_present), None)
    if target is None or not next(info for info in readers if info.name == target).card_present:
        return CheckResult(
            "round_trip",
            ROUND_TRIP_TITLE,
            CheckStatus.SKIPPED,
            "no card: insert a blank test card and run again",
        )
    try:
        transport = connect(target)
        transport.connect()
    except TransportError as exc:
        return CheckResult("round_trip", ROUND_TRIP_TITLE, CheckStatus.FAIL, str(exc))
    try:
        return safe_round_trip(transport, config.transport_key)
    except TransportError as exc:
        return CheckResult("round_trip", ROUND_TRIP_TITLE, CheckStatus.FAIL, str(exc))
    finally:
        transport.disconnect()


def run_selftest(
    config: SelfTestConfig,
    on_result: Callable[[CheckResult], None] = lambda _: None,
    connect: Callable[[str], Transport] = PcscTransport,
) -> SelfTestReport:
    started = config.clock()
    results: list[CheckResult] = []

    def done(result: CheckResult) -> None:
        results.append(result)
        on_result(result)

    pcscd, readers = check_pcscd()
    done(pcscd)
    reachable = pcscd.status is CheckStatus.PASS
    done(check_readers(readers, reachable))
    if reachable:
        done(_round_trip(config, readers, connect))
    else:
        done(
            CheckResult(
                "round_trip", ROUND_TRIP_TITLE, CheckStatus.SKIPPED, "the PC/SC service is not reachable"
            )
        )
    done(check_crypto())
    done(check_database_health(config.database))
    done(check_central(config.central_url))
    done(check_disk(config.data_dir))
    done(check_clock(config.clock()))
    return SelfTestReport(config.station_id, started, config.clock(), tuple(results))
