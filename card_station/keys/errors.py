"""Typed errors of the key layer.

Why typed: the caller must tell apart "the operator typed the wrong passphrase" (ask again), "a key file
was changed or damaged" (restore it from backup, never re-create keys silently), "the input is not a key or
a serial" (a programming or data error) and "this certificate is not one the counter may trust" (refuse
the card as not genuine, saying why). No message ever contains key bytes or a passphrase.
"""

from __future__ import annotations

from pathlib import Path


class KeysError(Exception):
    """Base of every error raised by card_station.keys."""


class KeyInputError(KeysError, ValueError):
    """A key, serial, purpose or passphrase handed to the key layer is malformed (wrong length, empty...)."""


class KeyStoreError(KeysError):
    """The key store on disk cannot be used; names the directory or file and what to do."""


class WrongPassphrase(KeyStoreError):
    """The passphrase does not open the key store."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        super().__init__(
            f"the passphrase does not open the key store in {directory}; "
            "type it again (it is case-sensitive), nothing was changed"
        )


class TamperedKeyFile(KeyStoreError):
    """A key file was altered or damaged after it was written: the passphrase is right, the content is not."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(
            f"{path}: {detail}; the file was changed or damaged since it was written. "
            "Restore the key store from its backup; do not create new keys over it"
        )


class KeyStoreNotFound(KeyStoreError):
    """The directory holds no key store at all."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        super().__init__(
            f"there is no key store in {directory}; restore it from its backup, or create a development "
            "store there on first run"
        )


class KeyStoreExists(KeyStoreError):
    """Creating a key store where files already are would destroy or mix keys; refused."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        super().__init__(f"{directory} is not empty; new keys are created only in an empty or new directory")


class KeyStoreIncomplete(KeyStoreError):
    """Some files of a key store exist and others do not; refusing to guess which keys are meant."""

    def __init__(self, directory: Path, missing: tuple[str, ...]) -> None:
        self.directory = directory
        self.missing = missing
        super().__init__(
            f"the key store in {directory} is incomplete (missing: {', '.join(missing)}); "
            "restore it from its backup, or move the directory away to start a new development store"
        )


class ChainError(KeysError):
    """A station certificate does not chain to the trusted scheme root; the subclass says which check failed.

    Counters treat every ChainError the same way (the card is not genuine) but show the message, so that a
    technician can tell an expired station certificate from a forged one.
    """


class MalformedCertificate(ChainError):
    """The bytes are not a DER X.509 certificate."""


class RootNotTrustworthy(ChainError):
    """The certificate given as the root is not a CA certificate fit to certify stations."""


class UntrustedIssuer(ChainError):
    """The station certificate was not issued (named and signed) by the trusted root."""


class CertificateNotYetValid(ChainError):
    """The certificate's validity starts after the given time."""


class CertificateExpired(ChainError):
    """The certificate's validity ended before the given time."""


class WrongCertificateProfile(ChainError):
    """The station certificate lacks a property the station profile requires (key usage, CA=false, EKU...)."""


class SignatureMismatch(KeysError):
    """A signature does not verify under the station certificate's public key."""
