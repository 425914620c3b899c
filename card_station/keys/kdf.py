"""NIST SP 800-108r1 key derivation in counter mode with AES-CMAC as the PRF (§4.1), fixed parameters.

Why this KDF: it is published, validated by NIST's CAVP (the tests replay CAVP vectors), available in the
``cryptography`` package as ``KBKDFCMAC``, and a card-side or HSM-side implementation of it is common
(GlobalPlatform SCP03 derives its session keys with the same construction). One instance of the
construction is fixed here and never varied at run time:

* PRF: CMAC with AES (NIST SP 800-38B); the key-derivation key K_IN is an AES key (16, 24 or 32 bytes).
* counter i: r = 32 bits, big-endian, placed BEFORE the fixed input data (CAVP "CTRLOCATION=BEFORE_FIXED,
  RLEN=32_BITS"); K(i) = CMAC(K_IN, [i]_32 || fixed input), i = 1, 2, ...
* fixed input data (SP 800-108r1 §4, the recommended layout): Label || 0x00 || Context || [L]_32, with L
  the output length in bits as a 32-bit big-endian integer.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.kdf.kbkdf import KBKDFCMAC, CounterLocation, Mode

from card_station.keys.errors import KeyInputError

AES_KEY_LENGTHS = (16, 24, 32)
COUNTER_BYTES = 4
LENGTH_FIELD_BYTES = 4
SEPARATOR = b"\x00"
MAX_OUTPUT_BYTES = 64


def _check_key_in(key_in: bytes) -> bytes:
    if not isinstance(key_in, bytes | bytearray):
        raise KeyInputError(f"a key-derivation key is bytes, got {type(key_in).__name__}")
    if len(key_in) not in AES_KEY_LENGTHS:
        raise KeyInputError(f"a key-derivation key is an AES key of 16, 24 or 32 bytes, not {len(key_in)}")
    return bytes(key_in)


def fixed_input(label: bytes, context: bytes, length_bits: int) -> bytes:
    """Label || 0x00 || Context || [L]_32 (SP 800-108r1 §4). The label must not contain the separator."""
    if SEPARATOR in label:
        raise KeyInputError("a KDF label must not contain the 0x00 separator byte")
    if length_bits <= 0 or length_bits % 8:
        raise KeyInputError(f"the KDF output length must be whole bytes, not {length_bits} bits")
    return label + SEPARATOR + context + length_bits.to_bytes(LENGTH_FIELD_BYTES, "big")


def kbkdf_cmac_counter(key_in: bytes, fixed: bytes, length: int) -> bytes:
    """``length`` bytes of K_OUT = K(1) || K(2) || ... truncated, for the given fixed input data.

    The fixed input is taken as opaque bytes, exactly as CAVP tests the construction; ``fixed_input`` builds
    the layout this project uses.
    """
    checked = _check_key_in(key_in)
    if not 0 < length <= MAX_OUTPUT_BYTES:
        raise KeyInputError(f"the KDF output length is 1 to {MAX_OUTPUT_BYTES} bytes, got {length}")
    kdf = KBKDFCMAC(
        algorithm=algorithms.AES,
        mode=Mode.CounterMode,
        length=length,
        rlen=COUNTER_BYTES,
        llen=None,
        location=CounterLocation.BeforeFixed,
        label=None,
        context=None,
        fixed=bytes(fixed),
    )
    return kdf.derive(checked)
