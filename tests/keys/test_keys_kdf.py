"""SP 800-108r1 counter-mode KDF with AES-CMAC: NIST CAVP known answers, the fixed-input layout, bad input."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.kdf.kbkdf import KBKDFCMAC, CounterLocation, Mode

from card_station.keys.errors import KeyInputError
from card_station.keys.kdf import fixed_input, kbkdf_cmac_counter

# NIST CAVP "SP800-108 - KDF" test vectors (CAVS 14.4), section [PRF=CMAC_AES128] [CTRLOCATION=BEFORE_FIXED]
# [RLEN=32_BITS], COUNT 0, 1, 2, 10 and 20, as published in pyca/cryptography
# vectors/cryptography_vectors/KDF/nist-800-108-KBKDF-CTR.txt. Columns: L (bits), KI, FixedInputData, KO.
CAVP_CMAC_AES128_CTR_BEFORE_FIXED_R32 = [
    (
        128,
        "c10b152e8c97b77e18704e0f0bd38305",
        "98cd4cbbbebe15d17dc86e6dbad800a2dcbd64f7c7ad0e78e9cf94ffdba89d03e97eadf6c4f7b806caf52aa38f09d0eb"
        "71d71f497bcc6906b48d36c4",
        "26faf61908ad9ee881b8305c221db53f",
    ),
    (
        128,
        "e8d17992e2d4ae357ea4aed0b2b0999d",
        "99cc1e086cc9ff55e017f42b824f3b4e624e8398ea6d9e2ae680679058471a34c375cd2c3c30624b147750ee9aac3e36"
        "46c6231e5792575d3ffabe2f",
        "0afb1efa155325a3fdd3e91262c0832a",
    ),
    (
        128,
        "c4ad9d487d1210f11e550c7142a81e3b",
        "996b015638d704d416bf529e8df1937294ed8d06f5ce9cb416905663a8958344da04d311e41ed48077551b69b7234482"
        "fd8e8d2263241c60558194a2",
        "35124976f21c6de9d1c10ac256b9ca0b",
    ),
    (
        256,
        "695f1b1a16c949cea51cdf2554ec9d42",
        "4fce5942832a390aa1cbe8a0bf9d202cb799e986c9d6b51f45e4d597a6b57f06a4ebfec6467335d116b7f5f9c5b95406"
        "2f661820f5db2a5bbb3e0625",
        "d34b601ec18c34dfa0f9e0b7523e218bdddb9befe8d08b6c0202d75ace0dba89",
    ),
    (
        160,
        "b523ae21fc36bc58cc46e5a3cda97493",
        "8dbe6d4d9b09b2eabd165b6e6e97e3bc782f8335cb1ea04ad0403affd88a5071db5f36ce2e84ab296261730b2226a918"
        "9d867991fbd4ff86f43a3cfb",
        "530211df01975dd6c08064c34105f88a6007f2b2",
    ),
]


@pytest.mark.parametrize(
    ("length_bits", "key_in", "fixed", "expected"), CAVP_CMAC_AES128_CTR_BEFORE_FIXED_R32
)
def test_cavp_vectors(length_bits: int, key_in: str, fixed: str, expected: str) -> None:
    derived = kbkdf_cmac_counter(bytes.fromhex(key_in), bytes.fromhex(fixed), length_bits // 8)
    assert derived.hex() == expected


def test_fixed_input_layout() -> None:
    assert fixed_input(b"AB", b"\x01\x02", 128) == b"AB" + b"\x00" + b"\x01\x02" + bytes.fromhex("00000080")


def test_fixed_input_agrees_with_the_library_label_and_context_form() -> None:
    key_in = bytes(range(16))
    label, context = b"ECHS card write key", bytes.fromhex("80276883110000000042")
    library = KBKDFCMAC(
        algorithm=algorithms.AES,
        mode=Mode.CounterMode,
        length=16,
        rlen=4,
        llen=4,
        location=CounterLocation.BeforeFixed,
        label=label,
        context=context,
        fixed=None,
    ).derive(key_in)
    assert kbkdf_cmac_counter(key_in, fixed_input(label, context, 128), 16) == library


@pytest.mark.parametrize("key_in", [b"", bytes(15), bytes(17), bytes(33)])
def test_wrong_key_length_is_refused(key_in: bytes) -> None:
    with pytest.raises(KeyInputError, match=r"16, 24 or 32 bytes, not \d+"):
        kbkdf_cmac_counter(key_in, b"fixed", 16)


def test_key_that_is_not_bytes_is_refused() -> None:
    with pytest.raises(KeyInputError, match="bytes, got str"):
        kbkdf_cmac_counter("0" * 16, b"fixed", 16)  # type: ignore[arg-type]


@pytest.mark.parametrize("length", [0, -1, 65])
def test_output_length_out_of_range_is_refused(length: int) -> None:
    with pytest.raises(KeyInputError, match="output length"):
        kbkdf_cmac_counter(bytes(16), b"fixed", length)


def test_label_with_separator_is_refused() -> None:
    with pytest.raises(KeyInputError, match="separator"):
        fixed_input(b"a\x00b", b"", 128)


@pytest.mark.parametrize("bits", [0, 12, -8])
def test_output_length_in_bits_must_be_whole_bytes(bits: int) -> None:
    with pytest.raises(KeyInputError, match="whole bytes"):
        fixed_input(b"label", b"", bits)
