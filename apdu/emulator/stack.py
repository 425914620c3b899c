"""A private pcscd with N vpcd readers, and emulated cards in them: a real PC/SC stack without hardware.

``PrivatePcscd`` runs ``pcscd -f -c <private reader.conf.d>`` so that tests, the demo and
``card-station emulator`` never touch the system's pcscd or its USB readers. Preferred isolation is a
mount namespace (``unshare -m``, plus ``-r`` when not root) in which a temporary directory is bound over
``/run`` (the socket appears outside as ``<workdir>/run/pcscd/pcscd.comm``) and an empty one over the
driver directories (so pcscd never grabs a real reader). Where unshare is not permitted, pcscd is handed an
already-bound socket as fd 3 (systemd socket activation, ``LISTEN_FDS``/``LISTEN_PID``); pcscd then still
writes ``/run/pcscd/pcscd.pid``, which is why it is only the fallback.

Clients find the socket through ``PCSCLITE_CSOCK_NAME``, which libpcsclite reads ONCE per process, at the
first PC/SC call: set it (``environ()``) before anything calls pyscard. This module never calls pyscard,
so starting a stack does not pin the caller's process to any socket.

Facts this relies on (measured, docs/pcsc.md): each vpcd entry needs its own copy of ``libifdvpcd.so``
(the driver keeps slot state in one static table); each entry is one reader with two slots on TCP ports
PORT and PORT+1, named "<FRIENDLYNAME> 00 00" and "<FRIENDLYNAME> 00 01"; pcscd allows 16 slots in all;
vpcd is ready when its ports LISTEN in /proc/net/tcp (a test connection would be a card insertion).
"""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from types import TracebackType

from apdu.emulator import EmulatedCard
from apdu.emulator.vpcd import VpcdBridge
from apdu.status import ApduError

_log = logging.getLogger(__name__)

DEFAULT_READER_PREFIX = "Card Station Virtual"
MAX_READERS = 16
"""pcscd allows 16 reader slots; every vpcd entry gives two, and each slot is one reader here."""
_PORT_RANGE = (20000, 32000)
"""Below Linux's ephemeral range (32768-60999), so an outgoing connection does not take our block later."""
_READY_TIMEOUT_S = 15.0
_STOP_TIMEOUT_S = 5.0
_SUN_PATH_MAX = 107
_DRIVER_GLOBS = ("/usr/lib/pcsc/drivers/**/libifdvpcd.so", "/usr/lib/*/pcsc/drivers/**/libifdvpcd.so")
_DRIVER_DIRS = ("/usr/lib/pcsc/drivers", "/usr/lib64/pcsc/drivers", "/usr/lib/*/pcsc/drivers")
_TCP_LISTEN = "0A"
_ACTIVATION_TRAMPOLINE = (
    "import os, sys\n"
    "os.dup2(int(sys.argv[1]), 3)\n"
    "os.environ['LISTEN_FDS'] = '1'\n"
    "os.environ['LISTEN_PID'] = str(os.getpid())\n"
    "os.execvp(sys.argv[2], sys.argv[2:])\n"
)


class StackError(ApduError):
    """The private PC/SC stack could not be started."""


class Isolation(Enum):
    """How the private pcscd is kept apart from the system's."""

    NAMESPACE = "namespace"
    SOCKET_ACTIVATION = "socket-activation"


def reader_name(index: int, prefix: str = DEFAULT_READER_PREFIX) -> str:
    """The PC/SC name of reader ``index``: slot ``index % 2`` of vpcd entry ``index // 2`` (pcscd appends
    the entry's reader number and the slot number to the friendly name)."""
    return f"{prefix} {index // 2} 00 {index % 2:02d}"


def socket_path_for(workdir: Path) -> Path:
    """Where a ``PrivatePcscd`` in ``workdir`` will put its socket: known before it starts."""
    return Path(workdir) / "run" / "pcscd" / "pcscd.comm"


def find_vpcd_driver() -> Path:
    """The installed ``libifdvpcd.so``, or a StackError saying which packages to install."""
    for pattern in _DRIVER_GLOBS:
        found = sorted(glob.glob(pattern, recursive=True))
        if found:
            return Path(found[0])
    raise StackError(
        "the vpcd driver (libifdvpcd.so) is not installed under /usr/lib/pcsc/drivers or "
        "/usr/lib/*/pcsc/drivers: apt-get install pcscd vsmartcard-vpcd"
    )


