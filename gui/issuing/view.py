"""What the issuing screen says: a reader's state for each event of the run, the operator's next step,
and the totals line (docs/issuing.md "The desktop screen").

Why a table of labels here and not in the batch package: the run's events carry English text for the
command line; the screen shows a short translated state per reader, and the run's own words (a refusal's
reason, where a face went) beside it, as the services word them (docs/gui.md "Translations").
"""

from __future__ import annotations

from card_station.issuing.batch.feed import Outcome
from card_station.issuing.batch.run import Rate
from card_station.issuing.batch.worker import Event, EventKind
from gui.i18n import mark, tr

STATE_LABELS = {
    EventKind.WAITING: mark("Waiting for a blank card"),
    EventKind.WRITING: mark("Writing"),
    EventKind.VERIFYING: mark("Verifying"),
    EventKind.PRINTING: mark("Printing face"),
    EventKind.ISSUED: mark("Done"),
    EventKind.FAILED: mark("Failed"),
    EventKind.INTERRUPTED: mark("Interrupted"),
    EventKind.REFUSED: mark("Refused"),
    EventKind.READER_GONE: mark("Reader gone"),
    EventKind.FINISHED: mark("Finished"),
}

IDLE = mark("Idle")
STOPPING = mark("Stopping after the card in hand")

TRAYS = {
    Outcome.ISSUED: mark("Take the card out: to the issued cards"),
    Outcome.FAILED: mark("Take the card out: put it aside with the run's report"),
    Outcome.REFUSED: mark("Take the card out: refused without being written, put it aside"),
    Outcome.UNUSED: mark("Take the card out: still blank, back to the blank stock"),
    Outcome.LEFT: mark("Keep the card for this run"),
}


def state_label(kind: EventKind) -> str:
    return tr(STATE_LABELS[kind])


def detail(event: Event) -> str:
    """The run's own words for ``event``, without the reader's name the command line puts first."""
    prefix = f"{event.reader}: "
    return event.text[len(prefix) :] if event.text.startswith(prefix) else event.text


def insert_prompt(wanted: tuple[str, ...]) -> str:
    if not wanted:
        return tr("Insert a blank card")
    return tr("Insert a blank card, or the interrupted card with chip {chips}").format(
        chips=" / ".join(wanted)
    )


def take_prompt(outcome: Outcome) -> str:
    return tr(TRAYS[outcome])


def totals(rate: Rate) -> str:
    p = rate.progress
    return tr(
        "Done {done} · Failed {failed} · Remaining {remaining} · Refused {refused} · {rate} cards/min"
    ).format(
        done=p.done, failed=p.failed, remaining=p.remaining, refused=p.refused, rate=f"{rate.per_minute:.1f}"
    )
