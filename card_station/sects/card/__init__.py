"""The SECTS application on the chip (issue 9 "The health card"; docs/sects-card.md), declared as data like
the ECHS application in ``card_station.card`` and built on its machinery."""
