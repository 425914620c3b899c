"""What a blank card holds when it leaves the (emulated) factory.

* MF 3F00 in life cycle CREATION. Access: CREATE FILE, ACTIVATE, DEACTIVATE and TERMINATE after key 1;
  DELETE never (the MF cannot be deleted).
* Key EF 0001 under the MF (internal linear fixed, 4 records of 36 bytes): record 1 = AES key 1, the
  transport key, retry limit 10. UPDATE and APPEND after key 1; never readable.
* EF.ATR/INFO 2F01 (ISO 7816-4 §12.2.2, read always): card capabilities 47 and, with extended length,
  the extended length information 7F66 (§12.7.1) with the largest command and response APDU.
* EF.GDO 2F02 (read always): the ICC serial number in tag 5A, as on eHealth cards.
"""

from __future__ import annotations

from apdu.atr import card_capabilities
from apdu.emulator.config import MAX_COMMAND_APDU, MAX_RESPONSE_APDU, CardConfig
from apdu.emulator.filesystem import MF_FID, DedicatedFile, RecordFile, TransparentFile
from apdu.emulator.keys import KEY_RECORD_LENGTH, key_record
from apdu.fcp import ALWAYS, Fcp, FileKind, LifeCycle, Operation, key
from apdu.tlv import Tlv, encode

KEY_FILE_FID = 0x0001
EF_ATR_INFO_FID = 0x2F01
EF_GDO_FID = 0x2F02
TRANSPORT_KEY_REF = 1
TRANSPORT_KEY_RETRIES = 10
MF_KEY_SLOTS = 4


def atr_info(config: CardConfig) -> bytes:
    objects = [Tlv(0x47, card_capabilities(extended_length=config.extended_length))]
    if config.extended_length:
        limits = (
            Tlv(0x02, MAX_COMMAND_APDU.to_bytes(2, "big")),
            Tlv(0x02, MAX_RESPONSE_APDU.to_bytes(2, "big")),
        )
        objects.append(Tlv(0x7F66, limits))
    return encode(objects)


def blank_mf(config: CardConfig, transport_key: bytes, serial: bytes) -> DedicatedFile:
    guarded = key(TRANSPORT_KEY_REF)
    mf = DedicatedFile(
        Fcp(
            fid=MF_FID,
            kind=FileKind.DF,
            life_cycle=LifeCycle.CREATION,
            access={
                Operation.CREATE: guarded,
                Operation.ACTIVATE: guarded,
                Operation.DEACTIVATE: guarded,
                Operation.TERMINATE: guarded,
            },
        ),
        None,
    )
    keys = RecordFile(
        Fcp(
            fid=KEY_FILE_FID,
            kind=FileKind.INTERNAL_LINEAR_FIXED,
            record_length=KEY_RECORD_LENGTH,
            record_count=MF_KEY_SLOTS,
            access={Operation.UPDATE: guarded, Operation.APPEND: guarded},
        ),
        mf,
    )
    record = key_record(TRANSPORT_KEY_REF, transport_key, TRANSPORT_KEY_RETRIES)
    keys.slots[0][: len(record)] = record
    keys.lengths[0] = len(record)
    keys.counters[0] = TRANSPORT_KEY_RETRIES
    mf.children.append(keys)
    for fid, content in ((EF_ATR_INFO_FID, atr_info(config)), (EF_GDO_FID, Tlv(0x5A, serial).to_bytes())):
        ef = TransparentFile(
            Fcp(fid=fid, kind=FileKind.TRANSPARENT, size=len(content), access={Operation.READ: ALWAYS}), mf
        )
        ef.data[:] = content
        mf.children.append(ef)
    return mf
