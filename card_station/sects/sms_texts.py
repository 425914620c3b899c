"""The SMS texts of SECTS, Hindi first then English (seed 001 annexures 1 and 2).

What is sent, from the circular: the OTP that releases the filled form (annexure 1, bullet 6; annexure 2,
bullet 4: "पंजीकृत मोबाइल पर 01 ओ०टी०पी० प्राप्त होगा"), the DDO/TO's user ID and password after the state
cell's verification (annexure 1, bullet 11: "पंजीकृत मोबाइल नम्बर पर उनका यूजर आई०डी० एवं पासवर्ड प्रेषित कर
दिया जायेगा"), the employee's user ID by auto-SMS after the DDO/TO's verification (annexure 2, bullet 7(a)),
and the login OTP for self-printing (annexure 2, bullet 7(b)). Why each text has its own template id: under
TRAI's DLT rules an SMS is delivered only if it matches a registered template (see ``sms.template``); a
deployment registers these texts and puts its ids here.
"""

from __future__ import annotations

from dataclasses import dataclass

from card_station.sects.otp_purpose import OtpPurpose
from card_station.sms.message import check_dlt_id

FORM_OTP_TEXT = (
    "UP SECTS: भरा हुआ पंजीकरण फॉर्म प्रिंट/डाउनलोड करने हेतु OTP {otp} है, {minutes} मिनट तक मान्य। "
    "OTP {otp} releases your filled registration form for {minutes} minutes. Do not share it."
)
LOGIN_OTP_TEXT = (
    "UP SECTS: हेल्थ कार्ड प्रिंट हेतु लॉग-इन OTP {otp} है, {minutes} मिनट तक मान्य। "
    "Log-in OTP {otp} to print your health card, valid {minutes} minutes. Do not share it."
)
CREDENTIALS_TEXT = (
    "UP SECTS: आपका डी0डी0ओ0/टी0ओ0 पंजीकरण सत्यापित हुआ। यूजर आई0डी0 {user_id} पासवर्ड {password} "
    "Your DDO/TO registration is verified. User ID {user_id}, password {password}"
)
USER_ID_TEXT = (
    "UP SECTS: आपका फॉर्म डी0डी0ओ0/टी0ओ0 द्वारा सत्यापित हुआ। यूजर आई0डी0 {user_id} "
    "Your form is verified. User ID {user_id}: log in with it and an OTP to print your health card."
)


@dataclass(frozen=True)
class SectsSmsTexts:
    """The four SECTS texts and their DLT content template ids (digits, as registered)."""

    form_otp_template_id: str = "1107161000000000101"
    login_otp_template_id: str = "1107161000000000102"
    credentials_template_id: str = "1107161000000000103"
    user_id_template_id: str = "1107161000000000104"
    form_otp_text: str = FORM_OTP_TEXT
    login_otp_text: str = LOGIN_OTP_TEXT
    credentials_text: str = CREDENTIALS_TEXT
    user_id_text: str = USER_ID_TEXT

    def __post_init__(self) -> None:
        for name in ("form_otp", "login_otp", "credentials", "user_id"):
            check_dlt_id(getattr(self, f"{name}_template_id"), f"{name} template id")

    def otp(self, purpose: OtpPurpose, otp: str, minutes: int) -> tuple[str, str]:
        """(text, template id) of the OTP SMS for ``purpose``."""
        if purpose is OtpPurpose.SELF_PRINT_LOGIN:
            return self.login_otp_text.format(otp=otp, minutes=minutes), self.login_otp_template_id
        return self.form_otp_text.format(otp=otp, minutes=minutes), self.form_otp_template_id

    def credentials(self, user_id: str, password: str) -> tuple[str, str]:
        return self.credentials_text.format(user_id=user_id, password=password), self.credentials_template_id

    def user_id(self, user_id: str) -> tuple[str, str]:
        return self.user_id_text.format(user_id=user_id), self.user_id_template_id
