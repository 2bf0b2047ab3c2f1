"""Vigie's command line: `python -m lib init | team | demo | import | export | password | sync |
notify | retention | verify | backup`.

Each command prints a one-line summary and exits 0, or prints a one-line
reason on standard error and exits non-zero, leaving the database as it was.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path

from lib.auth import (
    SERVER_OPERATOR,
    PasswordRefused,
    PermissionDenied,
    has_password,
    set_password,
    team_accounts,
    user,
)
from lib.cli import (
    EXIT_BAD_INPUT,
    PASSWORD_VARIABLE,
    TIMES_HELP,
    CommandError,
    as_lead,
    existing_db,
    given_password,
    instant,
)
from lib.cli import backup as backup_command
from lib.cli import records as records_commands
from lib.connectors import ConfigProblem
from lib.connectors import command as sync_command
from lib.db import ROLES, db_path, open_db
from lib.demo import DemoError, generate
from lib.i18n import both, t
from lib.importers import BadImportFile, import_file
from lib.notify.command import cycle as notify_cycle
from lib.presets import PRESET_NAMES, UnknownPreset, preset
from lib.reports import SNAPSHOT_KINDS, export_filename, snapshot_time, write_export
from lib.settings import SettingsError
from lib.team import (
    TeamRefused,
    add_member,
    change_role,
    create_team_database,
    deactivate,
    reactivate,
    unused_database,
)
from lib.times import local_today, now_utc


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        summary = args.run(args)
    except CommandError as error:
        print(f"vigie: {error}", file=sys.stderr)
        return getattr(error, "exit_code", EXIT_BAD_INPUT)
    except sqlite3.Error as error:
        # A locked, damaged or foreign file: one line, never a traceback.
        path = args.db or db_path()
        print(f"vigie: {both('cli.error.database', path=path, error=error)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(summary)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m lib", description=__doc__.splitlines()[0], epilog=TIMES_HELP
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    demo = commands.add_parser(
        "demo",
        help="fill a database with realistic demo data (creates the file if needed)",
        epilog=TIMES_HELP,
    )
    demo.add_argument("--rows", type=int, default=20_000)
    demo.add_argument("--seed", type=int, default=42)
    demo.add_argument("--days", type=int, default=90, help="how many days the comments span")
    demo.add_argument(
        "--now", help="the instant the demo ends (local time unless an offset is given)"
    )
    demo.set_defaults(run=_demo)

    imp = commands.add_parser("import", help="import comments from a CSV or platform JSON file")
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--format", default="auto", choices=("auto", "csv", "facebook", "instagram", "youtube", "x")
    )
    imp.set_defaults(run=_import)

    exp = commands.add_parser("export", help="write a CSV report", epilog=TIMES_HELP)
    exp.add_argument("kind", choices=("queue", "compliance", "daily", "reasons"))
    exp.add_argument("--from", dest="start", type=date.fromisoformat, help="not for queue")
    exp.add_argument("--to", dest="end", type=date.fromisoformat, help="not for queue")
    exp.add_argument("--out", type=Path)
    exp.add_argument("--delimiter", default=";", choices=(";", ","))
    exp.add_argument(
        "--unmask",
        action="store_true",
        help=f"keep personal information: needs --as LEAD and that lead's password "
        f"(asked on the terminal, or in {PASSWORD_VARIABLE}); recorded in the history",
    )
    exp.add_argument("--as", dest="actor", help="the lead asking for --unmask")
    exp.add_argument(
        "--now",
        help="the instant states are computed at, the queue's snapshot time "
        "(local time unless an offset is given); default the present",
    )
    exp.set_defaults(run=_export)

    pwd = commands.add_parser(
        "password",
        help="set a team member's local password",
        description="Set a team member's local password. Replacing an existing password needs "
        f"a lead's credentials (--as LEAD; the password is asked on the terminal or read from "
        f"{PASSWORD_VARIABLE}); a first password, for an account that has none, needs none.",
    )
    pwd.add_argument("username")
    pwd.add_argument("--as", dest="actor", help="the lead allowing an existing password's reset")
    pwd.set_defaults(run=_password)

    init = commands.add_parser(
        "init",
        help="create an empty database for a real team, with its first lead",
        description="Create an empty Vigie database: its schema, the settings of a policy "
        "preset, and one team lead whose password is asked on the terminal (or read from "
        f"{PASSWORD_VARIABLE}). An existing file is never touched, unless it is a Vigie database "
        "nobody has used yet (no member, no comment), as the app makes on a new path.",
    )
    init.add_argument("--lead", required=True, metavar="USERNAME")
    init.add_argument("--name", required=True, help="the lead's display name")
    init.add_argument("--email", help="the lead's organisation address, for single sign-on")
    init.add_argument(
        "--policy", default="general", metavar="PRESET", help=f"one of {', '.join(PRESET_NAMES)}"
    )
    init.add_argument("--org", help="the organisation's name (default: the preset's)")
    init.set_defaults(run=_init)

    team = commands.add_parser(
        "team",
        help="list the team, or change it (--as LEAD)",
        description="Team administration. Changes need --as LEAD, proven by the lead's "
        f"password (asked on the terminal, or read from {PASSWORD_VARIABLE}), and are recorded "
        "in the settings history.",
    )
    changes = team.add_subparsers(required=True, metavar="CHANGE")
    listing = changes.add_parser("list", help="everyone on the team, the active first")
    listing.set_defaults(run=_team_list)
    add = changes.add_parser("add", help="add a member")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="display name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--email", help="organisation address, for single sign-on")
    role = changes.add_parser("role", help="make a member a moderator or a lead")
    role.add_argument("username")
    role.add_argument("role", choices=ROLES)
    deactivating = changes.add_parser(
        "deactivate", help="withdraw a member: never deleted, their work is kept"
    )
    reactivating = changes.add_parser("reactivate", help="let a deactivated member back in")
    for name, sub in (("add", add), ("role", role), ("deactivate", deactivating),
                      ("reactivate", reactivating)):  # fmt: skip
        if name in ("deactivate", "reactivate"):
            sub.add_argument("username")
        sub.add_argument("--as", dest="actor", help="the lead making the change")
        sub.set_defaults(run=_team_change, change=name)
    team_parsers = (team, listing, add, role, deactivating, reactivating)

    sync = commands.add_parser(
        "sync",
        help="pull comments from the connected accounts and carry decisions to the platforms",
        description="Connected accounts are read from .streamlit/secrets.toml ([connectors.KEY]) "
        "or the TOML file given with --config; see the README, « Comptes connectés ».",
    )
    how_often = sync.add_mutually_exclusive_group(required=True)
    how_often.add_argument("--once", action="store_true", help="one run, then stop")
    how_often.add_argument("--every", type=float, metavar="SECONDS", help="a run every SECONDS")
    sync.add_argument("--config", type=Path, help="a TOML file with [connectors.KEY] tables")
    sync.set_defaults(run=_sync)

    notify = commands.add_parser(
        "notify",
        help="send the alerts, escalations, spike alert and digest owed now",
        description="SMTP from [smtp] in .streamlit/secrets.toml (or VIGIE_SMTP_HOST and "
        "VIGIE_SMTP_PORT), webhooks from [alerts]; see the README, « Alertes ».",
        epilog=TIMES_HELP,
    )
    notify.add_argument("--once", action="store_true", required=True, help="one cycle, for cron")
    notify.add_argument("--config", type=Path, help="a TOML file with [smtp] and [alerts]")
    notify.add_argument("--now", help="the instant to act at (default: now)")
    notify.set_defaults(run=_notify)

    records = [*records_commands.add_parsers(commands), *backup_command.add_parser(commands)]
    for sub in (demo, imp, exp, pwd, init, sync, notify, *team_parsers, *records):
        sub.add_argument("--db", type=Path, default=None, help="database file (default VIGIE_DB)")
    return parser


def _sync(args) -> str:
    if args.every is not None and args.every < 1:
        raise CommandError("sync_every_too_short")
    path = args.db or db_path()
    with existing_db(args):
        pass  # a missing or foreign file is refused before any platform is called
    try:
        return sync_command.run(path, args.config, args.every, say=print)
    except ConfigProblem as problem:
        raise CommandError.of(problem) from None
    except KeyboardInterrupt:
        return t("cli.done.sync_stopped", "fr")


def _notify(args) -> str:
    now = instant(args.now)
    with existing_db(args) as db:
        return notify_cycle(db, args.config, now)


def _demo(args) -> str:
    path = args.db or db_path()
    started = time.perf_counter()
    try:
        with open_db(path) as db:
            summary = generate(
                db,
                rows=args.rows,
                seed=args.seed,
                now=instant(args.now),
                days=args.days,
                progress=_demo_progress(started),
            )
    except DemoError as error:
        raise CommandError.of(error) from error
    return t(
        "cli.done.demo",
        "fr",
        comments=summary.comments,
        actions=summary.actions,
        users=summary.users,
        path=path,
        seconds=f"{time.perf_counter() - started:.1f}",
    )


def _demo_progress(started: float, every_seconds: float = 5):
    """A long demo says how far it is on stderr, a line every few seconds at most."""
    said = [started]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - said[0] >= every_seconds:
            said[0] = now
            seconds = f"{now - started:.0f}"
            print(t("cli.progress.demo", "fr", done=done, total=total, seconds=seconds),
                  file=sys.stderr)  # fmt: skip

    return progress


def _import(args) -> str:
    if not args.file.is_file():
        raise CommandError("file_not_found", path=args.file)
    try:
        with existing_db(args) as db:
            summary = import_file(db, args.file.read_bytes(), args.file.name, fmt=args.format)
    except BadImportFile as error:
        raise CommandError.of(error, "import_refused") from error
    ambiguous = summary.ambiguous_times
    return t(
        "cli.done.import",
        "fr",
        added=summary.added,
        present=summary.already_present,
        format=summary.format,
        name=args.file.name,
        ambiguous=t("cli.done.ambiguous", "fr", count=ambiguous) if ambiguous else "",
    )


def _export(args) -> str:
    snapshot = args.kind in SNAPSHOT_KINDS
    if snapshot and (args.start or args.end):
        raise CommandError("snapshot_has_no_range", kind=args.kind)
    now = instant(args.now) or now_utc()
    end = args.end or local_today(now)
    start = args.start or end.replace(day=1)
    if start > end:
        raise CommandError("range_reversed", start=start, end=end)
    out = args.out or Path(export_filename(args.kind, start, end, now))
    # Written beside the target and renamed at the end: a failure leaves no half a file.
    partial = out.with_name(f".{out.name}.{os.getpid()}.part")
    try:
        with existing_db(args) as db:
            if args.unmask:
                as_lead(db, args.actor, "--unmask", "unmask")
            with partial.open("xb") as file:
                write_export(
                    db,
                    file,
                    args.kind,
                    start,
                    end,
                    now=now,
                    delimiter=args.delimiter,
                    unmask=args.unmask,
                    actor=args.actor,
                    lead=bool(args.unmask),  # --unmask proved --as is a lead
                )
                size = file.tell()
        partial.replace(out)
    except OSError as error:
        raise CommandError("cannot_write", path=out, reason=error.strerror) from error
    finally:
        partial.unlink(missing_ok=True)
    when = t("cli.done.snapshot", "fr", at=snapshot_time(now)) if snapshot else f"{start} → {end}"
    return t(
        "cli.done.export",
        "fr",
        kind=args.kind,
        path=out,
        size=size,
        when=when,
        masked=t("cli.done.unmasked", "fr") if args.unmask else "",
    )


def _init(args) -> str:
    path = args.db or db_path()
    if path.exists() and not unused_database(path):  # before asking for a password
        raise CommandError.of(TeamRefused("database_exists", path=path))
    try:
        preset(args.policy)  # before asking for a password
    except UnknownPreset as error:
        raise CommandError.of(error) from None
    password = given_password("init", args.lead, _new_password)
    try:
        lead = create_team_database(
            path, args.lead, args.name, password, args.email, args.policy, args.org
        )
    except (TeamRefused, UnknownPreset, PasswordRefused, SettingsError) as error:
        raise CommandError.of(error) from None
    return t("cli.done.init", "fr", path=path, lead=lead["username"], policy=args.policy)


def _team_list(args) -> str:
    with existing_db(args) as db:
        people = team_accounts(db)
    lines = [
        "\t".join(
            (
                p["username"],
                p["display_name"],
                p["role"],
                p["email"] or "-",
                t("cli.team.active" if p["active"] else "cli.team.inactive", "fr"),
            )
        )
        for p in people
    ]
    return "\n".join([*lines, t("cli.done.team_list", "fr", count=len(people))])


def _team_change(args) -> str:
    """`team add | role | deactivate | reactivate`, once --as is proven a lead."""
    with existing_db(args) as db:
        as_lead(db, args.actor, f"team {args.change}", "team")
        lead, username = args.actor, args.username
        try:
            if args.change == "add":
                add_member(db, lead, username, args.name, args.role, args.email)
            elif args.change == "role":
                change_role(db, lead, username, args.role)
            elif args.change == "deactivate":
                returned = deactivate(db, lead, username)
                return t("cli.done.team_deactivate", "fr", username=username, count=returned)
            else:
                reactivate(db, lead, username)
        except (TeamRefused, PermissionDenied) as error:
            raise CommandError.of(error) from None
    return t(f"cli.done.team_{args.change}", "fr", username=username)


def _new_password() -> str:
    """A new password typed twice, without echo, for `password` and `init`."""
    first = getpass.getpass(both("cli.prompt.new_password") + ": ")
    if first != getpass.getpass(both("cli.prompt.again") + ": "):
        raise CommandError("passwords_differ")
    return first


def _password(args) -> str:
    with existing_db(args) as db:
        if user(db, args.username) is None:
            raise CommandError.of(PasswordRefused("unknown_person", who=repr(args.username)))
        # Whoever runs the command line may give a first password (SECURITY.md); replacing
        # one takes a lead, proven by their own password.
        actor = SERVER_OPERATOR
        if has_password(db, args.username):
            if not args.actor:
                raise CommandError("has_password", username=args.username)
            as_lead(db, args.actor, "password", "passwords")
            actor = args.actor
        first = _new_password()
        try:
            set_password(db, actor, args.username, first)
        except (PasswordRefused, PermissionDenied) as error:
            raise CommandError.of(error) from None
    return t("cli.done.password", "fr", username=args.username)


if __name__ == "__main__":
    sys.exit(main())
