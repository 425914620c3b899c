"""The polyclinic counter (issue 7 "Counter"): waits for a card, reads it on the worker thread, shows the
decision in a large banner and each person with photo, eligibility today and OPD; picking an eligible
person and pressing Enter issues a token. Big fonts: read at a glance from a metre away."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from apdu.transport import Transport
from card_station.card.decision import CounterDecision, PersonDecision
from card_station.services.counter import CounterRead
from card_station.services.tokens import Care
from gui.counter.tokens import IssuedToken, issue_token
from gui.counter.view import banner_text, person_line, token_allowed_for
from gui.i18n import tr
from gui.shell.context import AppContext
from gui.widgets.banner import Banner, BannerTone
from gui.worker import CardJob, JobControl

PHOTO_SIZE = QSize(96, 120)


class CounterScreen(QWidget):
    """Emits ``shown(decision)`` once a card's decision is on screen, ``read_failed(text)`` when the card
    could not be read (tests and the benchmark wait on them). A result that arrives after its card was
    pulled or replaced is dropped."""

    shown = Signal(object)
    read_failed = Signal(str)
    token_issued = Signal(object)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self._context = context
        self.read: CounterRead | None = None
        self.issued: IssuedToken | None = None
        self._job: CardJob | None = None
        self.reader_name: str | None = None
        self.banner = Banner()
        self.banner.setObjectName("counter-banner")
        self.card_line = QLabel()
        self.card_line.setObjectName("card-line")
        self.card_line.setStyleSheet("font-size: 18pt;")
        self.persons = QListWidget()
        self.persons.setObjectName("persons")
        self.persons.setIconSize(PHOTO_SIZE)
        self.persons.setSpacing(4)
        font = QFont(self.persons.font())
        font.setPointSize(16)
        self.persons.setFont(font)
        self.persons.itemActivated.connect(lambda _: self.issue_for_current())
        self.persons.currentRowChanged.connect(lambda _: self._update_button())
        self.issue_button = QPushButton()
        self.issue_button.setObjectName("issue-token")
        self.issue_button.setStyleSheet("font-size: 18pt; padding: 8px;")
        self.issue_button.clicked.connect(lambda _checked=False: self.issue_for_current())
        self.ipd_button = QPushButton()
        self.ipd_button.setObjectName("issue-ipd")
        self.ipd_button.setStyleSheet("font-size: 14pt; padding: 6px;")
        self.ipd_button.clicked.connect(lambda _checked=False: self.issue_for_current(Care.IPD))
        QShortcut(QKeySequence("Ctrl+I"), self, lambda: self.issue_for_current(Care.IPD))
        self.token = QLabel()
        self.token.setObjectName("token")
        self.token.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.token.setWordWrap(True)
        self.token.setStyleSheet("font-size: 40pt; font-weight: bold; color: #0b3d91;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.card_line)
        layout.addWidget(self.persons, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.issue_button, 1)
        buttons.addWidget(self.ipd_button)
        layout.addLayout(buttons)
        layout.addWidget(self.token)
        self.setFocusProxy(self.persons)
        worker = context.reader
        worker.card_inserted.connect(self._card_inserted)
        worker.card_removed.connect(self._card_removed)
        worker.chosen_changed.connect(self._reader_chosen)
        self.retranslate()

    def activated(self) -> None:
        state = self._context.reader.state_of(self._context.reader.selected)
        if self.read is None and state is not None and state.card_present:
            self.read_card(state.name)

    def retranslate(self) -> None:
        self.issue_button.setText(tr("&Issue token (Enter)"))
        self.ipd_button.setText(tr("IPD referral token (Ctrl+I)"))
        if self.read is None:
            self.banner.show_text(BannerTone.WAIT, tr("Insert a card"))
            self.card_line.setText("")
        else:
            self._show(self.read)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _card_inserted(self, reader: str, _atr: bytes) -> None:
        selected = self._context.reader.selected
        if selected is None or reader == selected:
            self.read_card(reader)

    def _reader_chosen(self, chosen: str | None) -> None:
        """The operator chose another reader (status bar, Alt+R): read the card in it, if any."""
        selected = self._context.reader.selected
        if not self.isVisible() or selected is None or selected == self.reader_name:
            return
        state = self._context.reader.state_of(selected)
        if state is not None and state.card_present:
            self.read_card(selected)

    def _card_removed(self, reader: str) -> None:
        if reader == self.reader_name:
            self.clear()

    def clear(self) -> None:
        self._job = None
        self.read = None
        self.reader_name = None
        self.persons.clear()
        self.token.clear()
        self.issued = None
        self.retranslate()
        self._update_button()

    def read_card(self, reader: str) -> None:
        """Read the card in ``reader`` on the worker thread; the result arrives in ``_show``."""
        self.clear()
        self.reader_name = reader
        self.banner.show_text(BannerTone.WAIT, tr("Reading the card..."))
        service = self._context.services.counter

        def work(transport: Transport, control: JobControl) -> CounterRead:
            control.progress(0, 1, "")
            return service.read(transport, photos=True)

        self._job = self._context.reader.run_job(reader, work, label=tr("Reading the card"))
        self._job.succeeded.connect(self._read_succeeded)
        self._job.failed.connect(self._read_failed)

    # Bound slots, not lambdas: Qt drops a connection to a bound slot when the screen is destroyed, so a
    # read still running when the screen closes cannot reach its deleted widgets. ``sender()`` ignores the
    # answer of a read the operator has already replaced (card pulled and another inserted).
    @Slot(object)
    def _read_succeeded(self, read: CounterRead) -> None:
        if self.sender() is self._job:
            self._show(read)

    @Slot(object)
    def _read_failed(self, problem: BaseException) -> None:
        if self.sender() is self._job:
            self._not_read(problem)

    def _not_read(self, problem: BaseException) -> None:
        """The card could not be read (pulled too early, mute, not a card): say so in the banner; the
        operator re-inserts it."""
        self._job = None
        text = tr("Card not read: {why}").format(why=str(problem) or type(problem).__name__)
        self.banner.show_text(BannerTone.STOP, text)
        self.read_failed.emit(text)

    def _show(self, read: CounterRead) -> None:
        self._job = None
        self.read = read
        decision = read.decision
        tone = BannerTone.GO if decision.token_allowed else BannerTone.STOP
        self.banner.show_text(tone, banner_text(decision))
        details = [tr("Card {number}").format(number=decision.card_number or "-")]
        details += list(decision.reasons[1:])
        self.card_line.setText(" · ".join(details))
        content = read.checked.content
        photos = content.photos if content is not None and decision.genuine else {}
        self.persons.clear()
        for person in decision.persons:
            item = QListWidgetItem(person_line(person))
            item.setData(Qt.ItemDataRole.UserRole, person)
            if person.person_id in photos:
                pixmap = QPixmap()
                pixmap.loadFromData(photos[person.person_id])
                item.setIcon(QIcon(pixmap))
            if not token_allowed_for(decision, person):
                item.setForeground(Qt.GlobalColor.darkRed)
            self.persons.addItem(item)
        if decision.persons:
            self.persons.setCurrentRow(0)
        self._update_button()
        self.shown.emit(decision)

    def _current(self) -> PersonDecision | None:
        item = self.persons.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _update_button(self) -> None:
        person = self._current()
        allowed = (
            self.read is not None and person is not None and token_allowed_for(self.read.decision, person)
        )
        self.issue_button.setEnabled(allowed)
        self.ipd_button.setEnabled(allowed and person is not None and person.ipd_allowed)

    def issue_for_current(self, care: Care | None = None) -> None:
        """Issue a token for the highlighted person: the first care the service offers (Enter) or an IPD
        referral (Ctrl+I); the number is shown large, a refusal goes to the message bar."""
        person = self._current()
        if self.read is None:
            return
        decision: CounterDecision = self.read.decision
        if not decision.token_allowed:
            self._context.feedback.error(
                tr("No token: the card is refused ({why}).").format(
                    why=banner_text(decision).replace("\n", ": ")
                )
            )
            return
        if person is None:
            return
        if not token_allowed_for(decision, person):
            self._context.feedback.error(
                tr("No token: {name} is not eligible today.").format(name=person.name)
            )
            return
        try:
            token = issue_token(self._context, self.read, person, care)
        except (ValueError, PermissionError) as exc:
            self._context.feedback.error(exc)
            return
        self.issued = token
        self.token.setText(token.text)
        self.token_issued.emit(token)
