"""Calendar arithmetic shared by the rules."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from card_station.domain.dates import add_months, age_on, birthday, card_date_text, first_of_month_after


def test_birthdays_and_ages() -> None:
    assert birthday(date(2000, 6, 15), 25) == date(2025, 6, 15)
    assert birthday(date(2004, 2, 29), 25) == date(2029, 3, 1)
    assert birthday(date(2004, 2, 29), 24) == date(2028, 2, 29)
    assert age_on(date(2000, 6, 15), date(2025, 6, 14)) == 24
    assert age_on(date(2000, 6, 15), date(2025, 6, 15)) == 25


def test_month_steps_clamp_to_the_last_day() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)
    assert first_of_month_after(date(2019, 5, 31), 2) == date(2019, 7, 1)


def test_card_date_text_is_the_circulars_style() -> None:
    assert card_date_text(date(2019, 7, 1)) == "01 JUL 2019"
    assert card_date_text(date(2021, 12, 9)) == "09 DEC 2021"


@settings(deadline=None)  # no timing thresholds on shared machines
@given(st.dates(max_value=date(9000, 1, 1)), st.integers(0, 120))
def test_property_age_on_the_birthday_is_exactly_the_years(born: date, years: int) -> None:
    assert age_on(born, birthday(born, years)) == years
