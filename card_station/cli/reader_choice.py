"""How an operator names a reader on the command line: its index in the reader list, its full PC/SC
name, or any part of the name that matches exactly one reader."""

from __future__ import annotations

from apdu.transport import NoReader


def resolve_reader(spec: str, names: list[str]) -> str:
    if not names:
        raise NoReader("no PC/SC reader is connected: plug one in, or start `card-station emulator`")
    if spec.isdigit():
        index = int(spec)
        if index < len(names):
            return names[index]
        raise NoReader(f"there is no reader {index}; readers present: {_listing(names)}")
    if spec in names:
        return spec
    matches = [name for name in names if spec.lower() in name.lower()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NoReader(f"no reader matches {spec!r}; readers present: {_listing(names)}")
    raise NoReader(f"{spec!r} matches several readers ({_listing(matches)}): give more of the name")


def _listing(names: list[str]) -> str:
    return "; ".join(f"{i}: {name}" for i, name in enumerate(names))
