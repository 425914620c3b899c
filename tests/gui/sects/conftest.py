"""The SECTS screen tests' station and console SMS fixtures, defined with their helpers in
``test_sects_screens`` and shared here with the other test modules of this folder."""

from test_sects_screens import sms, station

__all__ = ["sms", "station"]
