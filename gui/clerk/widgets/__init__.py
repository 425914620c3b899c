"""Widgets the clerk's screens share."""
