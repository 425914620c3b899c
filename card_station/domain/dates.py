"""Calendar arithmetic the rules share: birthdays, month steps, the card's date text.

Why here: ages, the FMA months (seed 003 §8(b), (c)) and slip validity all count in calendar months or
years, which `timedelta` cannot express. The conventions are fixed once: a 29 Feb birthday falls on 01 Mar
in a common year, and adding months to the 31st lands on the month's last day.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def birthday(born: date, years: int) -> date:
    """The day a person born on `born` reaches `years` of age (29 Feb births: 01 Mar in a common year)."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return date(born.year + years, 2, 28) + timedelta(days=1)


def age_on(born: date, day: date) -> int:
    """Completed years of age on `day`."""
    years = day.year - born.year
    return years if day >= birthday(born, years) else years - 1


def add_months(day: date, months: int) -> date:
    """`day` moved by whole calendar months, clamped to the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def first_of_month_after(day: date, months: int) -> date:
    """The first day of the `months`-th month after the month of `day` (May, 2 -> 01 Jul)."""
    return add_months(day.replace(day=1), months)


def card_date_text(day: date) -> str:
    """The date as the circulars write it on a card: `01 JUL 2019` (seed 003 §11), locale-independent."""
    return f"{day.day:02d} {_MONTHS[day.month - 1]} {day.year}"
