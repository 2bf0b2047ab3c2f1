"""`python -m lib retention [--apply]` and `python -m lib verify`: the records' commands."""

from __future__ import annotations

import sys

from lib.auth import SERVER_OPERATOR
from lib.chain import started, verify
from lib.cli import TIMES_HELP, CommandError, as_lead, existing_db, instant
from lib.i18n import t
from lib.records import retention
from lib.times import local


class ChainBroken(CommandError):
    """`verify` found a bad row: exit 1 (a finding, not a bad input), naming it."""

    KEY = "records.verify"
    exit_code = 1


def add_parsers(commands) -> list:
    """Add the commands to `python -m lib`'s subcommands; returns the parsers that take --db."""
    keeping = commands.add_parser(
        "retention",
        help="list, then with --apply anonymise, the closed comments whose retention is over",
        description="Lists what the retention rules (Registres › Conservation) would anonymise "
        "now, and changes nothing; --apply anonymises it and writes the destruction log.",
        epilog=TIMES_HELP,
    )
    keeping.add_argument("--apply", action="store_true", help="anonymise what is listed")
    keeping.add_argument("--now", help="the instant to judge at (default: now)")
    keeping.add_argument("--as", dest="actor", help="the lead running it (default: the server)")
    keeping.set_defaults(run=_retention)
    checking = commands.add_parser(
        "verify",
        help="check the history's hash chain; exit 1 naming the first bad row",
    )
    checking.set_defaults(run=_verify)
    return [keeping, checking]


def _retention(args) -> str:
    now = instant(args.now)
    with existing_db(args) as db:
        actor = str(SERVER_OPERATOR)  # the server's operator, or cron
        if args.actor:
            as_lead(db, args.actor, "retention", "records")
            actor = args.actor
        if args.apply:
            run = retention.apply(db, actor, now=now)
            return t("records.cli.applied", "fr", **_counts(run))
        due = retention.review(db, now=now)
        for row in due.itertuples():
            print(_line(row))
        return t("records.cli.listed", "fr", **_counts(retention.plan(due)))


def _counts(run: retention.RetentionRun) -> dict:
    return {"count": run.count, "held": run.held, "sending": run.sending}


def _line(row) -> str:
    """One comment the schedule lets go: no content, only what identifies the record."""
    kept = "held" if row.held else "sending" if row.sending else None
    return t(
        "records.cli.row",
        "fr",
        comment=row.comment_id,
        platform=row.platform,
        account=row.account or "",
        closed=local(row.closed_at).strftime("%Y-%m-%d"),
        rule=retention.rule_label(row.rule, row.months),
        kept=t(f"records.cli.kept.{kept}", "fr") if kept else "",
    ).rstrip()


def _verify(args) -> str:
    with existing_db(args) as db:
        report = verify(db, progress=_checked)
        began, before = started(db)
    if report.bad is not None:
        raise ChainBroken(report.bad.problem, table=report.bad.table, row=report.bad.row_id)
    return t(
        "records.verify.intact_sealed" if before else "records.verify.intact",
        "fr",
        rows=sum(report.rows.values()),
        tables=len(report.rows),
        started=local(began).strftime("%Y-%m-%d %H:%M") if began else "",
        before=before,
    )


def _checked(table: str, rows: int) -> None:
    """Progress on standard error: a large history takes a while, and the summary is one line."""
    print(t("records.verify.progress", "fr", table=table, rows=rows), file=sys.stderr)
