"""The clerk's lists: a table the clerk picks one whole row from and never edits in place.

Why one shape: every clerk list (applications, cards, FMA grants) is a read-only view of the store that a
button or shortcut then acts on, so selection is by row, single, and typing does not open an editor.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableWidget


def pick_one_row_table(columns: int) -> QTableWidget:
    """An empty read-only table of ``columns`` columns, selecting one whole row at a time."""
    table = QTableWidget(0, columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return table
