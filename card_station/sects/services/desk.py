"""What every SECTS service needs besides the session: the station data key, the SMS gateway and texts,
and the limits a station may change (issue 9).

Why one object: the services are called from the CLI, the screens and tests, and each would otherwise take
the same five collaborators; the clock is still passed per call as ``now`` (services.clock), never read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from card_station.sects.otp_purpose import MAX_WRONG_OTP_ATTEMPTS, OTP_VALIDITY
from card_station.sects.sms_texts import SectsSmsTexts
from card_station.sms.message import SmsGateway
from card_station.store.pii import DataKey

CARD_VALIDITY_YEARS = 5
"""The circular fixes no validity for the health card; five years is a default a station can change."""


@dataclass(frozen=True)
class SectsDesk:
    data_key: DataKey
    gateway: SmsGateway
    texts: SectsSmsTexts = field(default_factory=SectsSmsTexts)
    otp_validity: timedelta = OTP_VALIDITY
    max_otp_attempts: int = MAX_WRONG_OTP_ATTEMPTS
    card_validity_years: int = CARD_VALIDITY_YEARS

    def __post_init__(self) -> None:
        if self.otp_validity <= timedelta(0):
            raise ValueError(f"the SECTS OTP validity must be positive, got {self.otp_validity}")
        if self.max_otp_attempts < 1:
            raise ValueError(f"max_otp_attempts must be 1 or more, got {self.max_otp_attempts}")
        if self.card_validity_years < 1:
            raise ValueError(f"card_validity_years must be 1 or more, got {self.card_validity_years}")
