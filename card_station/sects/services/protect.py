"""Aadhaar and mobile numbers at rest: AES-GCM under the station data key, and the keyed Aadhaar index.

Why the index is an HMAC under a key derived from the data key: the duplicate check (one person, one
registration; seed 001 annexure 2 collects each person's Aadhaar) needs equality of numbers without storing
them, and a plain SHA-256 of a 12-digit number is reversed by trying the 10^11 valid ones. ``DataKey``
exposes its OTP sub-key; the index key is HMAC(OTP sub-key, its own label), an independent PRF output, so
no key serves two purposes (the same construction ``DataKey`` uses for its sub-keys).
"""

from __future__ import annotations

import hashlib
import hmac

from card_station.store.pii import DataKey

_INDEX_LABEL = b"card-station sects aadhaar index v1"
AADHAAR_FIELD = "aadhaar"
MOBILE_FIELD = "mobile"


def aadhaar_index(key: DataKey, aadhaar: str) -> bytes:
    index_key = hmac.new(key.otp_key, _INDEX_LABEL, hashlib.sha256).digest()
    return hmac.new(index_key, aadhaar.encode("ascii"), hashlib.sha256).digest()


def seal_aadhaar(key: DataKey, aadhaar: str, *, owner: str, number: int) -> bytes:
    return key.encrypt(aadhaar, field=AADHAAR_FIELD, owner=f"{owner}/{number}")


def open_aadhaar(key: DataKey, blob: bytes, *, owner: str, number: int) -> str:
    return key.decrypt(blob, field=AADHAAR_FIELD, owner=f"{owner}/{number}")


def seal_mobile(key: DataKey, mobile: str, *, owner: str) -> bytes:
    return key.encrypt(mobile, field=MOBILE_FIELD, owner=owner)


def open_mobile(key: DataKey, blob: bytes, *, owner: str) -> str:
    return key.decrypt(blob, field=MOBILE_FIELD, owner=owner)
