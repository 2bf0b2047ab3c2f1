"""Organisation accounts (OpenID Connect): the issuer Vigie trusts, and each person's binding.

A team member is bound to one organisation account, its issuer and subject, on their
first verified sign-in; afterwards only that account signs them in, so a changed
e-mail claim, or another account claiming the same address, moves nobody. Microsoft
Entra ID accounts are bound by tenant and object id (`tid`, `oid`), which stay the
same across applications and token versions; others by `iss` and `sub`.

The first sign-in needs an address the provider vouches for: `email` with
`email_verified` true, or, for Entra ID (which sends no `email_verified`), the
`preferred_username` (user principal name) when `tid` is the configured tenant, whose
administrators assign those names. Entra's `email` claim is never trusted.

>>> from lib.db import open_db
>>> db = open_db(":memory:")
>>> _ = db["users"].insert({"username": "lea@example.org", "display_name": "Léa", "role": "lead"})
>>> policy = IdentityPolicy.from_secrets(
...     {"server_metadata_url": "https://id.example.org/.well-known/openid-configuration"})
>>> policy.issuers
('https://id.example.org',)
>>> claims = {"iss": "https://id.example.org", "sub": "42",
...           "email": "LEA@example.org", "email_verified": True}
>>> user_for_identity(db, claims, policy)["username"]      # bound now
'lea@example.org'
>>> user_for_identity(db, {**claims, "email": "bob@example.org"}, policy)["username"]
'lea@example.org'
>>> user_for_identity(db, {**claims, "sub": "43"}, policy)
Traceback (most recent call last):
  ...
lib.auth.identity.IdentityRefused: Le nom lea@example.org est déjà lié ...
>>> db.close()
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from sqlite_utils import Database

from lib.auth.roles import require, user
from lib.db import immediate, to_db_time
from lib.i18n import Worded
from lib.times import now_utc

# OpenID Connect Discovery: the metadata lives at the issuer followed by this.
WELL_KNOWN = "/.well-known/openid-configuration"
# An Entra ID tenant's own issuer (v2.0 endpoint), which names the tenant.
_ENTRA_ISSUER = re.compile(r"https://login\.microsoftonline\.com/([0-9a-fA-F-]{36})/v2\.0")
# How an Entra ID binding's issuer is written: the tenant, whatever the token's version.
ENTRA_TENANT = "entra-tenant:"


class IdentityRefused(Worded, PermissionError):
    """An organisation account that may not sign in, with why: `wrong_issuer`,
    `wrong_tenant`, `no_subject`, `unverified`, `not_on_team`, `bound_elsewhere`,
    `deactivated`."""

    KEY = "auth.identity"

    def __init__(self, code: str, who: str | None):
        super().__init__(code, who=who or "?")


@dataclass(frozen=True)
class IdentityPolicy:
    """Which accounts may sign in at all: their issuer, and for Entra ID their tenant."""

    issuers: tuple[str, ...] = ()
    tenant: str | None = None

    @classmethod
    def from_secrets(cls, auth: Mapping, provider: str | None = None) -> IdentityPolicy:
        """The policy of `provider` in secrets.toml's [auth] section (SECURITY.md).

        `allowed_issuer` (one or a list) names the issuers; without it, the issuer is
        the one `server_metadata_url` describes. `allowed_tenant` names the Entra ID
        tenant; without it, a tenant's own issuer names it. Nothing configured: no
        account is accepted.
        """
        named = auth.get(provider) if provider else None
        section = named if isinstance(named, Mapping) else auth
        allowed = section.get("allowed_issuer")
        if allowed:
            issuers = (allowed,) if isinstance(allowed, str) else tuple(allowed)
        else:
            url = str(section.get("server_metadata_url") or "")
            issuers = (url.removesuffix(WELL_KNOWN),) if url.endswith(WELL_KNOWN) else ()
        tenant = section.get("allowed_tenant")
        if not tenant:
            tenants = {m.group(1) for i in issuers if (m := _ENTRA_ISSUER.fullmatch(i))}
            tenant = tenants.pop() if len(tenants) == 1 else None
        return cls(tuple(str(i).rstrip("/") for i in issuers), tenant and str(tenant).lower())


def identity_of(claims: Mapping) -> tuple[str, str]:
    """The (issuer, subject) an account is bound by: Entra's tenant and object id, else
    `iss` and `sub`; an empty subject when the claims carry none."""
    tenant, oid = claims.get("tid"), claims.get("oid")
    if tenant and oid:
        return f"{ENTRA_TENANT}{str(tenant).lower()}", str(oid).lower()
    return str(claims.get("iss") or ""), str(claims.get("sub") or "")


def verified_address(claims: Mapping, policy: IdentityPolicy) -> str | None:
    """The address the provider vouches for (module docstring), or None."""
    if claims.get("email_verified") in (True, "true"):
        return claims.get("email") or None
    in_tenant = policy.tenant and str(claims.get("tid") or "").lower() == policy.tenant
    if in_tenant and "email_verified" not in claims:
        return claims.get("preferred_username") or claims.get("upn") or None
    return None


def user_for_identity(db: Database, claims: Mapping, policy: IdentityPolicy, now=None) -> dict:
    """The team member an organisation account signs in as, binding it on first use.

    `claims` is `st.user` as a dict. Raises IdentityRefused.
    """
    who = claims.get("email") or claims.get("preferred_username") or claims.get("sub")
    if str(claims.get("iss") or "").rstrip("/") not in policy.issuers:
        raise IdentityRefused("wrong_issuer", who)
    if policy.tenant and str(claims.get("tid") or "").lower() != policy.tenant:
        raise IdentityRefused("wrong_tenant", who)
    issuer, subject = identity_of(claims)
    if not subject:
        raise IdentityRefused("no_subject", who)
    bound = db.execute(
        "SELECT username FROM users WHERE identity_issuer = ? AND identity_subject = ?",
        [issuer, subject],
    ).fetchone()
    if bound:
        return _active(db, bound[0])
    address = verified_address(claims, policy)
    if not address:
        raise IdentityRefused("unverified", who)
    with immediate(db):
        # The team member whose username, or e-mail for single sign-on, is this address.
        row = db.execute(
            "SELECT username, identity_subject FROM users "
            "WHERE lower(username) = lower(?1) OR lower(email) = lower(?1) "
            "ORDER BY lower(username) = lower(?1) DESC LIMIT 1",
            [address.strip()],
        ).fetchone()
        if row is None:
            raise IdentityRefused("not_on_team", address)
        if row[1] is not None:
            raise IdentityRefused("bound_elsewhere", row[0])
        db["users"].update(
            row[0],
            {
                "identity_issuer": issuer,
                "identity_subject": subject,
                "identity_bound_at": to_db_time(now_utc() if now is None else now),
            },
        )
    return _active(db, row[0])


def _active(db: Database, username: str) -> dict:
    person = user(db, username)
    if person is None:
        raise IdentityRefused("deactivated", username)
    return person


def bindings(db: Database) -> dict[str, str]:
    """When each bound team member's organisation account was bound (UTC text), by username."""
    rows = db.execute(
        "SELECT username, identity_bound_at FROM users WHERE identity_subject IS NOT NULL"
    )
    return dict(rows.fetchall())


def unbind_identity(db: Database, actor: str, username: str) -> None:
    """Forget `username`'s organisation account (a lead only): their next verified sign-in
    binds again, e.g. after their account was recreated. Ends their open sessions."""
    require(db, actor, "identities")
    with immediate(db):
        db.execute(
            "UPDATE users SET identity_issuer = NULL, identity_subject = NULL, "
            "identity_bound_at = NULL, session_epoch = session_epoch + 1 WHERE username = ?",
            [username],
        )
