"""Every shipped fixture file loads and passes the cross-checks (issue 3, "Reference data")."""

from __future__ import annotations

from card_station.domain.reference import (
    ReferenceData,
    Service,
    default_fixtures_dir,
    load_reference_data,
)


def test_default_fixtures_dir_is_the_repository_fixtures_folder() -> None:
    path = default_fixtures_dir()
    assert path.name == "fixtures"
    assert (path.parent / "pyproject.toml").is_file()


def test_every_table_loads_complete(reference: ReferenceData) -> None:
    # seed 002 lines 288-300: thirteen Regional Centres, numbered 1-13
    assert [c.sno for c in reference.regional_centres] == list(range(1, 14))
    # 227 polyclinic entries in the seed, "Hamirpur Bilaspur" (line 290) being two polyclinics
    assert len(reference.polyclinics) == 228
    # seed 002 lines 123-143: nine officer rows, two honorary rows and eight JCO/OR rows per Service
    by_service = {s: [r for r in reference.ranks if r.service is s] for s in Service}
    assert len(by_service[Service.NAVY]) == 9 + 2 + 3 + 4
    assert len(by_service[Service.AIR_FORCE]) == 9 + 2 + 3 + 4
    assert len(reference.record_offices) == 51
    assert len(reference.districts) == 8


def test_every_regional_centre_has_polyclinics_and_every_reference_resolves(reference: ReferenceData) -> None:
    names = {c.name for c in reference.regional_centres}
    assert {p.regional_centre for p in reference.polyclinics} == names
    assert {o.regional_centre for o in reference.record_offices} <= names


def test_every_row_cites_its_source(reference: ReferenceData) -> None:
    entries = (
        *reference.ranks,
        *reference.regional_centres,
        *reference.polyclinics,
        *reference.record_offices,
    )
    assert all(e.source for e in entries)


def test_loading_twice_gives_equal_data() -> None:
    assert load_reference_data(default_fixtures_dir()) == load_reference_data(default_fixtures_dir())


def test_repr_is_a_summary_not_the_tables(reference: ReferenceData) -> None:
    assert repr(reference) == (
        "ReferenceData(67 ranks, 13 Regional Centres, 228 polyclinics, 51 record offices, 8 districts)"
    )
