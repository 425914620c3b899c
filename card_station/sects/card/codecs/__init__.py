"""Codecs between the SECTS application's records and TLV bytes (docs/sects-card.md "Files")."""
