"""What the renderer draws on one card, whatever the scheme: field values by name, a photo, a QR payload.

Why a record of its own: the renderer (``render``) and the layouts (``layout``) know nothing of ECHS; the
scheme's module (``content`` for ECHS) turns what its card holds into a ``PrintableFace`` whose field names
are the ones its layout places.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class PrintableFace:
    """One card's face: ``fields`` maps a layout field name to its text (a field with no value is
    absent); ``photo`` is JPEG/PNG bytes or None; ``qr`` the signed QR payload; ``title`` names the card in
    print queues and errors."""

    title: str
    qr: bytes
    fields: Mapping[str, str] = field(default_factory=dict)
    photo: bytes | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", MappingProxyType(dict(self.fields)))
