"""``EmulatedCard``: power, the command dispatcher, response shaping for T=1 and T=0, persistence and
tearing injection around the card OS (apdu.emulator.cardos and its command modules).

``process`` never raises on any input: malformed APDUs get their status word (6700 wrong length, 6E00 /
68xx class, 6D00 instruction, 6A86 parameters, ...), and an internal fault answers 6F00 as a card OS
would. The one exception is ``PowerLost``: tearing fired, or the card is not powered.

Protocol (ISO 7816-3 §10.3.4, 7816-4 §5.3): in T=1 a command without Le gets no response data. With
``t0`` a command carrying data whose answer has data is answered 61xx and the data waits for GET RESPONSE
(until the next command); a short case-2 command whose Le differs from the length available gets 6Cxx.
Extended APDUs are never reshaped for T=0.
"""

from __future__ import annotations

import os as _os
import secrets
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from apdu.atr import build_atr, build_historical, card_capabilities
from apdu.auth import check_key
from apdu.command import EXTENDED_MAX_NE, SHORT_MAX_NE, CommandApdu, MalformedApdu
from apdu.emulator import admin, authenticate, binary, records
from apdu.emulator.cardos import CardOs, Reply
from apdu.emulator.config import IO_BUFFER, MAX_COMMAND_APDU, CardConfig, CardSize
from apdu.emulator.eeprom import PowerLost
from apdu.emulator.errors import CardError
from apdu.emulator.image import from_image, to_image
from apdu.emulator.keys import DEV_TRANSPORT_KEY
from apdu.emulator.manufacture import blank_mf
from apdu.fcp import LifeCycle

Handler = Callable[[CardOs, CommandApdu], Reply]

HANDLERS: dict[int, Handler] = {
    0xA4: binary.select,
    0xB0: binary.read_binary,
    0xB1: binary.read_binary_odd,
    0xD6: binary.update_binary,
    0xD7: binary.update_binary_odd,
    0xB2: records.read_record,
    0xDC: records.update_record,
    0xE2: records.append_record,
    0x84: authenticate.get_challenge,
    0x82: authenticate.external_or_mutual,
    0x88: authenticate.internal_authenticate,
    0x20: authenticate.verify,
    0x24: authenticate.change_reference_data,
    0xE0: admin.create_file,
    0xE4: admin.delete_file,
    0x44: admin.activate_file,
    0x04: admin.deactivate_file,
    0xFE: admin.terminate_card,
}
GET_RESPONSE = 0xC0
ALLOWED_WHEN_TERMINATED = frozenset({0xA4, 0xB0, 0xB1, 0xB2, GET_RESPONSE})
SERIAL_LENGTH = 8
ISSUER_PREFIX = b"CSEMU"


def _sw(sw: int) -> bytes:
    return sw.to_bytes(2, "big")


def class_error(cla: int) -> int | None:
    """The status word for a CLA this card does not serve (ISO 7816-4 §5.4.1), or None for 00."""
    if cla == 0x00:
        return None
    if cla & 0x80 or 0x20 <= cla < 0x40:
        return 0x6E00
    if cla >= 0x40 or cla & 0x03:
        return 0x6881
    if cla & 0x0C:
        return 0x6882
    return 0x6884


