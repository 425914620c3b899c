"""The application form: member and dependants as typed from the paper form (seed 002 §4, affidavit
paras 1-10), with each dependant's decision and rule beside the row, recomputed on every keystroke on the
application date (``assessment``), and the contribution, card fees, Regional Centre and ward entitlement."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from card_station.card.compose import Issuer
from card_station.domain.records import (
    Application,
    CardSize,
    Dependant,
    Gender,
    MaritalStatus,
    Member,
    PensionKind,
    Relation,
    Service,
)
from gui.clerk import form_fields as f
from gui.clerk.assessment import assess, regional_centre_text
from gui.i18n import mark, tr


class Column:
    """The dependants table's columns; the last two are the domain's answer, read-only."""

    NAME = 0
    RELATION = 1
    BORN = 2
    GENDER = 3
    RECORDED = 4
    MARITAL = 5
    MARRIED_ON = 6
    PART_II = 7
    DECISION = 8
    RULE = 9
    COUNT = 10


def _headers() -> list[str]:
    return [
        tr("Name"),
        tr("Relation"),
        tr("Date of birth"),
        tr("Gender (M/F/O)"),
        tr("In service records (yes/no)"),
        tr("Marital status"),
        tr("Date of marriage"),
        tr("Part II order no"),
        tr("Decision"),
        tr("Rule"),
    ]


@dataclass(frozen=True)
class Entered:
    """The form as the service takes it: the application and the mobile number for the handover SMS."""

    application: Application
    mobile: str | None


class ApplicationForm(QWidget):
    """Emits ``changed`` after every recomputation; ``entered()`` raises ``FormError`` naming a bad field."""

    changed = Signal()

    def __init__(self, issuer: Issuer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._issuer = issuer
        self.service = QComboBox()
        for service in Service:
            self.service.addItem(service.label, service)
        self.service_number = QLineEdit()
        self.rank = QLineEdit()
        self.name = QLineEdit()
        self.born = QLineEdit()
        self.gender = QLineEdit("M")
        self.retired = QLineEdit()
        self.pension_kind = QComboBox()
        for kind in PensionKind:
            self.pension_kind.addItem(kind.value, kind)
        self.pension_from = QLineEdit()
        self.ppo = QLineEdit()
        self.pension_rs = QLineEdit()
        self.record_office = QLineEdit()
        self.war_widow = QLineEdit("no")
        self.at_source = QLineEdit("no")
        self.mobile = QLineEdit()
        self.applied_on = QLineEdit()
        self.card_size = QComboBox()
        for size in CardSize:
            self.card_size.addItem(size.value, size)
        self.submitted_at = QLineEdit()
        self.add_on = QLineEdit("0")
        self.regional_centre = QLabel()
        self.ward = QLabel()
        self.contribution = QLabel()
        self.fees = QLabel()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        for label in (self.regional_centre, self.ward, self.contribution, self.fees):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
            label.setWordWrap(True)

        self.dependants = QTableWidget(0, Column.COUNT)
        self.dependants.setHorizontalHeaderLabels(_headers())
        self.add_dependant = QPushButton(tr("&Add dependant"))
        self.remove_dependant = QPushButton(tr("Re&move dependant"))
        self.add_dependant.clicked.connect(self._add_empty)
        self.remove_dependant.clicked.connect(self._remove_current)
        QShortcut(QKeySequence("Ctrl+D"), self, activated=self._add_empty)
        self._lay_out()
        for edit in self.findChildren(QLineEdit):
            edit.textChanged.connect(self.recompute)
        for combo in (self.service, self.pension_kind, self.card_size):
            combo.currentIndexChanged.connect(self.recompute)
        self.dependants.itemChanged.connect(self._dependant_changed)
        self.recompute()

    def _lay_out(self) -> None:
        form = QFormLayout()
        self._rows: list[tuple[str, QWidget]] = [
            (mark("Service"), self.service),
            (mark("Service number"), self.service_number),
            (mark("Rank"), self.rank),
            (mark("Name"), self.name),
            (mark("Date of birth"), self.born),
            (mark("Gender (M/F/O)"), self.gender),
            (mark("Date of retirement"), self.retired),
            (mark("Pension"), self.pension_kind),
            (mark("Pension from"), self.pension_from),
            (mark("PPO number"), self.ppo),
            (mark("Basic + dearness pension (Rs a month)"), self.pension_rs),
            (mark("Record Office"), self.record_office),
            (mark("War widow (yes/no)"), self.war_widow),
            (mark("Contribution deducted at source (yes/no)"), self.at_source),
            (mark("Mobile (for the handover OTP)"), self.mobile),
            (mark("Application date"), self.applied_on),
            (mark("Card size"), self.card_size),
            (mark("Submitted at Regional Centre"), self.submitted_at),
            (mark("Add-on cards"), self.add_on),
            (mark("Regional Centre (from the Record Office)"), self.regional_centre),
            (mark("Ward entitlement (from the rank)"), self.ward),
            (mark("Contribution"), self.contribution),
            (mark("Card fees"), self.fees),
        ]
        self._labels: list[QLabel] = []
        for text, widget in self._rows:
            label = QLabel(tr(text))
            label.setBuddy(widget)
            self._labels.append(label)
            form.addRow(label, widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_dependant)
        buttons.addWidget(self.remove_dependant)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("Dependants (Ctrl+D adds one; type in the cells)")))
        layout.addWidget(self.dependants)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)

    def retranslate(self) -> None:
        for label, (text, _) in zip(self._labels, self._rows, strict=True):
            label.setText(tr(text))
        self.dependants.setHorizontalHeaderLabels(_headers())
        self.recompute()

    def add_dependant_row(self, values: tuple[str, ...] = ()) -> int:
        """Append a row (optionally filled: name, relation, born, gender, recorded, marital, married on,
        Part II order) and put the cursor in its first cell."""
        row = self.dependants.rowCount()
        self.dependants.blockSignals(True)
        self.dependants.insertRow(row)
        defaults = ("", "", "", "", "yes", "unmarried", "", "")
        for column, text in enumerate(values + defaults[len(values) :]):
            self.dependants.setItem(row, column, QTableWidgetItem(text))
        for column in (Column.DECISION, Column.RULE):
            item = QTableWidgetItem("")
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.dependants.setItem(row, column, item)
        self.dependants.blockSignals(False)
        self.dependants.setCurrentCell(row, Column.NAME)
        self.dependants.setFocus()
        self.recompute()
        return row

    def _add_empty(self) -> None:
        self.add_dependant_row()

    def _remove_current(self) -> None:
        row = self.dependants.currentRow()
        if row >= 0:
            self.dependants.removeRow(row)
            self.recompute()

    def _dependant_changed(self, item: QTableWidgetItem) -> None:
        if item.column() < Column.DECISION:
            self.recompute()

    def _cell(self, row: int, column: int) -> str:
        item = self.dependants.item(row, column)
        return "" if item is None else item.text()

    def _member(self) -> Member:
        return Member(
            service=self.service.currentData(),
            service_number=f.required(self.service_number.text(), tr("Service number")),
            rank=f.required(self.rank.text(), tr("Rank")),
            name=f.required(self.name.text(), tr("Name")),
            date_of_birth=f.day(self.born.text(), tr("Date of birth")),
            gender=f.choice(self.gender.text(), Gender, tr("Gender")),
            date_of_retirement=f.day(self.retired.text(), tr("Date of retirement")),
            pension_kind=self.pension_kind.currentData(),
            pension_from=f.optional_day(self.pension_from.text(), tr("Pension from")),
            ppo_number=self.ppo.text().strip() or None,
            basic_plus_dearness_pension_rs=f.whole(self.pension_rs.text(), tr("Basic + dearness pension")),
            record_office=f.required(self.record_office.text(), tr("Record Office")),
            war_widow=f.flag(self.war_widow.text(), tr("War widow")),
            contribution_deducted_at_source=f.flag(
                self.at_source.text(), tr("Contribution deducted at source")
            ),
        )

    def _dependant(self, row: int) -> Dependant:
        where = tr("Dependant {n}").format(n=row + 1)
        cell = self._cell
        return Dependant(
            name=f.required(cell(row, Column.NAME), f"{where} {tr('name')}"),
            relation=f.choice(cell(row, Column.RELATION), Relation, f"{where} {tr('relation')}"),
            date_of_birth=f.day(cell(row, Column.BORN), f"{where} {tr('date of birth')}"),
            gender=f.choice(cell(row, Column.GENDER), Gender, f"{where} {tr('gender')}"),
            recorded_in_service_records=f.flag(
                cell(row, Column.RECORDED), f"{where} {tr('service records')}"
            ),
            marital_status=f.choice(cell(row, Column.MARITAL) or "unmarried", MaritalStatus, where),
            date_of_marriage=f.optional_day(
                cell(row, Column.MARRIED_ON), f"{where} {tr('date of marriage')}"
            ),
            part_ii_order_no=cell(row, Column.PART_II).strip() or None,
        )

    def entered(self) -> Entered:
        """The application as typed; ``FormError`` names the first field that is not valid yet."""
        application = Application(
            member=self._member(),
            applied_on=f.day(self.applied_on.text(), tr("Application date")),
            card_size=self.card_size.currentData(),
            submitted_at_regional_centre=f.required(
                self.submitted_at.text(), tr("Submitted at Regional Centre")
            ),
            add_on_cards=f.whole(self.add_on.text(), tr("Add-on cards")),
            dependants=tuple(self._dependant(row) for row in range(self.dependants.rowCount())),
        )
        return Entered(application, self.mobile.text().strip() or None)

    def _show_decision(self, row: int, decision: str, rule: str, eligible: bool | None) -> None:
        colour = {True: QColor("#1b5e20"), False: QColor("#b00020"), None: QColor("#6d4c00")}[eligible]
        self.dependants.blockSignals(True)
        for column, text in ((Column.DECISION, decision), (Column.RULE, rule)):
            item = self.dependants.item(row, column)
            if item is not None:
                item.setText(text)
                item.setForeground(colour)
        self.dependants.blockSignals(False)

    def recompute(self) -> None:
        """Show the domain's answers for what is typed so far (called on every keystroke): each dependant
        row is judged as soon as the member, the application date and that row are valid."""
        problems: list[str] = []
        try:
            member = self._member()
            applied_on = f.day(self.applied_on.text(), tr("Application date"))
        except f.FormError as exc:
            self._unjudged(str(exc))
            return
        rows: list[int] = []
        dependants: list[Dependant] = []
        for row in range(self.dependants.rowCount()):
            try:
                dependants.append(self._dependant(row))
                rows.append(row)
            except f.FormError as exc:
                problems.append(str(exc))
                self._show_decision(row, str(exc), "", None)
        try:
            add_on = f.whole(self.add_on.text(), tr("Add-on cards"))
        except f.FormError as exc:
            problems.append(str(exc))
            add_on = 0
        application = Application(
            member=member,
            applied_on=applied_on,
            card_size=self.card_size.currentData(),
            submitted_at_regional_centre=self.submitted_at.text().strip(),
            add_on_cards=add_on,
            dependants=tuple(dependants),
        )
        result = assess(application, self._issuer)
        for row, line in zip(rows, result.dependants, strict=True):
            self._show_decision(row, line.decision, line.rule, line.eligible)
        self.regional_centre.setText(result.regional_centre)
        self.ward.setText(result.ward)
        self.contribution.setText(result.contribution)
        self.fees.setText(result.fees if not problems or add_on else "")
        if not self.submitted_at.text().strip():
            problems.append(tr("Submitted at Regional Centre: this field is required"))
        self.problem.setText("\n".join(problems))
        self.changed.emit()

    def _unjudged(self, problem: str) -> None:
        """The member or the date is not valid yet: say so, and show what can be said without them."""
        self.problem.setText(problem)
        self.regional_centre.setText(regional_centre_text(self._issuer, self.record_office.text()))
        for label in (self.ward, self.contribution, self.fees):
            label.setText("")
        for row in range(self.dependants.rowCount()):
            self._show_decision(row, tr("complete the member's details to see the decision"), "", None)
        self.changed.emit()
