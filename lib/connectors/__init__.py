"""Connected accounts: comments pulled from Facebook, Instagram, YouTube and X, and the
decisions taken in Vigie carried there (`python -m lib sync`).

- `config`: the accounts and their tokens, from `.streamlit/secrets.toml` or `--config`;
- `http`: the HTTP client (httpx) and each platform's errors and limits;
- `limits`: quotas kept across runs (YouTube's day, X's fifteen minutes);
- `base`, `graph`, `youtube`, `x`: one connector per platform;
- `pushing`: the outbox carried out; `sync`: one run over every account.
"""

from lib.connectors.config import AccountConfig, ConfigProblem, Token, load_config
from lib.connectors.errors import PlatformError
from lib.connectors.sync import AccountReport, SyncReport, sync_account, sync_once

__all__ = [
    "AccountConfig",
    "AccountReport",
    "ConfigProblem",
    "PlatformError",
    "SyncReport",
    "Token",
    "load_config",
    "sync_account",
    "sync_once",
]
