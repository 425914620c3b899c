"""A SCOSTA-like ISO/IEC 7816-4/-9 card, emulated in-process (docs/emulator.md).

Used by the loopback transport (apdu.transport.loopback), the vpcd bridge that puts it in a real pcscd
reader (apdu.emulator.vpcd) and the tests.
"""

from apdu.emulator.card import EmulatedCard
from apdu.emulator.config import CardSize
from apdu.emulator.eeprom import PowerLost
from apdu.emulator.keys import DEV_TRANSPORT_KEY, key_record, pin_record

__all__ = ["DEV_TRANSPORT_KEY", "CardSize", "EmulatedCard", "PowerLost", "key_record", "pin_record"]
