"""The self-test report as a PDF (``QPdfWriter``: works offscreen and embeds the fonts, shared/notes/qt.md),
for the technician to attach to a service ticket. Text is laid out by ``QTextDocument`` from HTML so long
details wrap and page breaks come for free."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from card_station.selftest import CheckStatus, SelfTestReport

_COLOURS = {
    CheckStatus.PASS: "#1b7f3b",
    CheckStatus.WARN: "#b26a00",
    CheckStatus.FAIL: "#b00020",
    CheckStatus.SKIPPED: "#5f6368",
}


def report_html(report: SelfTestReport) -> str:
    rows = []
    for result in report.results:
        details = "".join(f"<br/><small>{html.escape(d)}</small>" for d in result.details)
        rows.append(
            f"<tr><td style='color:{_COLOURS[result.status]}'><b>{result.status.value.upper()}</b></td>"
            f"<td><b>{html.escape(result.title)}</b><br/>{html.escape(result.summary)}{details}</td></tr>"
        )
    verdict = "No check failed" if report.ok else "FAILED: see the checks marked FAIL"
    return (
        "<h1>Card Station self-test</h1>"
        f"<p>Station {html.escape(report.station_id)}<br/>"
        f"Started {report.started_at.isoformat()}<br/>Finished {report.finished_at.isoformat()}</p>"
        f"<h2>{verdict}</h2>"
        "<table cellpadding='4' border='1' cellspacing='0' width='100%'>" + "".join(rows) + "</table>"
    )


def write_pdf(report: SelfTestReport, path: Path) -> None:
    writer = QPdfWriter(str(path))
    writer.setTitle("Card Station self-test")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15)
        )
    )
    document = QTextDocument()
    document.setHtml(report_html(report))
    document.print_(writer)
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"the PDF {path} was not written: check the folder is writable")
