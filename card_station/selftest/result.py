"""Self-test results: one frozen record per check, and the report (issue 7 "Technician")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum


class CheckStatus(Enum):
    """PASS and FAIL judge; WARN needs a look (low disk); SKIPPED could not run (no card, no centre)."""

    PASS = "pass"  # noqa: S105 - a status name, not a secret
    WARN = "warn"
    FAIL = "fail"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class CheckResult:
    key: str
    title: str
    status: CheckStatus
    summary: str
    details: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "title": self.title,
            "status": self.status.value,
            "summary": self.summary,
            "details": list(self.details),
        }


@dataclass(frozen=True)
class SelfTestReport:
    station_id: str
    started_at: datetime
    finished_at: datetime
    results: tuple[CheckResult, ...]

    @property
    def ok(self) -> bool:
        """No check failed (warnings and skipped checks do not fail the station)."""
        return all(result.status is not CheckStatus.FAIL for result in self.results)

    def to_json(self) -> dict[str, object]:
        return {
            "station_id": self.station_id,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat(),
            "ok": self.ok,
            "results": [result.to_json() for result in self.results],
        }
