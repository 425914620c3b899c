"""The ECHS scheme's rules as pure functions over frozen domain records.

Why a package of its own: every later screen, card codec and store asks these functions, so they must not
reach for a clock, a file, a card or a database. The evaluation date is always a parameter, amounts and
ages come from the dated rule-parameter table (`parameters`), and reference data (ranks, Regional Centres,
districts) comes from `card_station.domain.reference` or is passed in as a lookup. Each rule cites the
circular paragraph it implements (`seed 002 §1(d)(ii)`); the citations live in `citations.Rule`.
"""
