"""The central service that stations sync with: its HTTP API (``app``), its own store (``store``), how a
station's credential is checked (``credentials``) and how the service is run (``server``). Protocol and
operation: docs/sync.md. Imported modules are light on purpose: the station's sync client shares
``batch`` and ``credentials`` without pulling in the web framework.
"""