def _tcp_sockets() -> list[tuple[int, str, str]]:
    """(local port, state, inode) of every TCP socket on the machine, IPv4 and IPv6."""
    rows = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(FileNotFoundError), open(table, encoding="ascii") as lines:
            for line in list(lines)[1:]:
                fields = line.split()
                rows.append((int(fields[1].rsplit(":", 1)[1], 16), fields[3], fields[9]))
    return rows


def free_port_block(size: int, rng: random.Random | None = None) -> int:
    """The first port of ``size`` consecutive ports no TCP socket uses (read from /proc, never probed).

    The start is random so that parallel test sessions rarely pick the same block; ``PrivatePcscd`` still
    checks that the ports it waits for belong to its own pcscd.
    """
    used = {port for port, _, _ in _tcp_sockets()}
    low, high = _PORT_RANGE
    candidates = list(range(low, high - size, size))
    (rng or random.Random()).shuffle(candidates)
    for base in candidates:
        if used.isdisjoint(range(base, base + size)):
            return base
    raise StackError(f"no block of {size} free TCP ports between {low} and {high}: close some connections")


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    with contextlib.suppress(FileNotFoundError, ProcessLookupError):
        for fd in os.listdir(f"/proc/{pid}/fd"):
            with contextlib.suppress(OSError):
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
                if target.startswith("socket:["):
                    inodes.add(target[8:-1])
    return inodes


def namespace_permitted() -> bool:
    """Whether this user may make a private mount namespace (root, or unprivileged user namespaces)."""
    if shutil.which("unshare") is None:
        return False
    result = subprocess.run(
        [*_unshare_command(), "true"], capture_output=True, check=False, timeout=_STOP_TIMEOUT_S
    )
    return result.returncode == 0


def _unshare_command() -> list[str]:
    command = ["unshare", "-m", "--propagation", "private"]
    if os.geteuid() != 0:
        command.append("-r")
    return command


