"""The file declarations: identities, access, sizes per profile, and the real emulated card taking them."""

from __future__ import annotations

import pytest
from layout_samples import CONTENT, EMULATOR_SIZE, SERIAL

from apdu.emulator import DEV_TRANSPORT_KEY, EmulatedCard
from apdu.fcp import ALWAYS, FileKind, Operation, key
from apdu.iso7816 import Iso7816
from apdu.status import NotEnoughMemory
from apdu.transport.loopback import LoopbackTransport
from card_station.card.errors import CapacityError
from card_station.card.files.access import CARD_WRITE_KEY_REF
from card_station.card.files.decl import FileData, FileDecl, Parent
from card_station.card.layout import (
    APPLICATION_AID,
    DECLARATIONS,
    SIGNED_FILES,
    CardProfile,
    check_capacity,
    declaration,
    decode_content,
    encode_content,
    layout,
)


def test_names_fids_and_sfis_are_unique_within_their_parent() -> None:
    assert len({d.name for d in DECLARATIONS}) == len(DECLARATIONS)
    for parent in Parent:
        inside = [d for d in DECLARATIONS if d.parent is parent or (parent is Parent.MF and d.is_df)]
        fids = [d.fid for d in inside if d.parent is parent]
        sfis = [d.sfi for d in inside if d.parent is parent and d.sfi is not None]
        assert len(set(fids)) == len(fids)
        assert len(set(sfis)) == len(sfis)
    assert {d.fid for d in DECLARATIONS}.isdisjoint({0x3F00, 0x0001, 0x2F01, 0x2F02})


def test_reads_are_free_and_writes_need_the_card_write_key() -> None:
    write = key(CARD_WRITE_KEY_REF)
    for decl in DECLARATIONS:
        if decl.is_df:
            assert decl.access[Operation.CREATE] == write
            continue
        assert decl.access[Operation.READ] == ALWAYS, decl.name
        assert decl.access[Operation.UPDATE] == write, decl.name
        assert (Operation.APPEND in decl.access) == decl.is_record


def test_the_status_file_is_one_eeprom_page() -> None:
    status = declaration("EF.STATUS")
    page = 64
    for profile in CardProfile:
        assert status.size(profile).size == 32
        assert status.size(profile).size <= page


def test_profiles_share_the_declarations_and_differ_only_in_photo_size() -> None:
    differing = {d.name for d in DECLARATIONS if d.size(CardProfile.K32) != d.size(CardProfile.K64)}
    assert differing == {"EF.PHOTO"}
    assert layout(CardProfile.K32).files == layout(CardProfile.K64).files


@pytest.mark.parametrize(("profile", "total"), [(CardProfile.K32, 31840), (CardProfile.K64, 64608)])
def test_the_application_fits_a_blank_card_of_its_size(profile: CardProfile, total: int) -> None:
    assert layout(profile).total_bytes == total
    blank = EmulatedCard(EMULATOR_SIZE[profile], serial=SERIAL)
    assert total < blank.free_memory <= profile.nominal_free


def test_signed_files_are_every_content_file_but_the_shared_ef_dir() -> None:
    assert SIGNED_FILES == ("EF.CARD", "EF.STATUS", "EF.MEMBER", "EF.DEPENDANTS", "EF.ENDORSE", "EF.PHOTO")


def _enter_parent(card: Iso7816, decl: FileDecl) -> None:
    if decl.parent is Parent.MF:
        card.select_mf(fcp=False)
    else:
        card.select_aid(APPLICATION_AID, fcp=False)


def _write(card: Iso7816, decl: FileDecl, data: FileData) -> None:
    if isinstance(data, tuple):
        for record in data:
            card.append_record(record, sfi=decl.sfi)
    else:
        card.update_binary(data, sfi=decl.sfi)


def _read(card: Iso7816, decl: FileDecl) -> FileData:
    if decl.is_record:
        return tuple(card.read_all_records(sfi=decl.sfi))
    return card.read_binary(sfi=decl.sfi)


@pytest.mark.parametrize("profile", list(CardProfile))
def test_an_emulated_card_takes_the_layout_and_gives_the_content_back(profile: CardProfile) -> None:
    emulated = EmulatedCard(EMULATOR_SIZE[profile], serial=SERIAL)
    transport = LoopbackTransport(emulated)
    transport.connect()
    card = Iso7816(transport)
    card.select_mf(fcp=False)
    card.authenticate(CARD_WRITE_KEY_REF, DEV_TRANSPORT_KEY)
    files = encode_content(CONTENT, profile, emulated.free_memory)
    for decl in DECLARATIONS:
        _enter_parent(card, decl)
        card.create_file(decl.fcp(profile))
        if decl.name in files:
            _write(card, decl, files[decl.name])
    card.select_mf(fcp=False)
    read = {
        decl.name: _read(card, decl) for decl in DECLARATIONS if decl.parent is Parent.MF and not decl.is_df
    }
    card.select_aid(APPLICATION_AID, fcp=False)
    read |= {d.name: _read(card, d) for d in DECLARATIONS if d.parent is Parent.APPLICATION}
    assert read["EF.DIR"] == files["EF.DIR"]
    assert decode_content(read) == CONTENT
    fcp = card.select_aid(APPLICATION_AID)
    assert fcp is not None and fcp.kind is FileKind.DF and fcp.df_name == APPLICATION_AID


def test_a_32k_card_given_the_64k_layout_is_refused_before_the_card_would_refuse_it() -> None:
    emulated = EmulatedCard(EMULATOR_SIZE[CardProfile.K32], serial=SERIAL)
    with pytest.raises(CapacityError) as refused:
        check_capacity(CONTENT, CardProfile.K64, emulated.free_memory)
    assert refused.value.file == "EF.PHOTO"
    assert refused.value.shortfall == layout(CardProfile.K64).total_bytes - emulated.free_memory
    transport = LoopbackTransport(emulated)
    transport.connect()
    card = Iso7816(transport)
    card.select_mf(fcp=False)
    card.authenticate(CARD_WRITE_KEY_REF, DEV_TRANSPORT_KEY)
    with pytest.raises(NotEnoughMemory) as card_refusal:
        for decl in DECLARATIONS:
            _enter_parent(card, decl)
            card.create_file(decl.fcp(CardProfile.K64))
    assert "6A84 to CREATE FILE 4515" in str(card_refusal.value)
