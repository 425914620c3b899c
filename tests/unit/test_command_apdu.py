"""Golden vectors for the seven command APDU encodings of ISO/IEC 7816-4:2020 §5.2 and the strict parser."""

import pytest

from apdu.command import Case, CommandApdu, MalformedApdu

DATA = bytes.fromhex("3F00")
BIG = bytes(range(256)) * 2  # 512 bytes: only fits an extended Lc

GOLDEN = [
    # (name, apdu, encoding)
    ("1", CommandApdu(0x00, 0xA4, 0x00, 0x00), "00A40000"),
    ("2S", CommandApdu(0x00, 0xB0, 0x00, 0x00, ne=16), "00B0000010"),
    ("2S Ne=256", CommandApdu(0x00, 0xB0, 0x00, 0x00, ne=256), "00B0000000"),
    ("3S", CommandApdu(0x00, 0xA4, 0x00, 0x0C, DATA), "00A4000C023F00"),
    ("4S", CommandApdu(0x00, 0xA4, 0x00, 0x04, DATA, ne=256), "00A40004023F0000"),
    ("2E", CommandApdu(0x00, 0xB0, 0x00, 0x00, ne=1000, extended=True), "00B000000003E8"),
    ("2E Ne=65536", CommandApdu(0x00, 0xB0, 0x00, 0x00, ne=65536, extended=True), "00B00000000000"),
    ("3E", CommandApdu(0x00, 0xD6, 0x00, 0x00, DATA, extended=True), "00D60000000002" + "3F00"),
    (
        "4E",
        CommandApdu(0x00, 0x88, 0x00, 0x01, DATA, ne=65536, extended=True),
        "00880001000002" + "3F00" + "0000",
    ),
]


@pytest.mark.parametrize(("name", "apdu", "encoding"), GOLDEN, ids=[g[0] for g in GOLDEN])
def test_golden_encoding(name: str, apdu: CommandApdu, encoding: str) -> None:
    assert apdu.to_bytes() == bytes.fromhex(encoding)


@pytest.mark.parametrize(("name", "apdu", "encoding"), GOLDEN, ids=[g[0] for g in GOLDEN])
def test_golden_parse(name: str, apdu: CommandApdu, encoding: str) -> None:
    assert CommandApdu.parse(bytes.fromhex(encoding)) == apdu


@pytest.mark.parametrize(
    ("apdu", "case"),
    [
        (CommandApdu(0, 0xA4, 0, 0), Case.CASE_1),
        (CommandApdu(0, 0xB0, 0, 0, ne=1), Case.CASE_2),
        (CommandApdu(0, 0xD6, 0, 0, b"\x01"), Case.CASE_3),
        (CommandApdu(0, 0xA4, 0, 0, b"\x01", ne=1), Case.CASE_4),
    ],
)
def test_case(apdu: CommandApdu, case: Case) -> None:
    assert apdu.case is case


def test_extended_data_of_512_bytes_round_trips() -> None:
    apdu = CommandApdu(0x00, 0xD6, 0x00, 0x00, BIG, extended=True)
    raw = apdu.to_bytes()
    assert raw[4:7] == b"\x00\x02\x00"
    assert CommandApdu.parse(raw) == apdu


def test_with_ne_keeps_everything_else() -> None:
    apdu = CommandApdu(0x00, 0xB0, 0x01, 0x02, ne=256)
    assert apdu.with_ne(5) == CommandApdu(0x00, 0xB0, 0x01, 0x02, ne=5)


def test_header_and_str() -> None:
    apdu = CommandApdu(0x00, 0xA4, 0x00, 0x0C, DATA)
    assert apdu.header == bytes.fromhex("00A4000C")
    assert str(apdu) == "00 A4 00 0C 02 3F 00"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"cla": 0x100}, "CLA must be one byte"),
        ({"ins": -1}, "INS must be one byte"),
        ({"data": bytes(256)}, "256 data bytes exceed the short maximum of 255"),
        ({"data": bytes(65536), "extended": True}, "exceed the extended maximum of 65535"),
        ({"ne": 0}, "Ne 0 outside 1..256"),
        ({"ne": 257}, "Ne 257 outside 1..256"),
        ({"ne": 65537, "extended": True}, "Ne 65537 outside 1..65536"),
    ],
)
def test_construction_errors(kwargs: dict[str, object], message: str) -> None:
    fields: dict[str, object] = {"cla": 0, "ins": 0xB0, "p1": 0, "p2": 0} | kwargs
    with pytest.raises(MalformedApdu, match=message):
        CommandApdu(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("encoding", "message"),
    [
        ("", "at least 4 header bytes, got 0"),
        ("00A400", "at least 4 header bytes, got 3"),
        ("00A4000C033F00", "short Lc 3 does not match 2 following bytes"),
        ("00A4000C023F000000", "short Lc 2 does not match 4 following bytes"),
        ("00B0000000FF", "truncated extended length field"),
        ("00D6000000000001", "extended Lc of 0 is not allowed"),
        ("00D600000000033F00", "extended Lc 3 does not match 2 following bytes"),
        ("00D600000000023F00000000", "extended Lc 2 does not match 5 following bytes"),
    ],
)
def test_parse_errors(encoding: str, message: str) -> None:
    with pytest.raises(MalformedApdu, match=message):
        CommandApdu.parse(bytes.fromhex(encoding))
