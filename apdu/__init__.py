"""The ISO/IEC 7816 wire layer: APDUs, status words, BER-TLV, FCP, card commands, transports and a card
emulator. Scheme-agnostic: nothing here imports ``card_station``."""
