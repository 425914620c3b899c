"""The Verhoeff check digit of Aadhaar numbers (``domain.verhoeff``; UIDAI numbers Aadhaar with a Verhoeff
check digit in the last place): the published vectors, and the two copying mistakes it must catch."""

from __future__ import annotations

import pytest

from card_station.domain import verhoeff


@pytest.mark.parametrize(
    ("body", "check"),
    [("236", "3"), ("12345", "1"), ("142857", "0"), ("8473643095483728456789", "2")],
)
def test_verhoeff_known_vectors(body: str, check: str) -> None:
    assert verhoeff.check_digit(body) == check
    assert verhoeff.is_valid(body + check)


def test_the_worked_example_with_a_wrong_check_digit_is_invalid() -> None:
    assert verhoeff.is_valid("2363")  # the Verhoeff worked example: 236 with check digit 3
    assert not verhoeff.is_valid("2364")


def test_verhoeff_catches_every_single_digit_error_and_adjacent_swap() -> None:
    number = "23412341234" + verhoeff.check_digit("23412341234")
    for position in range(12):
        for digit in "0123456789":
            if digit != number[position]:
                assert not verhoeff.is_valid(number[:position] + digit + number[position + 1 :])
    for position in range(11):
        swapped = number[:position] + number[position + 1] + number[position] + number[position + 2 :]
        if swapped != number:
            assert not verhoeff.is_valid(swapped)


@pytest.mark.parametrize("text", ["", "12a4", "１２３"])
def test_anything_but_ascii_digits_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="decimal digits only"):
        verhoeff.is_valid(text)
    with pytest.raises(ValueError, match="decimal digits only"):
        verhoeff.check_digit(text)
