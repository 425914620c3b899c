"""Codecs between the card application's content records and BER-TLV (apdu/tlv.py), one module per file."""
