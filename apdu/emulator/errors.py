"""The card's refusals: raised inside a command handler, turned into the status word it names."""

from __future__ import annotations


class CardError(Exception):
    """Stop the command and answer ``sw`` (ISO 7816-4 §5.6 table 6); memory is as the handler left it."""

    def __init__(self, sw: int, why: str = "") -> None:
        self.sw = sw
        super().__init__(f"{sw:04X} {why}".strip())
