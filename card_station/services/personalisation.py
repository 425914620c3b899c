"""Personalise a card from an application (issue 4 "Personalise"): the service the clerk's screen and
``card-station personalise`` call."""

from __future__ import annotations

from apdu.iso7816 import Iso7816
from apdu.transport import Transport
from card_station.applications import ApplicationFile
from card_station.card.compose import Issuer, card_content
from card_station.card.personalise import Personalised, personalise
from card_station.card.profile import CardProfile
from card_station.keys import KeyStore
from card_station.services.clock import Clock


class PersonalisationService:
    """Personalises blank cards (and finishes torn personalisations) for one issuing station.

    ``transport_key`` is the blank card stock's transport key, from the card supplier.
    """

    def __init__(self, keys: KeyStore, issuer: Issuer, transport_key: bytes, clock: Clock) -> None:
        self._keys = keys
        self._issuer = issuer
        self._transport_key = transport_key
        self._clock = clock

    def __repr__(self) -> str:
        return f"PersonalisationService(station={self._issuer.station_id!r})"

    def personalise(
        self, transport: Transport, application: ApplicationFile, profile: CardProfile | None = None
    ) -> Personalised:
        """Personalise the card in ``transport`` with ``application`` on ``profile`` (default: the card size
        the application asked for)."""
        now = self._clock()
        chosen = profile or CardProfile.for_card_size(application.application.card_size)
        return personalise(
            Iso7816(transport),
            lambda serial: card_content(application, serial, chosen, self._issuer, now),
            self._keys,
            self._transport_key,
            now,
        )
