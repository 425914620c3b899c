"""FCP template 62 (ISO/IEC 7816-4:2020 §7.4) with access conditions in proprietary tag 86."""

import pytest

from apdu.fcp import (
    ALWAYS,
    NEVER,
    Condition,
    ConditionKind,
    Fcp,
    FcpError,
    FileKind,
    LifeCycle,
    Operation,
    key,
    pin,
)
from apdu.tlv import Tlv, TlvError

ACCESS = {Operation.READ: ALWAYS, Operation.UPDATE: key(1), Operation.DELETE: pin(2)}

SAMPLES = {
    FileKind.TRANSPARENT: Fcp(0x2F01, FileKind.TRANSPARENT, size=1000, sfi=1, access=ACCESS),
    FileKind.LINEAR_FIXED: Fcp(0x5001, FileKind.LINEAR_FIXED, record_length=64, record_count=10, sfi=30),
    FileKind.CYCLIC: Fcp(0x5002, FileKind.CYCLIC, record_length=16, record_count=5, access=ACCESS),
    FileKind.INTERNAL_LINEAR_FIXED: Fcp(
        0x0001, FileKind.INTERNAL_LINEAR_FIXED, record_length=20, record_count=4, access={}
    ),
    FileKind.DF: Fcp(
        0x4545,
        FileKind.DF,
        df_name=bytes.fromhex("F04543485301"),
        life_cycle=LifeCycle.INITIALISATION,
        access={Operation.CREATE: key(1), Operation.DELETE: NEVER},
    ),
}


def test_every_file_kind_has_a_sample() -> None:
    assert set(SAMPLES) == set(FileKind)


@pytest.mark.parametrize("kind", list(FileKind), ids=[k.name for k in FileKind])
def test_round_trip(kind: FileKind) -> None:
    fcp = SAMPLES[kind]
    assert Fcp.parse(fcp.to_bytes()) == fcp


@pytest.mark.parametrize("lcs", list(LifeCycle), ids=[lcs.name for lcs in LifeCycle])
def test_life_cycle_round_trip(lcs: LifeCycle) -> None:
    fcp = Fcp(0x1234, FileKind.TRANSPARENT, size=1, life_cycle=lcs)
    assert Fcp.parse(fcp.to_bytes()).life_cycle is lcs


def test_golden_transparent() -> None:
    fcp = Fcp(0x2F01, FileKind.TRANSPARENT, size=0x0100, sfi=1, access={Operation.READ: ALWAYS})
    assert fcp.to_bytes() == bytes.fromhex("62158002010082010183022F018801088A010586020100")


def test_golden_linear_fixed_descriptor() -> None:
    fcp = SAMPLES[FileKind.LINEAR_FIXED]
    assert fcp.to_tlv().find(0x82) == Tlv(0x82, bytes.fromhex("022100400A"))
    assert fcp.data_size == 640


def test_conditions_default_to_never() -> None:
    fcp = SAMPLES[FileKind.TRANSPARENT]
    assert fcp.condition(Operation.READ) == ALWAYS
    assert fcp.condition(Operation.UPDATE) == key(1)
    assert fcp.condition(Operation.TERMINATE) == NEVER


def test_access_is_read_only() -> None:
    fcp = SAMPLES[FileKind.TRANSPARENT]
    with pytest.raises(TypeError):
        fcp.access[Operation.APPEND] = ALWAYS  # type: ignore[index]


@pytest.mark.parametrize(
    ("condition", "byte"),
    [(ALWAYS, 0x00), (NEVER, 0xFF), (key(1), 0x11), (key(15), 0x1F), (pin(1), 0x21), (pin(15), 0x2F)],
)
def test_condition_bytes(condition: Condition, byte: int) -> None:
    assert condition.to_byte() == byte
    assert Condition.from_byte(byte) == condition


def test_condition_str() -> None:
    assert str(key(3)) == "key 3"
    assert str(ALWAYS) == "always"


