"""The file-based key store: the station's keys in one directory, encrypted under one passphrase.

Why these formats: the private keys are PKCS#8 PEM with the library's best available password-based
encryption (readable by OpenSSL and by a PKCS#11 import tool), the issuer master key is the AES-GCM/scrypt
document of card_station.keys.wrapping, and the certificates are plain PEM (they are public). Files holding
secrets are mode 0600 in a 0700 directory. A new store is written into a staging directory next to the
target and renamed into place, so a crash never leaves half a store that a later run might mistake for a
whole one.

Directory layout (docs/keys.md):

====================================  =========================================================  ====
file                                  content                                                    mode
====================================  =========================================================  ====
issuer-master-key.json                issuer master key, AES-256-GCM under scrypt(passphrase)    0600
station-key.pem                       station ECDSA P-256 private key, encrypted PKCS#8          0600
station-cert.pem                      station certificate (X.509, PEM)                           0644
root-cert.pem                         scheme root certificate (X.509, PEM)                       0644
development-root-key.pem              development root private key, encrypted PKCS#8 (dev only)  0600
====================================  =========================================================  ====
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from card_station.keys.diversification import AES128_BYTES, KeyPurpose, derive_card_key
from card_station.keys.errors import (
    KeyStoreExists,
    KeyStoreIncomplete,
    KeyStoreNotFound,
    TamperedKeyFile,
)
from card_station.keys.profiles import (
    CURVE_NAME,
    CertificateInfo,
    certificate_info,
    check_aware,
    is_development_certificate,
    issue_root,
    issue_station,
)
from card_station.keys.secret import SecretKey
from card_station.keys.signing import sign_with
from card_station.keys.wrapping import check_passphrase, unwrap_key, wrap_key

MASTER_KEY_FILE = "issuer-master-key.json"
STATION_KEY_FILE = "station-key.pem"
STATION_CERT_FILE = "station-cert.pem"
ROOT_CERT_FILE = "root-cert.pem"
DEVELOPMENT_ROOT_KEY_FILE = "development-root-key.pem"
REQUIRED_FILES = (MASTER_KEY_FILE, STATION_KEY_FILE, STATION_CERT_FILE, ROOT_CERT_FILE)

SECRET_MODE = 0o600
PUBLIC_MODE = 0o644
DIRECTORY_MODE = 0o700
DEVELOPMENT_ROOT_LIFETIME = timedelta(days=3653)
DEVELOPMENT_STATION_LIFETIME = timedelta(days=731)
CLOCK_SKEW_ALLOWANCE = timedelta(hours=1)
DEVELOPMENT_ROOT_NAME = "ECHS Scheme Root"


def _write(path: Path, data: bytes, mode: int) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(descriptor, "wb") as handle:
        os.fchmod(handle.fileno(), mode)
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _encrypted_pkcs8(key: ec.EllipticCurvePrivateKey, passphrase: bytes) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase),
    )


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _load_private_key(path: Path, passphrase: bytes) -> ec.EllipticCurvePrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=passphrase)
    except (ValueError, TypeError):
        raise TamperedKeyFile(path, "the encrypted PKCS#8 private key does not decrypt or decode") from None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name != CURVE_NAME:
        raise TamperedKeyFile(path, "the private key is not an ECDSA P-256 key")
    return key


def _load_certificate(path: Path) -> x509.Certificate:
    try:
        return x509.load_pem_x509_certificate(path.read_bytes())
    except ValueError:
        raise TamperedKeyFile(path, "not a PEM X.509 certificate") from None


class FileKeyStore:
    """A KeyStore backed by files; ``open`` an existing store or ``create_development`` a new one."""

    __slots__ = (
        "_directory",
        "_master",
        "_master_development",
        "_root_cert",
        "_station_cert",
        "_station_key",
    )

    def __init__(
        self,
        directory: Path,
        *,
        master: SecretKey,
        master_development: bool,
        station_key: ec.EllipticCurvePrivateKey,
        station_cert: x509.Certificate,
        root_cert: x509.Certificate,
    ) -> None:
        self._directory = directory
        self._master = master
        self._master_development = master_development
        self._station_key = station_key
        self._station_cert = station_cert
        self._root_cert = root_cert

    @classmethod
    def open(cls, directory: Path, passphrase: str) -> FileKeyStore:
        """The store in ``directory``, once the passphrase, every file and their consistency are checked.

        Raises KeyStoreNotFound, KeyStoreIncomplete, WrongPassphrase or TamperedKeyFile.
        """
        folder = Path(directory)
        missing = tuple(name for name in REQUIRED_FILES if not (folder / name).is_file())
        if len(missing) == len(REQUIRED_FILES):
            raise KeyStoreNotFound(folder)
        if missing:
            raise KeyStoreIncomplete(folder, missing)
        master_path = folder / MASTER_KEY_FILE
        unwrapped = unwrap_key(master_path.read_bytes(), passphrase, master_path)
        if len(unwrapped.key.reveal()) != AES128_BYTES:
            raise TamperedKeyFile(master_path, f"the issuer master key is not {AES128_BYTES} bytes")
        secret = check_passphrase(passphrase)
        station_key = _load_private_key(folder / STATION_KEY_FILE, secret)
        station_cert = _load_certificate(folder / STATION_CERT_FILE)
        root_cert = _load_certificate(folder / ROOT_CERT_FILE)
        if station_cert.public_key() != station_key.public_key():
            raise TamperedKeyFile(folder / STATION_CERT_FILE, "the certificate is not for the station's key")
        try:
            station_cert.verify_directly_issued_by(root_cert)
        except (ValueError, InvalidSignature, TypeError):
            raise TamperedKeyFile(
                folder / ROOT_CERT_FILE, "the root did not issue the station certificate"
            ) from None
        return cls(
            folder,
            master=unwrapped.key,
            master_development=unwrapped.development,
            station_key=station_key,
            station_cert=station_cert,
            root_cert=root_cert,
        )

    @classmethod
    def create_development(
        cls, directory: Path, passphrase: str, now: datetime, station_name: str = "Development station"
    ) -> FileKeyStore:
        """A new DEVELOPMENT store: a fresh master key, a development root, a station key and certificate.

        Every certificate says "DEVELOPMENT - NOT FOR ISSUE" and carries the development policy OID; the
        master key file records development=true. ``now`` starts the validity periods (less one hour of
        clock-skew allowance). Raises KeyStoreExists if ``directory`` is not empty.
        """
        folder = Path(directory)
        if folder.exists() and any(folder.iterdir()):
            raise KeyStoreExists(folder)
        secret = check_passphrase(passphrase)
        start = check_aware(now, "the creation time") - CLOCK_SKEW_ALLOWANCE
        root_key = ec.generate_private_key(ec.SECP256R1())
        station_key = ec.generate_private_key(ec.SECP256R1())
        root_cert = issue_root(
            root_key, DEVELOPMENT_ROOT_NAME, start, start + DEVELOPMENT_ROOT_LIFETIME, development=True
        )
        station_cert = issue_station(
            root_cert,
            root_key,
            station_key.public_key(),
            common_name=station_name,
            not_before=start,
            not_after=start + DEVELOPMENT_STATION_LIFETIME,
            development=True,
        )
        master = SecretKey(os.urandom(AES128_BYTES), "issuer master key")
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.creating-", dir=folder.parent))
        try:
            _write(staging / MASTER_KEY_FILE, wrap_key(master, passphrase, development=True), SECRET_MODE)
            _write(staging / STATION_KEY_FILE, _encrypted_pkcs8(station_key, secret), SECRET_MODE)
            _write(staging / DEVELOPMENT_ROOT_KEY_FILE, _encrypted_pkcs8(root_key, secret), SECRET_MODE)
            _write(staging / STATION_CERT_FILE, _pem(station_cert), PUBLIC_MODE)
            _write(staging / ROOT_CERT_FILE, _pem(root_cert), PUBLIC_MODE)
            os.chmod(staging, DIRECTORY_MODE)
            if folder.exists():
                folder.rmdir()
            staging.rename(folder)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return cls(
            folder,
            master=master,
            master_development=True,
            station_key=station_key,
            station_cert=station_cert,
            root_cert=root_cert,
        )

    @classmethod
    def open_or_create_development(
        cls, directory: Path, passphrase: str, now: datetime, station_name: str = "Development station"
    ) -> FileKeyStore:
        """First run: create a development store if ``directory`` holds none; otherwise open it."""
        folder = Path(directory)
        if not any((folder / name).exists() for name in REQUIRED_FILES):
            return cls.create_development(folder, passphrase, now, station_name)
        return cls.open(folder, passphrase)

    @property
    def directory(self) -> Path:
        return self._directory

    @property
    def is_development(self) -> bool:
        """True if the master key or either certificate is a development one."""
        return (
            self._master_development
            or is_development_certificate(self._station_cert)
            or is_development_certificate(self._root_cert)
        )

    @property
    def station_info(self) -> CertificateInfo:
        return certificate_info(self._station_cert)

    @property
    def root_info(self) -> CertificateInfo:
        return certificate_info(self._root_cert)

    @property
    def master_key_kcv(self) -> str:
        """The issuer master key's check value, to compare with the key ceremony record."""
        return self._master.kcv

    def derive_card_key(self, purpose: KeyPurpose, serial: bytes) -> bytes:
        return derive_card_key(self._master, purpose, serial)

    def sign(self, data: bytes) -> bytes:
        return sign_with(self._station_key, data)

    def station_certificate(self) -> bytes:
        return self._station_cert.public_bytes(serialization.Encoding.DER)

    def root_certificate(self) -> bytes:
        return self._root_cert.public_bytes(serialization.Encoding.DER)

    def __repr__(self) -> str:
        return (
            f"FileKeyStore(directory={str(self._directory)!r}, development={self.is_development}, "
            f"station={self._station_cert.subject.rfc4514_string()!r}, master_kcv={self._master.kcv})"
        )

    __str__ = __repr__
