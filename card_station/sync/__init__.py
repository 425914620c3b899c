"""The station's side of sync: the HTTP client (``client``), one sync round (``engine``), the background
loop the app runs (``loop``), retries (``backoff``), the adapter to the station's store (``station``), the
monthly FMA reconciliation (``reconcile``) and the drain-rate measurement (``measure``). docs/sync.md.
"""