class PrivatePcscd:
    """A pcscd of our own with ``readers`` vpcd reader slots (two per vpcd entry), as a context manager.

    ``workdir`` (created if missing) holds the socket, the reader.conf.d, the driver copies and pcscd's
    log; without one a temporary directory is made and removed on ``stop``. With one, only what this
    class created inside it is removed, so a caller can compute ``socket_path_for(workdir)`` up front.
    """

    def __init__(
        self,
        readers: int,
        base_port: int | None = None,
        workdir: Path | None = None,
        *,
        prefix: str = DEFAULT_READER_PREFIX,
        isolation: Isolation | None = None,
    ) -> None:
        if not 1 <= readers <= MAX_READERS:
            raise StackError(f"a private pcscd takes 1 to {MAX_READERS} virtual readers, not {readers}")
        self._readers = readers
        self._requested_port = base_port
        self._base_port = base_port or 0
        self._own_workdir = workdir is None
        self._workdir = Path(workdir) if workdir is not None else None
        self._prefix = prefix
        self._isolation = isolation
        self._process: subprocess.Popen[bytes] | None = None
        self._activation_socket: socket.socket | None = None
        if workdir is not None and len(str(socket_path_for(workdir)).encode()) > _SUN_PATH_MAX:
            raise StackError(
                f"socket path {socket_path_for(workdir)} is too long for AF_UNIX: use a shorter workdir"
            )

    def __repr__(self) -> str:
        return f"PrivatePcscd(readers={self._readers}, workdir={self._workdir}, ports={self.ports})"

    @property
    def workdir(self) -> Path:
        """The working directory; a temporary one is made on first use when none was given."""
        if self._workdir is None:
            self._workdir = Path(tempfile.mkdtemp(prefix="cs-pcscd-"))
        return self._workdir

    @property
    def socket_path(self) -> Path:
        return socket_path_for(self.workdir)

    @property
    def ports(self) -> list[int]:
        """The vpcd port of each reader: entry ``e`` serves slot 00 on base + 2e and slot 01 on the next."""
        return [self._base_port + i for i in range(self._readers)] if self._base_port else []

    @property
    def _entries(self) -> int:
        return (self._readers + 1) // 2

    @property
    def reader_names(self) -> list[str]:
        return [reader_name(i, self._prefix) for i in range(self._readers)]

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def environ(self) -> dict[str, str]:
        """What a PC/SC client process needs in its environment to reach this pcscd."""
        return {"PCSCLITE_CSOCK_NAME": str(self.socket_path)}

    def __enter__(self) -> PrivatePcscd:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def start(self) -> None:
        """Start pcscd and return once its socket exists and every vpcd port listens."""
        if self.running:
            return
        isolation = self._isolation
        if isolation is None:
            isolation = Isolation.NAMESPACE if namespace_permitted() else Isolation.SOCKET_ACTIVATION
        elif isolation is Isolation.NAMESPACE and not namespace_permitted():
            raise StackError(
                "cannot create a mount namespace (unshare -m failed): run as root, enable unprivileged "
                "user namespaces (sysctl kernel.unprivileged_userns_clone=1), or use socket activation"
            )
        if shutil.which("pcscd") is None and not Path("/usr/sbin/pcscd").exists():
            raise StackError("pcscd is not installed: apt-get install pcscd vsmartcard-vpcd")
        driver = find_vpcd_driver()
        attempts = 1 if self._requested_port else 3
        for attempt in range(1, attempts + 1):
            self._base_port = self._requested_port or free_port_block(2 * self._entries)
            self._prepare(driver)
            self._launch(isolation)
            try:
                self._wait_until_ready()
            except StackError:
                self.stop()
                if attempt == attempts:
                    raise
                _log.info("ports %d+ were taken while pcscd started; trying another block", self._base_port)
            else:
                _log.info("private pcscd ready: %r", self)
                return

    def stop(self) -> None:
        """Stop pcscd (terminate, wait, kill) and remove what ``start`` created."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(_STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._activation_socket is not None:
            self._activation_socket.close()
            self._activation_socket = None
        workdir = self._workdir
        if workdir is None:
            return
        if self._own_workdir:
            shutil.rmtree(workdir, ignore_errors=True)
            self._workdir = None
            return
        for name in ("run", "conf", "drivers", "empty"):
            shutil.rmtree(workdir / name, ignore_errors=True)
        (workdir / "pcscd.log").unlink(missing_ok=True)

    def _prepare(self, driver: Path) -> None:
        for name in ("run", "conf", "drivers", "empty"):
            shutil.rmtree(self.workdir / name, ignore_errors=True)
            (self.workdir / name).mkdir(parents=True)
        for i in range(self._entries):
            port = self._base_port + 2 * i
            copy = self.workdir / "drivers" / f"libifdvpcd{i}.so"
            shutil.copyfile(driver, copy)
            (self.workdir / "conf" / f"vpcd{i}").write_text(
                f'FRIENDLYNAME "{self._prefix} {i}"\n'
                f"DEVICENAME /dev/null:{port}\n"
                f"LIBPATH {copy}\n"
                f"CHANNELID {port}\n",
                encoding="ascii",
            )

    def _launch(self, isolation: Isolation) -> None:
        pcscd = shutil.which("pcscd") or "/usr/sbin/pcscd"
        conf = self.workdir / "conf"
        log = (self.workdir / "pcscd.log").open("wb")
        with log:
            if isolation is Isolation.NAMESPACE:
                binds = [f"mount --bind {self.workdir / 'run'} /run"]
                binds += [
                    f"mount --bind {self.workdir / 'empty'} {directory}"
                    for pattern in _DRIVER_DIRS
                    for directory in glob.glob(pattern)
                ]
                script = " && ".join([*binds, f"exec {pcscd} -f -c {conf}"])
                command = [*_unshare_command(), "sh", "-c", script]
                self._process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
                return
            self.socket_path.parent.mkdir(parents=True, exist_ok=True)
            listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            listener.bind(str(self.socket_path))
            listener.listen()
            self._activation_socket = listener
            fd = listener.fileno()
            command = [sys.executable, "-c", _ACTIVATION_TRAMPOLINE, str(fd), pcscd, "-f", "-c", str(conf)]
            self._process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, pass_fds=(fd,))

    def _wait_until_ready(self) -> None:
        """Poll /proc until pcscd's socket exists and its vpcd ports listen (a connection would insert a
        card). The TCP table is read before pcscd's fds: a socket in the table already has its fd, so a
        listener we do not find among pcscd's fds belongs to someone else (a parallel session)."""
        process = self._process
        assert process is not None
        wanted = {self._base_port + port for port in range(2 * self._entries)}
        deadline = time.monotonic() + _READY_TIMEOUT_S
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise StackError(f"pcscd exited with status {process.returncode}: {self._log_tail()}")
            listeners = [(port, inode) for port, state, inode in _tcp_sockets() if state == _TCP_LISTEN]
            ours = _socket_inodes(process.pid)
            taken = sorted({port for port, inode in listeners if port in wanted and inode not in ours})
            if taken:
                raise StackError(f"vpcd ports {taken} are held by another process")
            if self.socket_path.exists() and wanted <= {port for port, _ in listeners}:
                return
            time.sleep(0.01)
        raise StackError(
            f"pcscd did not open its socket and vpcd ports {sorted(wanted)} within {_READY_TIMEOUT_S} s "
            f"(another process may hold a port): {self._log_tail()}"
        )

    def _log_tail(self) -> str:
        try:
            text = (self.workdir / "pcscd.log").read_text(errors="replace").strip()
        except FileNotFoundError:
            return "no log"
        return text[-800:] or "empty log"


