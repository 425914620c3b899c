"""Key-test helpers: a root and a station certificate built with the production code's profiles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from card_station.keys.profiles import issue_root, issue_station

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Pki:
    """A root and a station certified by it, valid around NOW."""

    root_key: ec.EllipticCurvePrivateKey
    root: x509.Certificate
    station_key: ec.EllipticCurvePrivateKey
    station: x509.Certificate

    @property
    def root_der(self) -> bytes:
        return der(self.root)

    @property
    def station_der(self) -> bytes:
        return der(self.station)


def der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


def make_pki(root_name: str = "Test Root", *, development: bool = True) -> Pki:
    root_key = ec.generate_private_key(ec.SECP256R1())
    root = issue_root(
        root_key, root_name, NOW - timedelta(days=365), NOW + timedelta(days=3650), development=development
    )
    station_key = ec.generate_private_key(ec.SECP256R1())
    station = issue_station(
        root,
        root_key,
        station_key.public_key(),
        common_name="Test Station",
        not_before=NOW - timedelta(days=30),
        not_after=NOW + timedelta(days=700),
        development=development,
    )
    return Pki(root_key, root, station_key, station)
