"""Between the domain records (card_station.domain.records) and the store's rows.

Why a separate module: the domain records stay free of the store (design.md "domain rules never import
the store"), and the one place that knows both shapes is here, tested by a round trip.
"""

from __future__ import annotations

from dataclasses import fields

from card_station.domain.records import Application, Dependant, Disability, Member
from card_station.store.models.people import ApplicationRow, DependantRow, MemberRow
from card_station.store.names import fold_name

_MEMBER_FIELDS = tuple(f.name for f in fields(Member))


def member_columns(member: Member) -> dict[str, object]:
    columns: dict[str, object] = {name: getattr(member, name) for name in _MEMBER_FIELDS}
    columns["name_norm"] = fold_name(member.name)
    return columns


def member_from_row(row: MemberRow) -> Member:
    return Member(**{name: getattr(row, name) for name in _MEMBER_FIELDS})


def dependant_row(position: int, dependant: Dependant) -> DependantRow:
    disability = dependant.disability
    return DependantRow(
        position=position,
        name=dependant.name,
        relation=dependant.relation,
        date_of_birth=dependant.date_of_birth,
        gender=dependant.gender,
        recorded_in_service_records=dependant.recorded_in_service_records,
        marital_status=dependant.marital_status,
        date_of_marriage=dependant.date_of_marriage,
        employed=dependant.employed,
        monthly_income_rs=dependant.monthly_income_rs,
        govt_or_psu_pension=dependant.govt_or_psu_pension,
        disability_kind=None if disability is None else disability.kind,
        disability_onset_on=None if disability is None else disability.onset_on,
        disability_certificate_no=None if disability is None else disability.specialist_certificate_no,
        disability_proof_of_dependency=None if disability is None else disability.proof_of_dependency,
        part_ii_order_no=dependant.part_ii_order_no,
        from_present_husband=dependant.from_present_husband,
    )


def dependant_from_row(row: DependantRow) -> Dependant:
    disability = None
    if row.disability_kind is not None and row.disability_onset_on is not None:
        disability = Disability(
            kind=row.disability_kind,
            onset_on=row.disability_onset_on,
            specialist_certificate_no=row.disability_certificate_no,
            proof_of_dependency=bool(row.disability_proof_of_dependency),
        )
    return Dependant(
        name=row.name,
        relation=row.relation,
        date_of_birth=row.date_of_birth,
        gender=row.gender,
        recorded_in_service_records=row.recorded_in_service_records,
        marital_status=row.marital_status,
        date_of_marriage=row.date_of_marriage,
        employed=row.employed,
        monthly_income_rs=row.monthly_income_rs,
        govt_or_psu_pension=row.govt_or_psu_pension,
        disability=disability,
        part_ii_order_no=row.part_ii_order_no,
        from_present_husband=row.from_present_husband,
    )


def application_from_row(row: ApplicationRow) -> Application:
    return Application(
        member=member_from_row(row.member),
        applied_on=row.applied_on,
        card_size=row.card_size,
        submitted_at_regional_centre=row.submitted_at_regional_centre,
        add_on_cards=row.add_on_cards,
        dependants=tuple(dependant_from_row(d) for d in row.dependants),
    )
