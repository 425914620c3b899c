"""Photos scaled and compressed to the card's per-person budget (issue 4: "Photos are scaled and
compressed to a per-size budget (64 KB: member and every dependant; 32 KB: none by default,
configurable)").

Why a search over size and quality rather than one setting: photos arrive from scanners and phones in
every size; the largest picture that fits the budget is the most useful one at a counter. The search is
deterministic (fixed steps, fixed encoder settings, no metadata), so the same photo always gives the same
bytes and a re-run personalisation writes, and signs, the same file.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from PIL import Image, ImageOps, UnidentifiedImageError

from card_station.card.content import MEMBER_ID
from card_station.card.errors import CardLayoutError
from card_station.card.profile import CardProfile

MAX_BOX = (240, 320)
"""Largest photo kept, width x height: a passport photo's shape at counter-screen size."""

QUALITIES = (85, 75, 65, 55, 45, 35, 25)
SCALES = (1.0, 0.8, 0.64, 0.5, 0.4, 0.32, 0.25)
MIN_SIDE = 48


class PhotoError(CardLayoutError):
    """A photo that cannot be read, or cannot be made to fit its budget."""


class PhotoSubjects(Enum):
    """Whose photos go on the card."""

    NONE = "none"
    MEMBER = "member only"
    EVERYONE = "member and every dependant"


@dataclass(frozen=True)
class PhotoPolicy:
    """Whose photos a card carries and how many bytes each may take."""

    subjects: PhotoSubjects
    per_person_bytes: int
    greyscale: bool = False

    def __post_init__(self) -> None:
        if self.subjects is not PhotoSubjects.NONE and self.per_person_bytes < 512:
            raise ValueError(
                f"a photo budget of {self.per_person_bytes} bytes is too small; give 512 or more"
            )

    def includes(self, person_id: str) -> bool:
        if self.subjects is PhotoSubjects.EVERYONE:
            return True
        return self.subjects is PhotoSubjects.MEMBER and person_id == MEMBER_ID


DEFAULT_POLICIES = {
    CardProfile.K32: PhotoPolicy(PhotoSubjects.NONE, 0),
    CardProfile.K64: PhotoPolicy(PhotoSubjects.EVERYONE, 4096),
}
"""64 KB: member and up to 12 dependants at 4 KB each fit EF.PHOTO (56 KB); 32 KB: no photos by default
(EF.PHOTO's 24 KB take e.g. the member at 4 KB, or everyone at 1.8 KB, if configured)."""


def _open(image: bytes, who: str) -> Image.Image:
    try:
        with Image.open(io.BytesIO(image)) as opened:
            opened.load()
            return ImageOps.exif_transpose(opened)
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise PhotoError(f"the photo of {who} is not a readable image ({exc})") from None


def _jpeg(picture: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=quality, optimize=True, progressive=False, subsampling=2)
    return out.getvalue()


def fit_photo(image: bytes, budget: int, *, greyscale: bool = False, who: str = "the person") -> bytes:
    """The largest, best JPEG of ``image`` (any format Pillow reads) within ``budget`` bytes.

    Tries colour (unless ``greyscale``) then greyscale, each at decreasing size and quality; raises
    PhotoError if even the smallest does not fit.
    """
    picture = _open(image, who)
    picture.thumbnail(MAX_BOX, Image.Resampling.LANCZOS)
    modes = ("L",) if greyscale else ("RGB", "L")
    smallest = None
    for mode in modes:
        converted = picture.convert(mode)
        for scale in SCALES:
            size = (
                max(MIN_SIDE, round(converted.width * scale)),
                max(MIN_SIDE, round(converted.height * scale)),
            )
            resized = converted if scale == 1.0 else converted.resize(size, Image.Resampling.LANCZOS)
            for quality in QUALITIES:
                data = _jpeg(resized, quality)
                if len(data) <= budget:
                    return data
                smallest = len(data) if smallest is None else min(smallest, len(data))
    raise PhotoError(
        f"the photo of {who} cannot be compressed to {budget} bytes "
        f"(the smallest attempt was {smallest} bytes): raise the budget or crop the photo"
    )


def prepare_photos(
    photos: Mapping[str, bytes], profile: CardProfile, policy: PhotoPolicy | None = None
) -> dict[str, bytes]:
    """The photos a card of ``profile`` carries under ``policy`` (default ``DEFAULT_POLICIES``), each
    fitted to the per-person budget; photos of persons the policy leaves out are dropped."""
    chosen = DEFAULT_POLICIES[profile] if policy is None else policy
    return {
        person: fit_photo(image, chosen.per_person_bytes, greyscale=chosen.greyscale, who=person)
        for person, image in sorted(photos.items())
        if chosen.includes(person)
    }
