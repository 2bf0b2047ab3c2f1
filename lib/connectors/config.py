"""Connected accounts as the server's configuration names them: `[connectors.KEY]` in
`.streamlit/secrets.toml`, or a TOML file given with `--config`. Tokens live only here:
never in the database, a log, a message or an export.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "secrets.toml"
>>> _ = path.write_text('[connectors.ville_fb]\\nplatform = "facebook"\\npage_id = "1001"\\n'
...                     'token = "EAAB-not-real"\\n')
>>> accounts, problems = load_config(path)
>>> accounts[0].key, accounts[0].platform_id, repr(accounts[0].token), problems
('ville_fb', '1001', 'Token(…)', [])
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from lib.accounts import MODES, AccountRefused, check_account
from lib.db import PROJECT_DIR
from lib.i18n import Worded
from lib.platforms import ID_FIELDS, platform_name
from lib.secrets import Token

DEFAULT_CONFIG = PROJECT_DIR / ".streamlit" / "secrets.toml"
# Where each platform's API answers, unless an account gives its own `base_url`.
BASE_URLS = {
    "facebook": "https://graph.facebook.com/v21.0",
    "instagram": "https://graph.facebook.com/v21.0",
    "youtube": "https://www.googleapis.com/youtube/v3",
    "x": "https://api.x.com/2",
}
DEFAULT_TIMEOUT_SECONDS = 10.0
YOUTUBE_DAILY_UNITS = 10_000


@dataclass(frozen=True)
class AccountConfig:
    key: str
    platform: str
    platform_id: str
    token: Token | None
    name: str = ""
    mode: str = "sync"
    base_url: str = ""
    timeout: float = DEFAULT_TIMEOUT_SECONDS
    daily_units: int = YOUTUBE_DAILY_UNITS

    @property
    def url(self) -> str:
        return (self.base_url or BASE_URLS[self.platform]).rstrip("/")


class ConfigProblem(Worded, ValueError):
    """An account the configuration cannot connect: `config.error.<code>`."""

    KEY = "config.error"


def load_config(path: Path | str | None = None) -> tuple[list[AccountConfig], list[ConfigProblem]]:
    """The accounts of `[connectors]` and, for each entry that cannot be used, its problem.

    A missing default file means no connected account; a file given by name must exist.
    One bad entry never keeps the others from working.
    """
    given = path is not None
    path = Path(path) if given else DEFAULT_CONFIG
    if not path.is_file():
        if given:
            raise ConfigProblem("file_not_found", path=str(path))
        return [], []
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        # TOMLDecodeError names the line and column, never a value.
        raise ConfigProblem("unreadable", path=str(path), error=str(error)) from None
    section = document.get("connectors", {})
    if not isinstance(section, dict):
        raise ConfigProblem("not_a_table", table="connectors")
    accounts, problems = [], []
    for key, entry in section.items():
        try:
            accounts.append(_account(key, entry))
        except ConfigProblem as problem:
            problems.append(problem)
    return accounts, problems


def _account(key: str, entry) -> AccountConfig:
    if not isinstance(entry, dict):
        raise ConfigProblem("not_a_table", table=f"connectors.{key}")
    platform = str(entry.get("platform", "")).strip().lower()
    if platform not in BASE_URLS:
        raise ConfigProblem("unknown_platform", account=key, known=", ".join(BASE_URLS))
    field = ID_FIELDS[platform]
    platform_id = str(entry.get(field, "")).strip()
    mode = str(entry.get("mode", "sync"))
    token = entry.get("token")
    if not platform_id:
        raise ConfigProblem(
            "missing_id", account=key, field=field, platform=platform_name(platform)
        )
    if mode not in MODES:
        raise ConfigProblem("bad_mode", account=key, known=", ".join(MODES))
    if mode == "sync" and not (isinstance(token, str) and token.strip()):
        raise ConfigProblem("missing_token", account=key)
    base_url = str(entry.get("base_url", ""))
    if base_url and (
        urlsplit(base_url).scheme not in ("http", "https") or not urlsplit(base_url).netloc
    ):
        raise ConfigProblem("bad_base_url", account=key)
    name = str(entry.get("name", "")) or key
    try:
        check_account(key, platform, name, platform_id, mode)
    except AccountRefused as refusal:
        words = {lang: refusal.describe(lang) for lang in ("fr", "en")}
        raise ConfigProblem("refused", account=key, reason=words) from None
    return AccountConfig(
        key=key,
        platform=platform,
        platform_id=platform_id,
        token=Token(token.strip()) if isinstance(token, str) and token.strip() else None,
        name=name,
        mode=mode,
        base_url=base_url,
        timeout=float(entry.get("timeout", DEFAULT_TIMEOUT_SECONDS)),
        daily_units=int(entry.get("daily_units", YOUTUBE_DAILY_UNITS)),
    )
