"""Batches across readers (issue 8): a run of verified applications, one worker per reader, its state in
the store so that nothing is lost or issued twice (docs/issuing.md)."""
