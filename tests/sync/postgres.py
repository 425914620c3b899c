"""A private PostgreSQL server for the tests: Debian's binaries, a cluster in a temporary directory, on
127.0.0.1 and a free port, stopped at the end. Runs as the ``postgres`` OS user when the tests run as root
(the server refuses to run as root)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PG_ROOT = Path("/usr/lib/postgresql")


def pg_bin_dir() -> Path | None:
    """The newest installed server's bin directory, or None when the postgresql package is absent."""
    candidates = sorted(
        (p for p in PG_ROOT.glob("*/bin") if (p / "pg_ctl").exists() and (p / "initdb").exists()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def postgres_server(bin_dir: Path) -> Iterator[str]:
    """Yields a SQLAlchemy URL for the running server's ``postgres`` database."""
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    user = "postgres" if as_root else os.environ.get("USER", "postgres")
    workdir = Path(tempfile.mkdtemp(prefix="cs-pg-"))
    data, sockets = workdir / "data", workdir / "sock"
    sockets.mkdir()
    if as_root:
        shutil.chown(workdir, "postgres")
        shutil.chown(sockets, "postgres")
    port = _free_port()
    pg_ctl = [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data)]
    try:
        subprocess.run(
            [*prefix, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", user, "--no-sync"],
            check=True,
            capture_output=True,
            timeout=120,
        )
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {sockets} -c fsync=off"
        subprocess.run(
            [*pg_ctl, "-o", options, "-l", str(workdir / "server.log"), "-w", "-t", "60", "start"],
            check=True,
            capture_output=True,
            timeout=90,
        )
        try:
            yield f"postgresql+psycopg://{user}@127.0.0.1:{port}/postgres"
        finally:
            stop = [*pg_ctl, "-m", "fast", "-w", "stop"]
            subprocess.run(stop, check=False, capture_output=True, timeout=90)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
