"""Status words to typed errors (ISO/IEC 7816-4:2020 §5.6, table 6)."""

import pytest

from apdu.status import (
    AuthenticationBlocked,
    AuthenticationFailed,
    ClassNotSupported,
    CommandNotAllowed,
    ConditionsNotSatisfied,
    ExecutionError,
    FileExists,
    FileNotFound,
    FileStateError,
    FunctionNotSupported,
    InstructionNotSupported,
    MemoryFailure,
    NotEnoughMemory,
    SecurityStatusNotSatisfied,
    StatusError,
    UnknownError,
    WarningStatus,
    WrongLe,
    WrongLength,
    WrongOffset,
    WrongParameters,
    describe,
    error_for,
    is_success,
    raise_for_status,
)

MAPPING = [
    (0x6200, WarningStatus, "no information given"),
    (0x6282, WarningStatus, "end of file or record reached"),
    (0x6300, AuthenticationFailed, "verification failed, no information about retries"),
    (0x63C2, AuthenticationFailed, "verification failed, 2 retries left"),
    (0x6381, WarningStatus, "file filled up"),
    (0x6400, ExecutionError, "memory unchanged"),
    (0x6581, MemoryFailure, "memory failure"),
    (0x6600, ExecutionError, "security-related issue"),
    (0x6700, WrongLength, "wrong length"),
    (0x6800, FunctionNotSupported, "functions in CLA not supported"),
    (0x6882, FunctionNotSupported, "secure messaging not supported"),
    (0x6900, CommandNotAllowed, "command not allowed"),
    (0x6981, FileStateError, "incompatible with file structure"),
    (0x6982, SecurityStatusNotSatisfied, "security status not satisfied"),
    (0x6983, AuthenticationBlocked, "authentication method blocked"),
    (0x6984, CommandNotAllowed, "reference data not usable"),
    (0x6985, ConditionsNotSatisfied, "conditions of use not satisfied"),
    (0x6986, FileStateError, "no current EF"),
    (0x6A80, WrongParameters, "incorrect parameters in the command data field"),
    (0x6A82, FileNotFound, "file or application not found"),
    (0x6A83, FileNotFound, "record not found"),
    (0x6A84, NotEnoughMemory, "not enough memory space"),
    (0x6A86, WrongParameters, "incorrect parameters P1-P2"),
    (0x6A88, WrongParameters, "reference data not found"),
    (0x6A89, FileExists, "file already exists"),
    (0x6A8A, FileExists, "DF name already exists"),
    (0x6B00, WrongOffset, "offset outside the EF"),
    (0x6C20, WrongLe, "wrong Le: 32 bytes available"),
    (0x6D00, InstructionNotSupported, "instruction code not supported"),
    (0x6E00, ClassNotSupported, "class not supported"),
    (0x6F00, UnknownError, "no precise diagnosis"),
    (0x6FAB, UnknownError, "unknown status word"),
    (0x9100, UnknownError, "unknown status word"),
]


@pytest.mark.parametrize(("sw", "cls", "meaning"), MAPPING, ids=[f"{m[0]:04X}" for m in MAPPING])
def test_every_mapping(sw: int, cls: type[StatusError], meaning: str) -> None:
    error = error_for(sw, "THE COMMAND")
    assert type(error) is cls
    assert error.sw == sw
    assert (error.sw1, error.sw2) == (sw >> 8, sw & 0xFF)
    assert meaning in describe(sw)
    assert str(error) == f"card answered {sw:04X} to THE COMMAND: {describe(sw)}"


def test_message_without_command() -> None:
    assert str(error_for(0x6A82)) == "card answered 6A82: file or application not found"


def test_retries_left() -> None:
    assert AuthenticationFailed(0x63C2).retries_left == 2
    assert AuthenticationFailed(0x63C0).retries_left == 0
    assert AuthenticationFailed(0x6300).retries_left is None


def test_wrong_le_available() -> None:
    error = error_for(0x6C05)
    assert isinstance(error, WrongLe)
    assert error.available == 5


def test_hierarchy_lets_callers_catch_broadly() -> None:
    assert isinstance(error_for(0x6982), CommandNotAllowed)
    assert isinstance(error_for(0x6A82), WrongParameters)
    assert isinstance(error_for(0x6581), ExecutionError)


@pytest.mark.parametrize("sw", [0x9000, 0x6100, 0x6101, 0x61FF])
def test_success(sw: int) -> None:
    assert is_success(sw)
    raise_for_status(sw, "X")


def test_61xx_meaning() -> None:
    assert describe(0x6110) == "normal processing, 16 more bytes available (GET RESPONSE)"


@pytest.mark.parametrize("sw", [0x6282, 0x63C1, 0x6700, 0x6C00, 0x9001])
def test_not_success(sw: int) -> None:
    assert not is_success(sw)
    with pytest.raises(StatusError):
        raise_for_status(sw, "X")
