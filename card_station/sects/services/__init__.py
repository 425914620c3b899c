"""SECTS use cases (seed 001): DDO/TO registration and verification, employee/pensioner registration and
verification, OTP-released forms, state-level printing and self-printing. Each function checks the actor's
role (``store.roles``), writes an audit entry and an outbox event in the caller's transaction."""
