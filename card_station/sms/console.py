"""The console/file SMS gateway: FOR DEVELOPMENT AND DEMONSTRATIONS ONLY.

It writes each SMS, OTP included, as one line to standard output or appends it to a file; that is its
purpose (a demo station has no SMS provider, and the person at the keyboard plays the beneficiary). It
is the embedded default so that a fresh installation works end to end, and every line says it is not a
real SMS. The mobile number is masked to its last four digits even here. A real station configures the
HTTP gateway (docs/sms.md).
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TextIO

from card_station.sms.message import SmsMessage, SmsNotSent, SmsReceipt, mask_mobile


class ConsoleGateway:
    """Writes SMS to `sink`: a file path (appended, UTF-8) or a text stream (standard output by default)."""

    name = "console"

    def __init__(self, sink: Path | TextIO | None = None, *, sender_id: str = "DEVSMS") -> None:
        self._sink = sys.stdout if sink is None else sink
        self._sender_id = sender_id
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        where = str(self._sink) if isinstance(self._sink, Path) else "stream"
        return f"ConsoleGateway(sink={where})"

    def line(self, message: SmsMessage) -> str:
        return (
            f"[DEVELOPMENT SMS, not sent] from {self._sender_id} to {mask_mobile(message.mobile)} "
            f"(DLT template {message.template_id}): {message.text}\n"
        )

    def send(self, message: SmsMessage) -> SmsReceipt:
        line = self.line(message)
        with self._lock:
            if isinstance(self._sink, Path):
                try:
                    with self._sink.open("a", encoding="utf-8") as handle:
                        handle.write(line)
                except OSError as error:
                    raise SmsNotSent(
                        f"cannot write the development SMS file {self._sink} ({error.strerror}); "
                        "check the path in the [sms.console] settings"
                    ) from error
            else:
                self._sink.write(line)
                self._sink.flush()
        return SmsReceipt(self.name, mask_mobile(message.mobile), attempts=1)
