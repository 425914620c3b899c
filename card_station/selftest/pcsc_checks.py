"""PC/SC checks: pcscd reachable; each reader, its card's ATR, protocol and card size (ISO/IEC 7816-3
§8.2: the protocols from the ATR's TDi bytes; the size from the chip table, ``card.chips``)."""

from __future__ import annotations

from apdu.atr import AtrError, parse_atr
from apdu.transport import TransportError
from apdu.transport.pcsc import ReaderInfo, list_readers, socket_path
from card_station.card.chips import chip_from_atr
from card_station.card.operation_errors import WrongCard
from card_station.selftest.result import CheckResult, CheckStatus


def check_pcscd() -> tuple[CheckResult, list[ReaderInfo]]:
    """pcscd answers; also returns the readers it lists, for the next checks."""
    try:
        readers = list_readers()
    except TransportError as exc:
        return CheckResult("pcscd", "PC/SC service", CheckStatus.FAIL, str(exc)), []
    return (
        CheckResult("pcscd", "PC/SC service", CheckStatus.PASS, f"reachable at {socket_path()}"),
        readers,
    )


def describe_card(atr: bytes) -> str:
    """ATR, protocols, and the chip with its size (or why the size is not known)."""
    try:
        protocols = ", ".join(f"T={p}" for p in sorted(parse_atr(atr).protocols))
    except AtrError as exc:
        protocols = f"ATR not valid: {exc}"
    try:
        chip = chip_from_atr(atr)
        size = f"{chip.profile.capacity // 1024} KB ({chip.name})"
    except WrongCard:
        size = "size unknown (not a qualified chip)"
    return f"ATR {atr.hex(' ').upper()}; {protocols}; {size}"


def check_readers(readers: list[ReaderInfo], reachable: bool) -> CheckResult:
    title = "Readers and cards"
    if not reachable:
        return CheckResult("readers", title, CheckStatus.SKIPPED, "the PC/SC service is not reachable")
    if not readers:
        return CheckResult(
            "readers", title, CheckStatus.FAIL, "no reader is connected: plug in a card reader"
        )
    details = tuple(
        f"{info.name}: {describe_card(info.atr) if info.card_present else 'no card'}" for info in readers
    )
    with_card = sum(info.card_present for info in readers)
    return CheckResult(
        "readers", title, CheckStatus.PASS, f"{len(readers)} reader(s), {with_card} with a card", details
    )
