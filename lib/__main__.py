"""Vigie's command line: `python -m lib demo | import FILE | export KIND`, for scheduled jobs.

Each command prints a one-line summary and exits 0, or prints a one-line
reason on standard error and exits non-zero, leaving the database as it was.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

import pandas as pd

from lib.db import db_path, open_db

EXIT_BAD_INPUT = 2


class CommandError(Exception):
    """A bad input, reported in one line."""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        summary = args.run(args)
    except CommandError as error:
        print(f"vigie: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(summary)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m lib", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    demo = commands.add_parser("demo", help="fill a database with realistic demo data")
    demo.add_argument("--rows", type=int, default=20_000)
    demo.add_argument("--seed", type=int, default=42)
    demo.add_argument("--now", help="the instant the demo ends (ISO 8601); default the present")
    demo.set_defaults(run=_demo)

    imp = commands.add_parser("import", help="import comments from a CSV or platform JSON file")
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--format", default="auto", choices=("auto", "csv", "facebook", "instagram", "youtube", "x")
    )
    imp.set_defaults(run=_import)

    exp = commands.add_parser("export", help="write a CSV report")
    exp.add_argument("kind", choices=("queue", "compliance", "daily", "reasons"))
    exp.add_argument("--from", dest="start", type=date.fromisoformat)
    exp.add_argument("--to", dest="end", type=date.fromisoformat)
    exp.add_argument("--out", type=Path)
    exp.add_argument("--delimiter", default=";", choices=(";", ","))
    exp.add_argument("--unmask", action="store_true", help="keep personal information (a lead)")
    exp.add_argument("--as", dest="actor", help="who asks for the export (required with --unmask)")
    exp.add_argument("--now", help="the instant states are computed at (ISO 8601)")
    exp.set_defaults(run=_export)

    pwd = commands.add_parser("password", help="set a team member's local password")
    pwd.add_argument("username")
    pwd.set_defaults(run=_password)

    for sub in (demo, imp, exp, pwd):
        sub.add_argument("--db", type=Path, default=None, help="database file (default VIGIE_DB)")
    return parser


def _instant(text: str | None) -> pd.Timestamp | None:
    if text is None:
        return None
    try:
        ts = pd.Timestamp(text)
    except ValueError as error:
        raise CommandError(f"--now illisible / unreadable: {text!r}") from error
    return ts.tz_localize("America/Toronto") if ts.tzinfo is None else ts


def _demo(args) -> str:
    from lib.demo import DemoError, generate

    path = args.db or db_path()
    started = time.perf_counter()
    try:
        summary = generate(open_db(path), rows=args.rows, seed=args.seed, now=_instant(args.now))
    except DemoError as error:
        raise CommandError(str(error)) from error
    seconds = time.perf_counter() - started
    return (
        f"demo: {summary.comments} commentaires, {summary.actions} actions, "
        f"{summary.users} personnes dans {path} ({seconds:.1f} s)"
    )


def _import(args) -> str:
    from lib.importers import BadImportFile, import_file

    if not args.file.is_file():
        raise CommandError(f"fichier introuvable / file not found: {args.file}")
    db = open_db(args.db or db_path())
    try:
        summary = import_file(db, args.file.read_bytes(), args.file.name, fmt=args.format)
    except BadImportFile as error:
        raise CommandError(str(error)) from error
    return (
        f"import: {summary.added} ajoutés, {summary.already_present} déjà présents "
        f"({summary.format}, {args.file.name})"
    )


def _export(args) -> str:
    from lib.auth import PermissionDenied, require_lead
    from lib.reports import export, export_filename

    db = open_db(args.db or db_path())
    if args.unmask:
        try:
            require_lead(db, args.actor, "unmask")
        except PermissionDenied as error:
            raise CommandError(str(error)) from error
    now = _instant(args.now) or pd.Timestamp.now(tz="UTC")
    today = now.tz_convert("America/Toronto").date()
    end = args.end or today
    start = args.start or end.replace(day=1)
    if start > end:
        raise CommandError(f"--from {start} est après --to {end} / is after --to")
    data = export(db, args.kind, start, end, now=now, delimiter=args.delimiter, unmask=args.unmask)
    out = args.out or Path(export_filename(args.kind, start, end))
    try:
        out.write_bytes(data)
    except OSError as error:
        raise CommandError(f"écriture impossible / cannot write {out}: {error.strerror}") from error
    return f"export {args.kind}: {out} ({len(data)} octets, {start} → {end})"


def _password(args) -> str:
    import getpass

    from lib.auth import set_password

    db = open_db(args.db or db_path())
    first = getpass.getpass("Nouveau mot de passe / New password: ")
    if first != getpass.getpass("Encore / Again: "):
        raise CommandError("les mots de passe diffèrent / passwords differ")
    try:
        set_password(db, args.username, first)
    except ValueError as error:
        raise CommandError(str(error)) from None
    return f"mot de passe enregistré / password set: {args.username}"


if __name__ == "__main__":
    sys.exit(main())
