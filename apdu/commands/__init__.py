"""Helpers of the ISO/IEC 7816-4 command layer (``apdu.iso7816``): the card's APDU size limits and the
offset / discretionary data objects of the odd-INS READ and UPDATE BINARY."""
