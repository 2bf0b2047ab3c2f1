"""`python -m lib backup --to FILE`: a consistent, verified copy while others write."""

from __future__ import annotations

from pathlib import Path

from lib.auth import SERVER_OPERATOR
from lib.cli import CommandError, existing_db
from lib.i18n import t
from lib.records.backup import BackupRefused, backup


def add_parser(commands) -> list:
    """Add the command to `python -m lib`'s subcommands; returns the parsers that take --db."""
    parser = commands.add_parser(
        "backup",
        help="copy the database while the app and the sync worker keep writing, and verify it",
        description="Copy the database with SQLite's online backup, check the copy "
        "(integrity_check, then the history's chain, as `verify`), and only then put it at "
        "FILE, as one self-contained file. A failed attempt leaves no file behind. Every "
        "attempt is recorded in the database; a lead sees the last good one in Paramètres.",
    )
    parser.add_argument("--to", dest="target", type=Path, required=True, metavar="FILE")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.set_defaults(run=run)
    return [parser]


def run(args) -> str:
    with existing_db(args) as db:
        try:
            report = backup(db, args.target, SERVER_OPERATOR, overwrite=args.force)
        except BackupRefused as refusal:
            raise CommandError.of(refusal) from None
    if not report.ok:
        raise CommandError.of(report.refusal)
    return t("backups.done", "fr", path=report.target, size=report.bytes, rows=report.rows)
