"""Who prints a SECTS health card (seed 001 annexure 2, bullet 7).

"प्रिन्टिंग के पश्चात् प्लास्टिक "हेल्थ कार्ड" सम्बन्धित डी0डी0डी0/टी0ओ0 के माध्यम से कर्मचारी/पेंशनर को प्राप्त कराया
जायेगा। इसके अतिरिक्त कर्मचारी/पेंशनर को ... कार्ड स्वयं प्रिंट करने का विकल्प भी उपलब्ध होगा।" (the plastic card
printed at state level reaches the employee through the DDO/TO; the employee may also print it himself).
"""

from __future__ import annotations

from enum import Enum


class PrintRoute(Enum):
    STATE = "राज्य स्तर पर मुद्रित (printed at state level)"
    SELF = "स्वयं मुद्रित (self-printed)"
