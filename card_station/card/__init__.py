"""The ECHS card application: file layout per card size, codecs between content records and BER-TLV,
the signed security object (layout.py, content.py, sod.py; docs/card-layout.md), and on top of them
personalisation, update and reading."""
