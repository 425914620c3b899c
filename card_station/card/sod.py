"""Build and verify EF.SOD, the card's security object (issue 4; the idea of ICAO 9303-10's EF.SOD:
hashes of the data groups, signed by a document signer certified by a country root; here the files,
the issuing station and the scheme root). Structure in codecs/sod.py and docs/card-layout.md.

What a counter learns: the files it read are the files the station wrote (SHA-256), onto THIS card (the
serial from EF.GDO, written at manufacture and never writable, is signed in), by a station the scheme
root certified (the chain is checked against the root only, at the time passed in). A file copied from
another card fails its hash; an EF.SOD copied to another card fails the serial.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Protocol

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm

from card_station.card.codecs import sod as codec
from card_station.card.codecs.sod import SecurityObject
from card_station.card.errors import MalformedFile, SecurityObjectError
from card_station.card.files import SIGNED_FILES, declaration
from card_station.card.files.decl import FileData, FileDecl
from card_station.card.version import LAYOUT_VERSION
from card_station.keys.chain import verify_chain
from card_station.keys.errors import KeysError
from card_station.keys.profiles import CertificateInfo
from card_station.keys.signing import verify_signature

SOD_FILE = "EF.SOD"

UNREADABLE_CERTIFICATE = (KeysError, ValueError, x509.InvalidVersion, UnsupportedAlgorithm)
"""What the keys checks raise. ``cryptography`` parses certificate fields lazily: a damaged field raises
ValueError when the chain check reads it, and a damaged version field raises InvalidVersion and a damaged
key algorithm UnsupportedAlgorithm (neither a ValueError); ``keys.chain`` does not yet turn these into
MalformedCertificate."""


def _certificate_fault(exc: Exception) -> str:
    if isinstance(exc, KeysError):
        return str(exc)
    return f"the station certificate is damaged ({exc})"


class SodSigner(Protocol):
    """What build_sod needs of a key store (``card_station.keys.KeyStore`` satisfies it)."""

    def sign(self, data: bytes) -> bytes: ...

    def station_certificate(self) -> bytes: ...


def _signed_declarations(signed_files: Sequence[FileDecl] | None) -> dict[str, FileDecl]:
    """The files an EF.SOD signs, by name: the ECHS layout's by default, or another application's
    (docs/sects-card.md: the SECTS application signs its own files with the same EF.SOD format)."""
    if signed_files is None:
        return {name: declaration(name) for name in SIGNED_FILES}
    return {decl.name: decl for decl in signed_files}


def file_digest(name: str, raw: FileData, decl: FileDecl | None = None) -> bytes:
    """SHA-256 of a file's content as EF.SOD hashes it (``decl`` defaults to the ECHS file ``name``).

    A transparent TLV file: its one data object, padding excluded. EF.STATUS: its 32 bytes. A record
    file: each record's data object preceded by its length as two bytes big-endian, so record boundaries
    are hashed too. Padding that is not uniform raises MalformedFile.
    """
    content = (declaration(name) if decl is None else decl).canonical(raw)
    if isinstance(content, tuple):
        content = b"".join(len(record).to_bytes(2, "big") + record for record in content)
    return hashlib.sha256(content).digest()


def build_sod(
    files: Mapping[str, FileData],
    serial: bytes,
    signer: SodSigner,
    signed_at: datetime,
    *,
    signed_files: Sequence[FileDecl] | None = None,
) -> bytes:
    """EF.SOD's bytes for ``files`` (every signed file, as ``layout.encode_content`` gives them).

    ``serial`` is the card serial read from EF.GDO (2F02, tag 5A); ``signed_at`` is the station's
    clock (timezone-aware). ``signed_files`` are the files signed when not the ECHS layout's.
    """
    decls = _signed_declarations(signed_files)
    missing = [name for name in decls if name not in files]
    undeclared = sorted(set(files) - set(decls))
    if missing or undeclared:
        raise SecurityObjectError(
            f"EF.SOD signs exactly {', '.join(decls)}; "
            f"missing: {', '.join(missing) or 'none'}; not signed: {', '.join(undeclared) or 'none'}"
        )
    if not serial:
        raise SecurityObjectError("the card serial is empty: read it from EF.GDO (2F02, tag 5A)")
    hashes = {decl.fid: file_digest(name, files[name], decl) for name, decl in decls.items()}
    certificate = signer.station_certificate()
    content = codec.signed_content(LAYOUT_VERSION, serial, signed_at, hashes, certificate)
    sod = SecurityObject(
        layout_version=LAYOUT_VERSION,
        serial=bytes(serial),
        signed_at=signed_at,
        hashes=hashes,
        certificate=certificate,
        signature=signer.sign(content),
        signed_content=content,
    )
    return codec.encode(sod)


class SodCheck(Enum):
    """The checks of verify_sod, in the order they run."""

    FORMAT = "EF.SOD is well-formed"
    SERIAL = "EF.SOD is bound to this card's serial"
    CERTIFICATE = "the station certificate chains to the scheme root"
    SIGNATURE = "the station's signature over EF.SOD verifies"
    FILE_HASH = "each file read matches its hash in EF.SOD"


@dataclass(frozen=True)
class SodFailure:
    check: SodCheck
    detail: str

    def __str__(self) -> str:
        return f"{self.check.value}: NO, {self.detail}"


@dataclass(frozen=True)
class SodVerdict:
    """The outcome of verify_sod: genuine only if no check failed.

    ``checked`` are the files whose hashes matched; ``unchecked`` the signed files not given (EF.PHOTO
    when photos were not read). ``signer`` and ``signed_at`` are set when EF.SOD could be decoded.
    """

    failures: tuple[SodFailure, ...]
    checked: tuple[str, ...]
    unchecked: tuple[str, ...]
    signer: CertificateInfo | None
    signed_at: datetime | None

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(str(failure) for failure in self.failures)

    def failed(self, check: SodCheck) -> bool:
        return any(failure.check is check for failure in self.failures)


def verify_sod(
    sod: bytes,
    files: Mapping[str, FileData],
    serial: bytes,
    root_certificate_der: bytes,
    at: datetime,
    *,
    signed_files: Sequence[FileDecl] | None = None,
) -> SodVerdict:
    """Check EF.SOD (as read, padding allowed) against the files read, the card serial and the root.

    Every check runs and every failure is reported (FORMAT alone stops the rest). ``files`` may omit
    signed files (they are listed as unchecked), but may not contain a file EF.SOD does not sign.
    ``signed_files`` are the files signed when not the ECHS layout's.
    """
    decls = _signed_declarations(signed_files)
    try:
        decoded = declaration(SOD_FILE).decode(sod)
    except MalformedFile as exc:
        return SodVerdict((SodFailure(SodCheck.FORMAT, str(exc)),), (), tuple(files), None, None)
    failures: list[SodFailure] = []
    if not hmac.compare_digest(decoded.serial, bytes(serial)):
        failures.append(
            SodFailure(
                SodCheck.SERIAL,
                f"signed for card {decoded.serial.hex().upper()}, this card is {bytes(serial).hex().upper()}",
            )
        )
    signer = None
    try:
        signer = verify_chain(decoded.certificate, root_certificate_der, at)
    except UNREADABLE_CERTIFICATE as exc:
        failures.append(SodFailure(SodCheck.CERTIFICATE, _certificate_fault(exc)))
    try:
        verify_signature(decoded.certificate, decoded.signed_content, decoded.signature)
    except UNREADABLE_CERTIFICATE as exc:
        failures.append(SodFailure(SodCheck.SIGNATURE, _certificate_fault(exc)))
    checked, hash_failures = _check_hashes(decoded, files, decls)
    failures.extend(hash_failures)
    unchecked = tuple(name for name in decls if name not in files)
    return SodVerdict(tuple(failures), checked, unchecked, signer, decoded.signed_at)


def _check_hashes(
    decoded: SecurityObject, files: Mapping[str, FileData], decls: Mapping[str, FileDecl]
) -> tuple[tuple[str, ...], list[SodFailure]]:
    checked: list[str] = []
    failures: list[SodFailure] = []
    for name, decl in decls.items():
        if name not in files:
            continue
        fid = decl.fid
        expected = decoded.hashes.get(fid)
        if expected is None:
            failures.append(SodFailure(SodCheck.FILE_HASH, f"{name} ({fid:04X}) has no hash in EF.SOD"))
            continue
        try:
            actual = file_digest(name, files[name], decl)
        except MalformedFile as exc:
            failures.append(SodFailure(SodCheck.FILE_HASH, str(exc)))
            continue
        if hmac.compare_digest(actual, expected):
            checked.append(name)
        else:
            failures.append(SodFailure(SodCheck.FILE_HASH, f"{name} was changed or copied from another card"))
    for name in sorted(set(files) - set(decls)):
        failures.append(SodFailure(SodCheck.FILE_HASH, f"{name} is not a file EF.SOD signs"))
    return tuple(checked), failures
