"""The key store interface: the operations personalisation and EF.SOD signing need, not the secrets.

Why a Protocol of operations: a PKCS#11 token (an HSM or a smart-card token at the station) can derive
(CKM_SP800_108_COUNTER_KDF with the CKM_AES_CMAC PRF, PKCS#11 v3.0) and sign (CKM_ECDSA) without ever
letting the issuer master key or the station private key out. So the interface hands out only what must
leave: a derived card key (it is sent to the card at personalisation), signatures and certificates.
``FileKeyStore`` is the file-based default; see docs/keys.md for how a token store fits.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from card_station.keys.diversification import KeyPurpose


@runtime_checkable
class KeyStore(Protocol):
    """Keys of one issuing station."""

    @property
    def is_development(self) -> bool:
        """True for development keys: cards made with them must never be issued."""
        ...

    def derive_card_key(self, purpose: KeyPurpose, serial: bytes) -> bytes:
        """The 16-byte AES card key for ``purpose`` and the card serial (keys.diversification)."""
        ...

    def sign(self, data: bytes) -> bytes:
        """The station's DER ECDSA P-256 / SHA-256 signature of ``data``."""
        ...

    def station_certificate(self) -> bytes:
        """The station certificate, DER."""
        ...

    def root_certificate(self) -> bytes:
        """The scheme root certificate the station certificate was issued by, DER."""
        ...
