"""Reading one reference-data CSV file strictly, with the file and line in every error.

Why the standard `csv` module and not a data-frame library: the files are small, the station must start
without extra dependencies, and a clerk-facing error must say "ranks.csv, line 14: ward 'semiprivate' is not
one of general, private, semi_private" rather than a stack trace. Lines starting with `#` are comments (each
file opens with one naming its source paragraph); blank lines are skipped; line numbers are the file's own.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TypeVar

from card_station.domain.reference.errors import ReferenceDataError

LIST_SEPARATOR = "|"
_TRUE = frozenset({"yes", "true", "y", "1"})
_FALSE = frozenset({"no", "false", "n", "0"})

E = TypeVar("E", bound=Enum)


@dataclass(frozen=True)
class CsvRow:
    """One data row of a reference file: its values by column and where it came from."""

    path: Path
    line: int
    values: Mapping[str, str]

    def error(self, problem: str) -> ReferenceDataError:
        return ReferenceDataError(self.path, self.line, problem)

    def text(self, column: str) -> str:
        """A required value: empty is an error naming the column."""
        value = self.values[column]
        if not value:
            raise self.error(f"column {column!r} is empty; it is required")
        return value

    def optional_text(self, column: str) -> str:
        return self.values[column]

    def items(self, column: str) -> tuple[str, ...]:
        """A `|`-separated list (aliases); an empty item (`a||b`) is a slip, not an alias."""
        value = self.values[column]
        if not value:
            return ()
        parts = tuple(part.strip() for part in value.split(LIST_SEPARATOR))
        if not all(parts):
            raise self.error(f"column {column!r} has an empty item in {value!r}; remove the extra '|'")
        return parts

    def flag(self, column: str) -> bool:
        value = self.text(column).casefold()
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        raise self.error(f"column {column!r} is {self.values[column]!r}; write yes or no")

    def optional_date(self, column: str) -> date | None:
        value = self.values[column]
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.error(
                f"column {column!r} is {value!r}, not a date; write it as YYYY-MM-DD (e.g. 2019-01-11)"
            ) from None

    def positive_int(self, column: str) -> int:
        value = self.text(column)
        if not value.isdigit() or int(value) == 0:
            raise self.error(f"column {column!r} is {value!r}; it must be a whole number from 1")
        return int(value)

    def choice(self, column: str, enum_type: type[E]) -> E:
        value = self.text(column)
        for member in enum_type:
            if member.value == value:
                return member
        allowed = ", ".join(str(m.value) for m in enum_type)
        raise self.error(f"column {column!r} is {value!r}; it must be one of {allowed}")


def read_rows(path: Path, columns: tuple[str, ...]) -> Iterator[CsvRow]:
    """Yield the data rows of `path`, whose header must hold exactly `columns` (in any order)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ReferenceDataError(path, None, "file not found; restore it from the repository") from None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise ReferenceDataError(path, line, "not UTF-8 text; save the file as UTF-8") from None
    reader = csv.reader(text.splitlines(), strict=True)
    header: list[str] | None = None
    try:
        for fields in reader:
            line = reader.line_num
            if not fields or not "".join(fields).strip() or fields[0].lstrip().startswith("#"):
                continue
            cells = [field.strip() for field in fields]
            if header is None:
                header = _check_header(path, line, cells, columns)
                continue
            if len(cells) != len(header):
                raise ReferenceDataError(
                    path, line, f"has {len(cells)} fields but the header has {len(header)}; check the commas"
                )
            yield CsvRow(path, line, dict(zip(header, cells, strict=True)))
    except csv.Error as exc:
        raise ReferenceDataError(path, reader.line_num, f"not valid CSV: {exc}") from None
    if header is None:
        raise ReferenceDataError(path, None, f"no header line; expected the columns {', '.join(columns)}")


def _check_header(path: Path, line: int, cells: list[str], columns: tuple[str, ...]) -> list[str]:
    duplicated = sorted({c for c in cells if cells.count(c) > 1})
    missing = [c for c in columns if c not in cells]
    unexpected = [c for c in cells if c not in columns]
    if duplicated or missing or unexpected:
        problems = []
        if missing:
            problems.append(f"missing column(s) {', '.join(missing)}")
        if unexpected:
            problems.append(f"unknown column(s) {', '.join(unexpected)}")
        if duplicated:
            problems.append(f"repeated column(s) {', '.join(duplicated)}")
        raise ReferenceDataError(path, line, f"header: {'; '.join(problems)}; expected {', '.join(columns)}")
    return cells
