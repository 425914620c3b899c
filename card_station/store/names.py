"""Name folding for prefix search: the form kept in ``members.name_norm`` and used for queries.

Why fold: clerks type names in any case and with stray spaces or dots ("Lt. Col. R.K.  Sharma"), and a
prefix search must find the member whatever the spelling of the separators. Folding is Unicode NFKC plus
casefold, with every run of non-alphanumerics turned into one space.
"""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\W_]+", re.UNICODE)


def fold_name(name: str) -> str:
    return _SEPARATORS.sub(" ", unicodedata.normalize("NFKC", name).casefold()).strip()
