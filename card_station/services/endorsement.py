"""Endorse, block, hand over and change data on issued cards (issue 4 "Incremental updates"; seed 003
§11 for the "No OPD" marking, seed 000 §5(c) for the activation time after handover)."""

from __future__ import annotations

from datetime import date, datetime

from apdu.iso7816 import Iso7816
from apdu.transport import Transport
from card_station.card.content import BlockReason, DependantOnCard
from card_station.card.update import (
    Update,
    Updated,
    apply_update,
    block,
    cease_fma,
    change_dependant,
    endorse_fma,
    hand_over,
)
from card_station.domain.fma_grant import FmaGrant, no_opd_endorsement
from card_station.domain.handover import activation_time
from card_station.domain.parameters import RuleParameterTable
from card_station.keys import KeyStore
from card_station.services.clock import Clock


class EndorsementService:
    """Incremental updates for one issuing station; each call is one write session on one card."""

    def __init__(self, keys: KeyStore, station_id: str, rules: RuleParameterTable, clock: Clock) -> None:
        self._keys = keys
        self._station_id = station_id
        self._rules = rules
        self._clock = clock

    def __repr__(self) -> str:
        return f"EndorsementService(station={self._station_id!r})"

    def _run(self, transport: Transport, update: Update) -> Updated:
        return apply_update(Iso7816(transport), update, self._keys, self._clock())

    def endorse_fma(self, transport: Transport, commences_on: date) -> Updated:
        """Mark the card "No OPD" from ``commences_on`` (the FMA commencement, ``domain.fma_grant``)."""
        text = no_opd_endorsement(FmaGrant(commences_on, commences_on, 0))
        return self._run(transport, endorse_fma(commences_on, self._station_id, text))

    def cease_fma(self, transport: Transport, ceases_on: date) -> Updated:
        return self._run(transport, cease_fma(ceases_on, self._station_id))

    def block(self, transport: Transport, reason: BlockReason) -> Updated:
        return self._run(transport, block(reason, self._clock().date(), self._station_id))

    def hand_over(self, transport: Transport, otp_entered_at: datetime) -> Updated:
        params = self._rules.parameters_on(otp_entered_at.date())
        return self._run(transport, hand_over(otp_entered_at, activation_time(otp_entered_at, params)))

    def change_dependant(self, transport: Transport, new: DependantOnCard) -> Updated:
        return self._run(transport, change_dependant(new, self._clock().date(), self._station_id))
