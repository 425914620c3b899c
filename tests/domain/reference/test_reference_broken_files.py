"""A broken copy of each fixture file stops the load with the file, the line and what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from card_station.domain.reference import ReferenceDataError, load_reference_data


def _break(path: Path, old: str, new: str) -> int:
    """Replace the one occurrence of `old` in `path`; return the line it was on."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _load_error(fixtures: Path) -> ReferenceDataError:
    with pytest.raises(ReferenceDataError) as raised:
        load_reference_data(fixtures)
    return raised.value


@pytest.mark.parametrize(
    ("file", "old", "new", "problem"),
    [
        (
            "ranks.csv",
            "army,jco,Subedar,Sub,semi_private,",
            "army,jco,Subedar,Sub,semiprivate,",
            "column 'ward' is 'semiprivate'; it must be one of general, semi_private, private",
        ),
        (
            "ranks.csv",
            "navy,officer,Commander,Cdr,",
            "marines,officer,Commander,Cdr,",
            "column 'service' is 'marines'; it must be one of army, navy, air_force",
        ),
        (
            "ranks.csv",
            "army,officer,Major,Maj,",
            "army,officer,Major,Lt Col,",
            "Army abbreviation 'Lt Col' is already used on line 8",
        ),
        (
            "ranks.csv",
            "air_force,other_rank,Corporal,Cpl,general,Corporal,Cpl,,",
            "air_force,other_rank,Corporal,Cpl,general,Corporal,Cpl,typo: none,",
            "'Corporal' has a correction note but is spelt as the seed spells it",
        ),
        (
            "regional_centres.csv",
            "12,Kochi,Kochi,",
            "11,Kochi,Kochi,",
            "serial number 11 is already used on line 13",
        ),
        (
            "regional_centres.csv",
            ",PCDA (NC) Jammu,",
            ",,",
            "column 'pcda_cda' is empty; it is required",
        ),
        (
            "polyclinics.csv",
            "Guwahati,Agartala,",
            "Guwahti,Agartala,",
            "Regional Centre 'Guwahti' is not in regional_centres.csv",
        ),
        (
            "polyclinics.csv",
            "Jammu,Leh,Leh,",
            "Jammu,Udhampur,Leh,",
            "polyclinic 'Udhampur' under Jammu is already listed on line",
        ),
        (
            "record_offices.csv",
            "Jammu,Ladakh Scouts,",
            "Srinagar,Ladakh Scouts,",
            "Regional Centre 'Srinagar' is not in regional_centres.csv",
        ),
        (
            "record_offices.csv",
            "Chennai,Pioneer Corps,",
            "Chennai,Madras Regiment,",
            "record office 'Madras Regiment' is already listed on line",
        ),
        (
            "record_offices.csv",
            "Bombay Sappers,,",
            "Bombay Sappers||Sappers,,",
            "column 'aliases' has an empty item",
        ),
        (
            "mro_heads.csv",
            "minor,110,",
            "minor,1.10,",
            "code '1.10' of the minor head must be letters and digits",
        ),
        ("mro_heads.csv", "sub_minor,11D,", "major,11D,", "head 'major' is given twice"),
        (
            "mro_heads.csv",
            "sub_minor,11D,",
            "subminor,11D,",
            "head 'subminor' is not one of major, minor, sub_minor",
        ),
        (
            "fma_districts.csv",
            "MH-PUNE,Pune,Maharashtra,yes,",
            "MH-PUNE,Pune,Maharashtra,Y3S,",
            "column 'has_polyclinic' is 'Y3S'; write yes or no",
        ),
        ("fma_districts.csv", "UP-LUCKNOW,", "MH-PUNE,", "district code 'MH-PUNE' is already used on line 3"),
    ],
)
def test_a_broken_row_names_file_line_and_problem(
    fixtures_copy: Path, file: str, old: str, new: str, problem: str
) -> None:
    line = _break(fixtures_copy / file, old, new)
    error = _load_error(fixtures_copy)
    assert (error.path, error.line) == (fixtures_copy / file, line)
    assert problem in error.problem
    assert str(error).startswith(f"{fixtures_copy / file}, line {line}: {problem}")


@pytest.mark.parametrize(
    "file", ["ranks.csv", "regional_centres.csv", "polyclinics.csv", "record_offices.csv", "mro_heads.csv"]
)
def test_a_wrong_header_lists_missing_and_unknown_columns(fixtures_copy: Path, file: str) -> None:
    line = _break(fixtures_copy / file, ",source\n", ",origin\n")
    error = _load_error(fixtures_copy)
    assert (error.path, error.line) == (fixtures_copy / file, line)
    assert "header: missing column(s) source; unknown column(s) origin; expected " in error.problem


@pytest.mark.parametrize(
    "file",
    [
        "ranks.csv",
        "regional_centres.csv",
        "polyclinics.csv",
        "record_offices.csv",
        "mro_heads.csv",
        "fma_districts.csv",
    ],
)
def test_a_missing_file_is_named(fixtures_copy: Path, file: str) -> None:
    (fixtures_copy / file).unlink()
    error = _load_error(fixtures_copy)
    assert (error.path, error.line) == (fixtures_copy / file, None)
    assert "file not found" in error.problem


def test_a_regional_centre_without_polyclinics(fixtures_copy: Path) -> None:
    path = fixtures_copy / "polyclinics.csv"
    kept = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("Kochi,")]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    error = _load_error(fixtures_copy)
    assert error.path == path
    assert "no polyclinic is listed under Regional Centre Kochi (its line 14)" in error.problem


def test_a_missing_mro_head(fixtures_copy: Path) -> None:
    _break(fixtures_copy / "mro_heads.csv", "sub_minor,11D,seed 002 line 268\n", "")
    error = _load_error(fixtures_copy)
    assert "missing the sub_minor head(s)" in error.problem


def test_text_that_is_not_utf8_names_its_line(fixtures_copy: Path) -> None:
    path = fixtures_copy / "ranks.csv"
    line = _break(path, "army,officer,Brigadier,Brig,", "army,officer,Brigadier,Br?g,")
    path.write_bytes(path.read_bytes().replace(b"Br?g", b"Br\xe9g"))
    error = _load_error(fixtures_copy)
    assert (error.line, error.problem) == (line, "not UTF-8 text; save the file as UTF-8")


def test_an_unterminated_quote_is_invalid_csv(fixtures_copy: Path) -> None:
    line = _break(fixtures_copy / "polyclinics.csv", "Jammu,Chamba,", 'Jammu,"Chamba,')
    error = _load_error(fixtures_copy)
    assert error.path == fixtures_copy / "polyclinics.csv"
    assert error.line is not None and error.line >= line
    assert error.problem.startswith("not valid CSV")