@pytest.mark.parametrize("byte", [0x10, 0x20, 0x30, 0x01, 0xFE])
def test_undefined_condition_byte(byte: int) -> None:
    with pytest.raises(ValueError, match=f"access condition byte {byte:02X} is not defined"):
        Condition.from_byte(byte)


@pytest.mark.parametrize(
    ("kind", "ref"), [(ConditionKind.KEY, 0), (ConditionKind.PIN, 16), (ConditionKind.ALWAYS, 1)]
)
def test_bad_condition_reference(kind: ConditionKind, ref: int) -> None:
    with pytest.raises(ValueError, match="is not valid"):
        Condition(kind, ref)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"fid": 0x10000, "kind": FileKind.TRANSPARENT}, "not two bytes"),
        ({"fid": 1, "kind": FileKind.TRANSPARENT, "sfi": 31}, "short EF identifier 31"),
        ({"fid": 1, "kind": FileKind.LINEAR_FIXED, "record_length": 0, "record_count": 1}, "record length"),
        ({"fid": 1, "kind": FileKind.CYCLIC, "record_length": 4, "record_count": 256}, "record count"),
        (
            {"fid": 1, "kind": FileKind.LINEAR_FIXED, "record_length": 4, "record_count": 2, "size": 9},
            "record length times its record count",
        ),
        ({"fid": 1, "kind": FileKind.TRANSPARENT, "size": 65536}, "file size 65536 outside 0..65535"),
        ({"fid": 1, "kind": FileKind.TRANSPARENT, "size": -1}, "file size -1"),
        (
            {"fid": 1, "kind": FileKind.LINEAR_FIXED, "record_length": 1000, "record_count": 100},
            "file size 100000",
        ),
        ({"fid": 1, "kind": FileKind.DF, "df_name": b""}, "1 to 16 bytes"),
        ({"fid": 1, "kind": FileKind.DF, "df_name": bytes(17)}, "1 to 16 bytes"),
    ],
)
def test_construction_errors(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Fcp(**kwargs)  # type: ignore[arg-type]


PARSE_ERRORS = [
    ("not TLV", "62", "truncated"),
    ("not template 62", "6F03830101", "expected FCP template 62, got tag 6F"),
    ("no descriptor", "62048302 3F00", "lacks mandatory tag 82"),
    ("no FID", "6203820101", "lacks mandatory tag 83"),
    ("empty descriptor", "6206820083023F00", "descriptor empty"),
    ("short FID", "620682010183013F", "FID not two bytes"),
    ("unknown descriptor", "620782010783023F00", "not a valid FileKind"),
    ("record descriptor too short", "620882020221 83023F00", "record EF descriptor must have 5 bytes"),
    ("odd security attribute", "620A82010183023F00860101", "pairs"),
    ("unknown operation", "620B82010183023F0086020900", "not a valid Operation"),
    ("undefined condition", "620B82010183023F0086020130", "access condition byte 30"),
    ("unknown life cycle", "620A82010183023F008A0102", "not a valid LifeCycle"),
    ("SFI 31", "620A82010183023F008801F8", "short EF identifier 31"),
]


@pytest.mark.parametrize(("name", "encoding", "message"), PARSE_ERRORS, ids=[e[0] for e in PARSE_ERRORS])
def test_parse_errors(name: str, encoding: str, message: str) -> None:
    with pytest.raises(TlvError, match=message):
        Fcp.parse(bytes.fromhex(encoding.replace(" ", "")))


def test_fcp_error_is_a_tlv_error() -> None:
    with pytest.raises(FcpError):
        Fcp.parse(bytes.fromhex("6203820101"))


def test_minimal_fcp_defaults() -> None:
    fcp = Fcp.parse(bytes.fromhex("620782010183023F00"))
    assert fcp == Fcp(0x3F00, FileKind.TRANSPARENT)
    assert fcp.life_cycle is LifeCycle.OPERATIONAL_ACTIVATED
    assert fcp.condition(Operation.READ) == NEVER