class EmulatedCard:
    """A SCOSTA-like ISO 7816-4/-9 card for tests, the loopback transport and the vpcd bridge.

    A new card is blank (life cycle CREATION, transport key ``transport_key`` as MF key 1) and powered.
    Every public method holds one lock, so the vpcd bridge's thread and a test's thread can share a card.
    """

    def __init__(
        self,
        size: CardSize = CardSize.K64,
        *,
        extended_length: bool = True,
        t0: bool = False,
        transport_key: bytes = DEV_TRANSPORT_KEY,
        serial: bytes | None = None,
    ) -> None:
        check_key(transport_key)
        serial = secrets.token_bytes(SERIAL_LENGTH) if serial is None else bytes(serial)
        if not 1 <= len(serial) <= 16:
            raise ValueError(f"a card serial has 1 to 16 bytes, got {len(serial)}")
        config = CardConfig(size, extended_length, t0)
        self._lock = threading.RLock()
        self._install(CardOs(config, blank_mf(config, transport_key, serial), serial))
        self._powered = True

    def _install(self, cardos: CardOs) -> None:
        config = cardos.config
        self._os = cardos
        self._pending: tuple[bytes, int] | None = None
        historical = build_historical(
            capabilities=card_capabilities(extended_length=config.extended_length),
            issuer_data=ISSUER_PREFIX + config.size.label.encode(),
        )
        self._atr = build_atr(t0=config.t0, historical=historical)

    @property
    def atr(self) -> bytes:
        return self._atr

    @property
    def serial(self) -> bytes:
        return self._os.serial

    @property
    def life_cycle(self) -> LifeCycle:
        return self._os.life_cycle

    @property
    def free_memory(self) -> int:
        return self._os.free_memory

    def power_on(self) -> bytes:
        """Cold or warm reset: volatile state is cleared, the ATR comes back."""
        with self._lock:
            self._os.reset()
            self._pending = None
            self._powered = True
            return self._atr

    def power_off(self) -> None:
        with self._lock:
            self._os.reset()
            self._pending = None
            self._powered = False

    def tear_after_writes(self, n: int) -> None:
        """Lose power right after the ``n``-th EEPROM page write from now (apdu.emulator.eeprom)."""
        with self._lock:
            self._os.eeprom.tear_after(n)

    def process(self, command: bytes) -> bytes:
        with self._lock:
            if not self._powered:
                raise PowerLost("the card is not powered: power it on (reset) first")
            try:
                return self._process(bytes(command))
            except PowerLost:
                self.power_off()
                raise
            except Exception:
                return _sw(0x6F00)

    def _process(self, raw: bytes) -> bytes:
        held, self._pending = self._pending, None
        self._os.take_challenge()
        if len(raw) < 4:
            return _sw(0x6700)
        refused = class_error(raw[0])
        if refused is not None:
            return _sw(refused)
        ins = raw[1]
        if ins != GET_RESPONSE and ins not in HANDLERS:
            return _sw(0x6D00)
        try:
            apdu = CommandApdu.parse(raw)
        except MalformedApdu:
            return _sw(0x6700)
        if apdu.extended and not self._extended_ok(apdu, raw):
            return _sw(0x6700)
        if self._os.life_cycle is LifeCycle.TERMINATED and ins not in ALLOWED_WHEN_TERMINATED:
            return _sw(0x6985)
        if ins == GET_RESPONSE:
            return self._get_response(apdu, held)
        try:
            reply = HANDLERS[ins](self._os, apdu)
        except CardError as refusal:
            reply = Reply(sw=refusal.sw)
        return self._shape(apdu, reply)

    def _extended_ok(self, apdu: CommandApdu, raw: bytes) -> bool:
        if not self._os.config.extended_length or len(raw) > MAX_COMMAND_APDU:
            return False
        return apdu.ne is None or apdu.ne <= IO_BUFFER or apdu.ne == EXTENDED_MAX_NE

    def _shape(self, apdu: CommandApdu, reply: Reply) -> bytes:
        data, sw = reply.data, reply.sw
        if not data:
            return _sw(sw)
        if self._os.config.t0 and not apdu.extended:
            if apdu.data or len(data) > SHORT_MAX_NE:
                self._pending = (data, sw)
                return _sw(0x6100 | (len(data) & 0xFF if len(data) < SHORT_MAX_NE else 0))
            if apdu.ne is None:
                return _sw(sw)
            if len(data) != apdu.ne:
                return _sw(0x6C00 | (len(data) & 0xFF))
            return data + _sw(sw)
        if apdu.ne is None:
            return _sw(sw)
        limit = IO_BUFFER if apdu.ne == EXTENDED_MAX_NE else apdu.ne
        if len(data) > limit:
            return _sw(0x6C00 | len(data) if len(data) < SHORT_MAX_NE else 0x6700)
        return data + _sw(sw)

    def _get_response(self, apdu: CommandApdu, held: tuple[bytes, int] | None) -> bytes:
        if apdu.p1 or apdu.p2:
            return _sw(0x6A86)
        if apdu.data or apdu.ne is None:
            return _sw(0x6700)
        if held is None:
            return _sw(0x6985)
        data, sw = held
        if apdu.ne >= len(data):
            return data + _sw(sw)
        rest = data[apdu.ne :]
        self._pending = (rest, sw)
        return data[: apdu.ne] + _sw(0x6100 | (len(rest) if len(rest) < SHORT_MAX_NE else 0))

    def snapshot(self) -> bytes:
        with self._lock:
            return to_image(self._os.config, self._os.serial, self._os.mf)

    def restore(self, state: bytes) -> None:
        """Replace the whole card with a snapshot (apdu.emulator.image); volatile state is reset and an
        armed tearing injection is cleared, so one test's injection never fires in the next."""
        config, serial, mf = from_image(state)
        with self._lock:
            eeprom = self._os.eeprom
            eeprom.disarm()
            self._install(CardOs(config, mf, serial))
            self._os.eeprom = eeprom

    def save(self, path: Path) -> None:
        """Write the image atomically: a temporary file in the same directory, then rename."""
        path = Path(path)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with _os.fdopen(fd, "wb") as handle:
                handle.write(self.snapshot())
                handle.flush()
                _os.fsync(handle.fileno())
            _os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: Path) -> EmulatedCard:
        """A card from an image written by ``save``, powered (raises ``CardImageError`` if damaged)."""
        card = cls()
        card.restore(Path(path).read_bytes())
        return card
