"""The SECTS health card face (issue 9 "The health card"): its layout as data for the issuing run's
renderer (``layout``), and the signed QR code a counter checks offline (``qr``)."""
