"""SMS gateways for the handover OTP (seed 000 §2): one interface, a development console/file gateway and
an HTTP gateway for a DLT-registered provider (docs/sms.md)."""

from card_station.sms.config import GatewayKind, SmsConfig, SmsConfigError, build_gateway, load_sms_config
from card_station.sms.console import ConsoleGateway
from card_station.sms.http_gateway import HttpGateway
from card_station.sms.http_settings import ApiKeyAuth, BasicAuth, HttpMethod, HttpSmsSettings
from card_station.sms.message import SmsError, SmsGateway, SmsMessage, SmsNotSent, SmsReceipt, mask_mobile
from card_station.sms.template import ENGLISH_OTP_TEXT, HINDI_OTP_TEXT, OtpSmsTemplate

__all__ = [
    "ENGLISH_OTP_TEXT",
    "HINDI_OTP_TEXT",
    "ApiKeyAuth",
    "BasicAuth",
    "ConsoleGateway",
    "GatewayKind",
    "HttpGateway",
    "HttpMethod",
    "HttpSmsSettings",
    "OtpSmsTemplate",
    "SmsConfig",
    "SmsConfigError",
    "SmsError",
    "SmsGateway",
    "SmsMessage",
    "SmsNotSent",
    "SmsReceipt",
    "build_gateway",
    "load_sms_config",
    "mask_mobile",
]
