"""ResponseApdu (ISO/IEC 7816-4:2020 §5.1): data field plus the SW1 SW2 trailer."""

import pytest

from apdu.response import MalformedResponse, ResponseApdu
from apdu.status import FileNotFound, WrongLe


def test_parse_splits_data_and_trailer() -> None:
    response = ResponseApdu.parse(bytes.fromhex("0102039000"))
    assert response == ResponseApdu(b"\x01\x02\x03", 0x9000)
    assert (response.sw1, response.sw2) == (0x90, 0x00)
    assert response.to_bytes() == bytes.fromhex("0102039000")


def test_trailer_only() -> None:
    assert ResponseApdu.parse(bytes.fromhex("6A82")) == ResponseApdu(b"", 0x6A82)


@pytest.mark.parametrize("raw", [b"", b"\x90"])
def test_too_short(raw: bytes) -> None:
    with pytest.raises(MalformedResponse, match=f"ends with SW1 SW2, got {len(raw)} bytes"):
        ResponseApdu.parse(raw)


@pytest.mark.parametrize("sw", [0x9000, 0x6100, 0x6110])
def test_check_returns_self_on_success(sw: int) -> None:
    response = ResponseApdu(b"\xaa", sw)
    assert response.check("READ BINARY") is response


def test_check_names_the_command() -> None:
    with pytest.raises(FileNotFound, match="card answered 6A82 to SELECT: file or application not found"):
        ResponseApdu(b"", 0x6A82).check("SELECT")


def test_check_wrong_le() -> None:
    with pytest.raises(WrongLe) as info:
        ResponseApdu(b"", 0x6C10).check()
    assert info.value.available == 0x10


def test_meaning() -> None:
    assert ResponseApdu(b"", 0x6982).meaning == "security status not satisfied (authenticate first)"
