"""The station self-test (issue 7 "Technician"): no Qt here; the technician screen and
``card-station selftest`` both run ``run_selftest``."""

from card_station.selftest.result import CheckResult, CheckStatus, SelfTestReport
from card_station.selftest.runner import CHECKS, SelfTestConfig, run_selftest

__all__ = ["CHECKS", "CheckResult", "CheckStatus", "SelfTestConfig", "SelfTestReport", "run_selftest"]
