"""Photos fitted to the per-person budget: deterministic, within budget, clear errors."""

from __future__ import annotations

import dataclasses
import io
import random

import pytest
from layout_samples import CONTENT, SON
from PIL import Image

from card_station.card.content import MEMBER_ID
from card_station.card.layout import CardProfile, check_capacity
from card_station.card.photos import (
    DEFAULT_POLICIES,
    PhotoError,
    PhotoPolicy,
    PhotoSubjects,
    fit_photo,
    prepare_photos,
)


def noisy_photo(seed: int, size: tuple[int, int] = (600, 800), fmt: str = "PNG") -> bytes:
    """A hard-to-compress picture (random blocks), as a scanner might give."""
    rng = random.Random(seed)
    picture = Image.new("RGB", size)
    pixels = picture.load()
    for x in range(0, size[0], 4):
        for y in range(0, size[1], 4):
            colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
            for dx in range(4):
                for dy in range(4):
                    pixels[x + dx, y + dy] = colour
    out = io.BytesIO()
    picture.save(out, format=fmt)
    return out.getvalue()


@pytest.fixture(scope="module")
def photo() -> bytes:
    return noisy_photo(1)


@pytest.mark.parametrize("budget", [1200, 1800, 4096])
def test_a_photo_is_fitted_within_the_budget_as_a_jpeg_of_at_most_240_by_320(
    photo: bytes, budget: int
) -> None:
    fitted = fit_photo(photo, budget)
    assert len(fitted) <= budget
    with Image.open(io.BytesIO(fitted)) as result:
        assert result.format == "JPEG"
        assert result.width <= 240
        assert result.height <= 320


def test_fitting_is_deterministic(photo: bytes) -> None:
    assert fit_photo(photo, 4096) == fit_photo(photo, 4096)


def test_greyscale_is_used_when_asked(photo: bytes) -> None:
    with Image.open(io.BytesIO(fit_photo(photo, 4096, greyscale=True))) as result:
        assert result.mode == "L"


def test_a_budget_too_small_for_any_attempt_is_refused(photo: bytes) -> None:
    with pytest.raises(PhotoError, match="the photo of M cannot be compressed to 300 bytes"):
        fit_photo(photo, 300, who="M")


def test_something_that_is_not_an_image_is_refused() -> None:
    with pytest.raises(PhotoError, match="the photo of D1 is not a readable image"):
        fit_photo(b"not an image", 4096, who="D1")


def test_the_64k_default_takes_everyone_and_the_32k_default_no_one(photo: bytes) -> None:
    photos = {MEMBER_ID: photo, "D1": noisy_photo(2, fmt="JPEG")}
    on_64k = prepare_photos(photos, CardProfile.K64)
    assert set(on_64k) == {MEMBER_ID, "D1"}
    assert all(len(jpeg) <= 4096 for jpeg in on_64k.values())
    assert prepare_photos(photos, CardProfile.K32) == {}
    member_only = PhotoPolicy(PhotoSubjects.MEMBER, 2048)
    assert set(prepare_photos(photos, CardProfile.K32, member_only)) == {MEMBER_ID}


def test_the_default_budgets_fit_ef_photo_for_a_full_card() -> None:
    budget = DEFAULT_POLICIES[CardProfile.K64].per_person_bytes
    dependants = tuple(dataclasses.replace(SON, number=n) for n in range(1, 13))
    photos = {
        person: b"\xff\xd8" + bytes(budget - 2) for person in [MEMBER_ID, *(d.person_id for d in dependants)]
    }
    check_capacity(dataclasses.replace(CONTENT, dependants=dependants, photos=photos), CardProfile.K64)


def test_a_tiny_budget_for_someone_is_a_configuration_error() -> None:
    with pytest.raises(ValueError, match="a photo budget of 100 bytes is too small"):
        PhotoPolicy(PhotoSubjects.EVERYONE, 100)
