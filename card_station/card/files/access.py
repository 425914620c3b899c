"""Access conditions shared by the application's files (apdu/fcp.py tag 86 pairs).

Reads are free (design "The card application": "Writes need the per-card key; reads are free"). Every
write, delete, activation and deactivation needs key reference 1: record 1 of the MF's key EF 0001,
which personalisation turns from the transport key into the card's own write key (keys
``KeyPurpose.CARD_WRITE``, docs/emulator.md "replacing the transport key"). Files in the application DF
name key 1 and the card resolves it up to the MF. Nothing is ever NEVER-writable, because a torn
personalisation must be rerunnable (issue 4 "running the same operation again finishes it").
"""

from __future__ import annotations

from apdu.fcp import ALWAYS, Operation, key

CARD_WRITE_KEY_REF = 1
"""Key reference of the card write key, held in record 1 of key EF 0001 under the MF."""

CARD_AUTHENTICATION_KEY_REF = 2
"""Key reference of the card authentication key (INTERNAL AUTHENTICATE), record 2 of key EF 0001."""

WRITE = key(CARD_WRITE_KEY_REF)

TRANSPARENT_EF = {
    Operation.READ: ALWAYS,
    Operation.UPDATE: WRITE,
    Operation.DELETE: WRITE,
    Operation.ACTIVATE: WRITE,
    Operation.DEACTIVATE: WRITE,
}
RECORD_EF = {**TRANSPARENT_EF, Operation.APPEND: WRITE}
APPLICATION_DF = {
    Operation.CREATE: WRITE,
    Operation.DELETE: WRITE,
    Operation.ACTIVATE: WRITE,
    Operation.DEACTIVATE: WRITE,
}
