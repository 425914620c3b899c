"""What a SECTS OTP unlocks, and how long it lives (seed 001 annexures 1 and 2).

Three OTPs appear in the circular, each sent to the registered mobile: annexure 1, bullet 6, "फॉर्म Submit
करने पर डी०डी०ओ०/टी०ओ० को उनके पंजीकृत मोबाइल पर 01 ओ०टी०पी० प्राप्त होगा जिसका प्रयोग कर ... अपने भरे हुए
पंजीकरण फॉर्म का प्रिन्ट/डाउनलोड कर सकेंगे" (the DDO/TO's OTP unlocks printing or downloading the filled
form); annexure 2, bullet 4, the same for the employee/pensioner's form; annexure 2, bullet 7(b), the OTP
after the user ID at login, "जिसकी सहायता से वे ... अपना हेल्थ कार्ड प्रिंट कर सकेंगे" (with which they
reach the card printing page and print their health card).

Why each OTP is bound to its purpose: an OTP sent to unlock the form must not log anyone in. Why minutes
and not the 30-day handover window of seed 000: these OTPs are typed in by the person who just asked for
them at the screen; the circular fixes no validity, so 15 minutes is a default a station can change.
"""

from __future__ import annotations

from datetime import timedelta
from enum import Enum

OTP_VALIDITY = timedelta(minutes=15)
MAX_WRONG_OTP_ATTEMPTS = 5


class OtpPurpose(Enum):
    OFFICER_FORM = "print the DDO/TO registration form"
    BENEFICIARY_FORM = "print the employee/pensioner registration form"
    SELF_PRINT_LOGIN = "log in to print the health card"
