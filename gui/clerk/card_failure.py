"""What a clerk is told when a card job fails: cancelled, pulled, or refused, and how to finish.

Why one place: every card write here (personalise, hand over, endorse, cease, block) is bracketed by
EF.STATUS on the card (design.md "every write is bracketed"), so a pull mid-write always leaves the same
situation: the card shows "update incomplete", every counter refuses it, and rerunning the SAME action
with the SAME card finishes it (docs/card-operations.md). The words say exactly that.
"""

from __future__ import annotations

from apdu.transport import CardRemoved, TransportError
from gui.i18n import tr
from gui.worker import JobCancelled


def failure_text(problem: BaseException, where: str, retry: str) -> str:
    """``where`` is the step the job had reached; ``retry`` names the key that reruns the action."""
    if isinstance(problem, JobCancelled):
        return tr(
            "Cancelled ({where}). If writing had begun the card is incomplete and every counter refuses it: "
            "leave it in the reader and press {retry} to finish it."
        ).format(where=where, retry=retry)
    if isinstance(problem, CardRemoved | TransportError):
        return tr(
            "The card was pulled or lost power ({where}): {problem}. It is incomplete and every counter "
            "refuses it. Put the SAME card back and press {retry}: the run finishes it."
        ).format(where=where, problem=problem, retry=retry)
    return str(problem) or type(problem).__name__
