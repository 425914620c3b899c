"""An independent PC/SC client (OpenSC's opensc-tool) reads what the station wrote to an emulated card.

If the bridge, the reader naming or the stack were only consistent with our own transport, this would
catch it: opensc-tool links its own libpcsclite and finds the private pcscd through the environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from apdu.emulator import DEV_TRANSPORT_KEY
from apdu.emulator.stack import EmulatorStack
from apdu.fcp import ALWAYS, Fcp, FileKind, Operation
from apdu.iso7816 import Iso7816
from apdu.transport.pcsc import PcscTransport

pytestmark = pytest.mark.pcsc
EF = 0x5F21
CONTENT = bytes.fromhex("C0FFEE0102030405060708090A0B0C0D")


def test_opensc_tool_reads_a_file_the_station_wrote(
    pcsc_transport: PcscTransport, pcsc_stack: EmulatorStack
) -> None:
    card = Iso7816(pcsc_transport)
    card.select_mf()
    card.authenticate(1, DEV_TRANSPORT_KEY)
    access = {Operation.READ: ALWAYS, Operation.UPDATE: ALWAYS}
    card.create_file(Fcp(EF, FileKind.TRANSPARENT, size=len(CONTENT), access=access))
    card.select_fid(EF)
    card.update_binary(CONTENT)
    pcsc_transport.disconnect()

    command = [
        "opensc-tool",
        "-r",
        pcsc_stack.reader_names[0],
        "-c",
        "default",
        "-s",
        "00 A4 00 0C 02 3F 00",
        "-s",
        f"00 A4 00 0C 02 {EF >> 8:02X} {EF & 0xFF:02X}",
        "-s",
        f"00 B0 00 00 {len(CONTENT):02X}",
    ]
    assert shutil.which("opensc-tool"), "opensc-tool is missing: apt-get install opensc"
    env = {**os.environ, **pcsc_stack.environ()}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    answers = result.stdout.split("Received ")
    assert len(answers) == 4
    assert all(answer.startswith("(SW1=0x90, SW2=0x00)") for answer in answers[1:])
    assert CONTENT.hex(" ").upper() in answers[3]
