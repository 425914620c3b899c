"""Golden vectors: each file's bytes for the sample content, written out tag by tag (docs/card-layout.md).

A change here is a change of the card format: it needs a new layout version, not a new vector.
"""

from __future__ import annotations

import pytest
from layout_samples import SAMPLES

from card_station.card.codecs import photo
from card_station.card.layout import declaration, decode_file


def h(*parts: str) -> bytes:
    return bytes.fromhex("".join(parts))


GOLDEN: dict[str, bytes | tuple[bytes, ...]] = {
    "EF.DIR": (
        h("61 0E", "4F 06 F04543485301", "50 04 45434853"),
        h("61 11", "4F 08 A000000167455349", "50 05 6F74686572"),
    ),
    "EF.CARD": h(
        "E1 42",
        "5A 0A 8027688311000000004A",
        "80 01 40",
        "81 01 01",
        "82 01 01",
        "83 19 454348532043656E7472616C204F7267616E69736174696F6E",
        "84 04 20250601",
        "85 0A 53544E2D44454C2D3031",
    ),
    "EF.STATUS": h(
        "30",
        "01",
        "01",
        "02",
        "00",
        "00000003",
        "20250603061530",
        "20250603061500",
        "20250603073000",
        "0000",
    ),
    "EF.MEMBER": h(
        "E2 81 8C",
        "80 0C 444C30303132333435363738",
        "81 01 01",
        "82 0A 4A432D3132333435364B",
        "83 0D 53756265646172204D616A6F72",
        "84 0F 52616D204B756D61722053696E6768",
        "85 04 19600415",
        "86 01 4D",
        "87 0D 532F3031323334352F32303138",
        "88 03 4A434F",
        "89 05 44656C6869",
        "8A 0B 44656C68692043616E7474",
        "8B 0C 53656D692D50726976617465",
        "8C 02 422B",
        "8D 0A 50656E6963696C6C696E",
    ),
    "EF.DEPENDANTS": (
        h(
            "E3 2E",
            "80 01 01",
            "81 09 536974612044657669",
            "82 01 01",
            "83 04 19640802",
            "84 01 46",
            "85 12 736565642030303220C2A731286429286929",
        ),
        h(
            "E3 3A",
            "80 01 02",
            "81 0B 41726A756E2053696E6768",
            "82 01 02",
            "83 04 20030120",
            "84 01 4D",
            "85 13 736565642030303220C2A73128642928697629",
            "86 04 20280120",
            "87 01 01",
        ),
    ),
    "EF.ENDORSE": (
        h(
            "E4 2B",
            "80 01 01",
            "81 04 20250801",
            "82 14 4E6F204F5044202D203031204155472032303235",
            "83 0A 53544E2D44454C2D3031",
        ),
        h(
            "E4 2B",
            "80 01 02",
            "81 04 20260201",
            "82 14 4F50442066726F6D203031204645422032303236",
            "83 0A 53544E2D44454C2D3031",
        ),
    ),
}


@pytest.mark.parametrize("name", list(GOLDEN))
def test_encoding_matches_the_golden_vector(name: str) -> None:
    assert declaration(name).encode(SAMPLES[name]) == GOLDEN[name]


@pytest.mark.parametrize("name", list(GOLDEN))
def test_the_golden_vector_decodes_to_the_sample(name: str) -> None:
    assert decode_file(name, GOLDEN[name]) == SAMPLES[name]


def test_photos_are_ordered_member_first_then_dependants_by_number() -> None:
    photos = {"D10": h("FFD8 01"), "M": h("FFD8 FFD9"), "D2": h("FFD8 02")}
    assert photo.encode(photos) == h(
        "E5 22",
        "A1 09 80 01 4D 81 04 FFD8FFD9",
        "A1 09 80 02 4432 81 03 FFD802",
        "A1 0A 80 03 443130 81 03 FFD801",
    )
