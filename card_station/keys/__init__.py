"""Keys of the card station: per-card key diversification, the station's signing key and certificate, and
the scheme root that counters trust (design "card_station/keys/", issue 4 "Keys"). Pure cryptography, no
card I/O. See docs/keys.md for the key hierarchy, parameters, profiles and file formats.
"""

from card_station.keys.chain import verify_chain
from card_station.keys.diversification import TEMPLATES, DerivationTemplate, KeyPurpose, derive_card_key
from card_station.keys.file_store import FileKeyStore
from card_station.keys.profiles import CertificateInfo
from card_station.keys.secret import SecretKey
from card_station.keys.signing import verify_signature, verify_signed
from card_station.keys.store import KeyStore

__all__ = [
    "TEMPLATES",
    "CertificateInfo",
    "DerivationTemplate",
    "FileKeyStore",
    "KeyPurpose",
    "KeyStore",
    "SecretKey",
    "derive_card_key",
    "verify_chain",
    "verify_signature",
    "verify_signed",
]
