"""Who may do what, and who is signed in: roles, local passwords, the back-off on failed
sign-ins, organisation accounts (OpenID Connect) and the end of open sessions.

One module per idea (`roles`, `passwords`, `throttle`, `identity`, `sessions`); import
from here. SECURITY.md says what these defend against, and what they do not.

>>> from lib.db import open_db
>>> db = open_db(":memory:")
>>> _ = db["users"].insert_all([
...     {"username": "ana", "display_name": "Ana", "role": "moderator"},
...     {"username": "lea", "display_name": "Léa", "role": "lead"},
... ])
>>> can(db, "lea", "settings"), can(db, "ana", "settings"), can(db, "ana", "queue")
(True, False, True)
>>> try:
...     require_lead(db, "ana")
... except PermissionDenied as refusal:
...     print(refusal)
Réservé aux chefs d'équipe : ana ne peut pas modifier les paramètres. / Team leads only: ana ...
>>> db.close()
"""

from lib.auth.identity import (
    IdentityPolicy,
    IdentityRefused,
    bindings,
    identity_of,
    unbind_identity,
    user_for_identity,
    verified_address,
)
from lib.auth.passwords import (
    DEMO_PASSWORD,
    MIN_PASSWORD_LENGTH,
    SERVER_OPERATOR,
    BadCredentials,
    PasswordRefused,
    authenticate,
    demo_accounts,
    has_local_passwords,
    has_password,
    hash_password,
    new_password_hash,
    require_credentials,
    require_may_set_password,
    set_password,
    verify_password,
)
from lib.auth.roles import (
    LEAD,
    LEAD_ONLY,
    MODERATOR,
    PERMISSIONS,
    PermissionDenied,
    can,
    has_team,
    require,
    require_lead,
    role_of,
    team,
    team_accounts,
    team_names,
    user,
)
from lib.auth.sessions import end_sessions, session_stamp
from lib.auth.throttle import (
    ACCOUNT,
    CLIENT,
    SignInRefused,
    failed_signins,
    record_failure,
    retry_at,
    sign_in,
)

__all__ = [
    "ACCOUNT",
    "CLIENT",
    "DEMO_PASSWORD",
    "LEAD",
    "LEAD_ONLY",
    "MIN_PASSWORD_LENGTH",
    "MODERATOR",
    "PERMISSIONS",
    "SERVER_OPERATOR",
    "BadCredentials",
    "IdentityPolicy",
    "IdentityRefused",
    "PasswordRefused",
    "PermissionDenied",
    "SignInRefused",
    "authenticate",
    "bindings",
    "can",
    "demo_accounts",
    "end_sessions",
    "failed_signins",
    "has_local_passwords",
    "has_password",
    "has_team",
    "hash_password",
    "identity_of",
    "new_password_hash",
    "record_failure",
    "require",
    "require_credentials",
    "require_lead",
    "require_may_set_password",
    "retry_at",
    "role_of",
    "session_stamp",
    "set_password",
    "sign_in",
    "team",
    "team_accounts",
    "team_names",
    "unbind_identity",
    "user",
    "user_for_identity",
    "verified_address",
    "verify_password",
]
