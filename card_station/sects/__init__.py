"""The Uttar Pradesh State Employees Cashless Treatment Scheme (SECTS, seed 001), beside ECHS (issue 9)."""