class EmulatorStack:
    """A private pcscd plus one ``VpcdBridge`` per reader: emulated cards in real PC/SC readers.

    ``cards[i]`` goes into reader ``i`` (None or missing = empty reader). With ``state_dir`` each reader's
    card is loaded from ``<state_dir>/reader<i>.card`` when that file exists (it wins over ``cards``), and
    saved there when it is removed and when the stack stops, so personalised cards survive restarts.
    """

    def __init__(
        self,
        readers: int,
        cards: Sequence[EmulatedCard | None] = (),
        state_dir: Path | None = None,
        *,
        base_port: int | None = None,
        workdir: Path | None = None,
        prefix: str = DEFAULT_READER_PREFIX,
        isolation: Isolation | None = None,
    ) -> None:
        if len(cards) > readers:
            raise StackError(f"{len(cards)} cards for {readers} readers: give at most one card per reader")
        self._pcscd = PrivatePcscd(readers, base_port, workdir, prefix=prefix, isolation=isolation)
        self._state_dir = Path(state_dir) if state_dir is not None else None
        self._cards: list[EmulatedCard | None] = [*cards, *([None] * (readers - len(cards)))]
        if self._state_dir is not None:
            self._state_dir.mkdir(parents=True, exist_ok=True)
            for i in range(readers):
                path = self._state_path(i)
                if path is not None and path.exists():
                    self._cards[i] = EmulatedCard.load(path)
        self._bridges: list[VpcdBridge] = []

    def __repr__(self) -> str:
        return f"EmulatorStack({self._pcscd!r})"

    def __enter__(self) -> EmulatorStack:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def pcscd(self) -> PrivatePcscd:
        return self._pcscd

    @property
    def reader_names(self) -> list[str]:
        return self._pcscd.reader_names

    @property
    def socket_path(self) -> Path:
        return self._pcscd.socket_path

    def environ(self) -> dict[str, str]:
        return self._pcscd.environ()

    def start(self) -> None:
        """Start pcscd and insert every card (pcscd reports them present at its next poll)."""
        self._pcscd.start()
        self._bridges = [
            VpcdBridge(card, port) for card, port in zip(self._cards, self._pcscd.ports, strict=True)
        ]
        for bridge in self._bridges:
            if bridge.card is not None:
                bridge.insert()

    def stop(self) -> None:
        """Remove every card (saving it with a state_dir), then stop pcscd."""
        for i, bridge in enumerate(self._bridges):
            bridge.stop()
            self._save(i)
        self._bridges = []
        self._pcscd.stop()

    def card(self, index: int) -> EmulatedCard | None:
        """The card that belongs to reader ``index`` (also while it is out after a tear)."""
        self._check_index(index)
        return self._cards[index]

    def bridge(self, index: int) -> VpcdBridge:
        self._check_index(index)
        if not self._bridges:
            raise StackError("the emulator stack is not running: call start() or use it as a context manager")
        return self._bridges[index]

    def insert(self, index: int, card: EmulatedCard | None = None) -> None:
        """Put ``card`` (or, without one, the reader's own card back) into reader ``index``."""
        bridge = self.bridge(index)
        if card is None:
            card = self._cards[index]
            if card is None:
                raise StackError(
                    f"reader {index} ({self.reader_names[index]}) has no card to insert: pass one"
                )
        if bridge.inserted and bridge.card is card:
            return
        self.remove(index)
        self._cards[index] = card
        bridge.swap(card)

    def remove(self, index: int) -> None:
        """Take the card out of reader ``index`` (it stays the reader's card for ``insert``)."""
        self.bridge(index).remove()
        self._save(index)

    def _check_index(self, index: int) -> None:
        if not 0 <= index < len(self._cards):
            raise StackError(f"reader index {index} outside 0..{len(self._cards) - 1}")

    def _state_path(self, index: int) -> Path | None:
        return None if self._state_dir is None else self._state_dir / f"reader{index}.card"

    def _save(self, index: int) -> None:
        path = self._state_path(index)
        card = self._cards[index]
        if path is not None and card is not None:
            card.save(path)
