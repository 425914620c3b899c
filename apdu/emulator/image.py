"""The card image: the whole persistent state of an emulated card as versioned JSON.

Format ``card-station-emulated-card`` version 1, UTF-8 JSON, every byte string in lower-case hex::

    {"format": "card-station-emulated-card", "version": 1,
     "size": 65536, "extended_length": true, "t0": false, "serial": "…",
     "mf": NODE}

    NODE = {"fcp": "62…" (the FCP as created), "lcs": 5,
            DF:           "children": [NODE, …]
            transparent:  "data": "…"
            record EF:    "slots": ["…", …] (whole slot buffers), "lengths": [n, …] (0 = unused),
                          "head": h (cyclic ring head), "counters": [n, …] (key EF retry counters)}

Slot buffers are stored whole, not just the written length, so that an image taken after a torn write
holds exactly what the EEPROM holds. Keys are in the image in clear: it is a development artefact,
like DEV_TRANSPORT_KEY; keep images of cards holding real keys out of version control.
"""

from __future__ import annotations

import json
from typing import Any

from apdu.emulator.config import CardConfig, CardSize
from apdu.emulator.filesystem import DedicatedFile, Node, RecordFile, TransparentFile, make_node
from apdu.fcp import Fcp, LifeCycle
from apdu.tlv import TlvError

FORMAT = "card-station-emulated-card"
VERSION = 1


class CardImageError(ValueError):
    """Bytes that are not a card image this version can load."""


def _node_to_json(node: Node) -> dict[str, Any]:
    out: dict[str, Any] = {"fcp": node.fcp.to_bytes().hex(), "lcs": int(node.lcs)}
    if isinstance(node, DedicatedFile):
        out["children"] = [_node_to_json(child) for child in node.children]
    elif isinstance(node, TransparentFile):
        out["data"] = node.data.hex()
    elif isinstance(node, RecordFile):
        out["slots"] = [slot.hex() for slot in node.slots]
        out["lengths"] = list(node.lengths)
        out["head"] = node.head
        out["counters"] = list(node.counters)
    return out


def to_image(config: CardConfig, serial: bytes, mf: DedicatedFile) -> bytes:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "size": config.size.value,
        "extended_length": config.extended_length,
        "t0": config.t0,
        "serial": serial.hex(),
        "mf": _node_to_json(mf),
    }
    return json.dumps(document, indent=1).encode()


def _fixed_list(raw: Any, count: int, what: str) -> list[Any]:
    if not isinstance(raw, list) or len(raw) != count:
        raise CardImageError(f"{what} must be a list of {count} entries")
    return raw


def _node_from_json(raw: dict[str, Any], parent: DedicatedFile | None) -> Node:
    node = make_node(Fcp.parse(bytes.fromhex(raw["fcp"])), parent)
    node.lcs = LifeCycle(raw["lcs"])
    if isinstance(node, DedicatedFile):
        node.children = [_node_from_json(child, node) for child in raw["children"]]
    elif isinstance(node, TransparentFile):
        data = bytes.fromhex(raw["data"])
        if len(data) != len(node.data):
            raise CardImageError(f"EF {node.fid:04X} holds {len(data)} bytes, its FCP says {len(node.data)}")
        node.data[:] = data
    elif isinstance(node, RecordFile):
        count, length = len(node.slots), node.fcp.record_length
        slots = [bytes.fromhex(s) for s in _fixed_list(raw["slots"], count, "slots")]
        lengths = [int(n) for n in _fixed_list(raw["lengths"], count, "lengths")]
        counters = [int(n) for n in _fixed_list(raw["counters"], count, "counters")]
        if any(len(s) != length for s in slots) or any(not 0 <= n <= length for n in lengths):
            raise CardImageError(f"EF {node.fid:04X}: record slots do not match the record length")
        node.slots = [bytearray(s) for s in slots]
        node.lengths, node.counters = lengths, counters
        node.head = int(raw["head"]) % count
    return node


def from_image(image: bytes) -> tuple[CardConfig, bytes, DedicatedFile]:
    """Decode an image; raises ``CardImageError`` saying what is wrong."""
    try:
        document = json.loads(bytes(image).decode())
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise CardImageError(f"not a card image (format must be {FORMAT!r})")
        if document.get("version") != VERSION:
            raise CardImageError(f"card image version {document.get('version')!r}, this code reads {VERSION}")
        config = CardConfig(
            CardSize(document["size"]), bool(document["extended_length"]), bool(document["t0"])
        )
        mf = _node_from_json(document["mf"], None)
        if not isinstance(mf, DedicatedFile):
            raise CardImageError("the image's root is not a DF")
        return config, bytes.fromhex(document["serial"]), mf
    except CardImageError:
        raise
    except (KeyError, TypeError, ValueError, TlvError, UnicodeDecodeError) as exc:
        raise CardImageError(f"damaged card image: {type(exc).__name__}: {exc}") from None
