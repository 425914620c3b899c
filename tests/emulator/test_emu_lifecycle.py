"""The card life cycle (creation -> initialisation -> operational -> terminated) and file deactivation."""

from __future__ import annotations

from emu_helpers import CARD_KEY, Host, ef

from apdu.command import CommandApdu
from apdu.fcp import ALWAYS, Fcp, LifeCycle, Operation, key


def _mf_lcs(host: Host) -> LifeCycle:
    return Fcp.parse(host.ok("00A4000002 3F00 00".replace(" ", ""))).life_cycle


def test_creation_to_operational_to_terminated(host: Host) -> None:
    assert host.card.life_cycle is LifeCycle.CREATION
    host.install_card_key()
    assert _mf_lcs(host) is LifeCycle.CREATION  # replacing the key creates no file
    assert host.external(1, CARD_KEY) == 0x9000
    assert host.create(ef(0x5000, 8)) == 0x9000
    assert _mf_lcs(host) is LifeCycle.INITIALISATION
    assert host.sw("00440000023F00") == 0x9000  # ACTIVATE FILE on the MF
    assert host.card.life_cycle is LifeCycle.OPERATIONAL_ACTIVATED
    assert host.select(0x5000) == 0x9000
    assert host.update_binary(0, b"data") == 0x9000
    host.transport.reset()
    assert host.sw("00FE0000") == 0x6982
    assert host.external(1, CARD_KEY) == 0x9000
    assert host.sw("00FE0100") == 0x6A86
    assert host.sw("00FE0000") == 0x9000
    assert host.card.life_cycle is LifeCycle.TERMINATED
    # only SELECT and reads are left, SELECT warns 6285
    assert host.send("00A4000C025000").sw == 0x6285
    assert host.read_binary(0, 4).data == b"data"
    assert host.update_binary(0, b"more") == 0x6985
    assert host.sw(CommandApdu(0x00, 0x84, 0x00, 0x00, ne=8)) == 0x6985
    assert host.sw("00440000023F00") == 0x6985
    host.transport.reset()
    assert host.card.life_cycle is LifeCycle.TERMINATED


def test_activate_needs_the_mf_key(host: Host) -> None:
    assert host.sw("00440000023F00") == 0x6982
    assert host.sw("00040000023F00") == 0x6985  # a card in creation cannot be deactivated


def test_deactivated_card_and_files(keyed: Host) -> None:
    host = keyed
    rules = {Operation.READ: ALWAYS, Operation.DEACTIVATE: key(1), Operation.ACTIVATE: key(1)}
    assert host.create(ef(0x5000, 4, rules)) == 0x9000
    assert host.sw("00040000") == 0x9000
    assert host.send("00A4000C025000").sw == 0x6283
    assert host.read_binary(0, 4).sw == 0x6985
    assert host.sw("00440000") == 0x9000
    assert host.read_binary(0, 4).sw == 0x9000
    # the whole card: deactivating the MF suspends every file below it
    assert host.sw("00440000023F00") == 0x9000
    assert host.sw("00040000023F00") == 0x9000
    assert host.card.life_cycle is LifeCycle.OPERATIONAL_DEACTIVATED
    assert host.send("00A4000C025000").sw == 0x6283
    assert host.read_binary(0, 4).sw == 0x6985
    assert host.sw("00440000023F00") == 0x9000
    assert host.select(0x5000) == 0x9000
    assert host.read_binary(0, 4).sw == 0x9000


def test_a_deactivated_card_can_still_be_terminated(keyed: Host) -> None:
    host = keyed
    assert host.sw("00440000023F00") == 0x9000
    assert host.sw("00040000023F00") == 0x9000
    assert host.sw("00FE0000") == 0x9000
    assert host.card.life_cycle is LifeCycle.TERMINATED
