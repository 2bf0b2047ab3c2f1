"""The demo generator: deterministic, realistic, and consistent with what `act` would write."""

import hashlib
import itertools
from contextlib import closing

import numpy as np
import pandas as pd
import pytest

from lib import chain
from lib.business_time import BusinessCalendar
from lib.chain import CHAIN_COLUMNS
from lib.db import open_db
from lib.demo import DemoError, generate
from lib.demo.arrivals import slices
from lib.moderation import status_after
from lib.queries import frame
from lib.taxonomy import HANDLING_KINDS
from tests.conftest import DEMO_NOW


def _digest(db) -> str:
    """A fingerprint of every row of the tables the demo writes (not the hash chain's
    columns: a note's salt is random, lib.chain)."""
    h = hashlib.sha256()
    for table in ("users", "comments", "actions"):
        skipped = {"password_hash", *CHAIN_COLUMNS}
        columns = [c for c in db[table].columns_dict if c not in skipped]
        for row in db.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid"):
            h.update(repr(row).encode())
    return h.hexdigest()


def _generated_digest(path, seed: int, **parts) -> str:
    with closing(open_db(path)) as db:
        generate(db, rows=800, seed=seed, now=DEMO_NOW, **parts)
        return _digest(db)


def test_the_same_seed_gives_the_same_database(tmp_path):
    a = _generated_digest(tmp_path / "a.db", seed=3)
    assert _generated_digest(tmp_path / "b.db", seed=3) == a
    assert _generated_digest(tmp_path / "c.db", seed=4) != a


def test_the_same_seed_in_the_same_parts_gives_the_same_database(tmp_path):
    a = _generated_digest(tmp_path / "a.db", seed=3, chunk_rows=200)
    assert _generated_digest(tmp_path / "b.db", seed=3, chunk_rows=200) == a


def test_the_demo_refuses_a_database_that_already_has_comments(tmp_path):
    with closing(open_db(tmp_path / "a.db")) as db:
        generate(db, rows=100, seed=1, now=DEMO_NOW)
        before = _digest(db)
        with pytest.raises(DemoError):
            generate(db, rows=100, seed=2, now=DEMO_NOW)
        assert _digest(db) == before


@pytest.mark.parametrize(
    ("rows", "days", "why"), [(0, 90, "rows"), (10, 0, "days"), (10, -3, "days")]
)
def test_the_demo_says_which_number_is_not_positive(tmp_path, rows, days, why):
    with closing(open_db(tmp_path / "a.db")) as db, pytest.raises(DemoError) as refused:
        generate(db, rows=rows, days=days, seed=1, now=DEMO_NOW)
    assert refused.value.describe("fr") == f"--{why} doit être un entier positif"
    assert refused.value.describe("en") == f"--{why} must be positive"


@pytest.fixture(scope="module")
def demo_in_parts(tmp_path_factory):
    """The shared demo's size and seed, written 500 comments at a time."""
    path = tmp_path_factory.mktemp("demo_in_parts") / "demo.db"
    with open_db(path) as db:
        generate(db, rows=3000, seed=7, now=DEMO_NOW, chunk_rows=500)
    return path


def test_a_demo_in_parts_has_contiguous_ids_and_one_post_per_account_and_day(demo_in_parts):
    with open_db(demo_in_parts) as db:
        comments = frame(db, "SELECT * FROM comments ORDER BY id")
        actions = frame(db, "SELECT id, comment_id FROM actions ORDER BY id")
        posts = frame(db, "SELECT * FROM posts", time_columns=("published_at",))
        assert chain.verify(db).intact
    assert comments["id"].tolist() == list(range(1, 3001))
    assert comments["external_id"].tolist() == [f"demo-{i:08d}" for i in range(1, 3001)]
    assert actions["id"].tolist() == list(range(1, len(actions) + 1))
    assert actions["comment_id"].is_monotonic_increasing
    # Each post is published a little before the first comment of its day, whichever part
    # that comment was written in.
    first = comments.groupby(["platform", "post_ref"])["received_at"].min()
    published = posts.set_index(["platform", "post_ref"])["published_at"]
    lead = first - published.reindex(first.index)
    assert lead.between(pd.Timedelta(minutes=5), pd.Timedelta(minutes=95)).all()


def test_a_demo_in_parts_reports_its_progress_part_by_part(tmp_path):
    done = []
    with closing(open_db(tmp_path / "a.db")) as db:
        summary = generate(
            db, rows=1000, seed=2, now=DEMO_NOW, chunk_rows=300, progress=lambda *a: done.append(a)
        )
    assert len(done) >= 3 and done[-1] == (1000, 1000) and summary.comments == 1000
    assert [d for d, _total in done] == sorted(d for d, _total in done)


def test_parts_of_a_demo_begin_at_local_midnight_and_share_out_every_row():
    end = DEMO_NOW.tz_convert("UTC")
    start = end - pd.Timedelta(days=365)
    cut = slices(np.random.default_rng(1), 100_000, start, end, chunk_rows=5_000)
    assert 18 <= len(cut) <= 22 and sum(part.rows for part in cut) == 100_000
    assert cut[0].start == start and cut[-1].end == end
    assert all(a.end == b.start for a, b in itertools.pairwise(cut))
    # Both clock changes of the year fall inside the span: midnight stays midnight.
    local = [part.start.tz_convert("America/Toronto") for part in cut[1:]]
    assert all((t.hour, t.minute, t.second) == (0, 0, 0) for t in local)
    assert all(4_000 <= part.rows <= 6_500 for part in cut[:-1])


@pytest.fixture(scope="module", params=["at once", "in parts"])
def demo(request, demo_template):
    path = demo_template if request.param == "at once" else request.getfixturevalue("demo_in_parts")
    with open_db(path) as db:
        comments = frame(db, "SELECT * FROM comments")
        actions = frame(db, "SELECT * FROM actions", time_columns=("at",))
        yield db, comments, actions


def test_about_one_comment_in_five_is_in_english(demo):
    _db, comments, _actions = demo
    assert 0.15 <= (comments["language"] == "en").mean() <= 0.25


def test_arrivals_cover_ninety_days_and_most_come_outside_office_hours(demo):
    _db, comments, _actions = demo
    received = comments["received_at"]
    assert received.max() <= DEMO_NOW
    assert (DEMO_NOW - received.min()).days == 89
    outside = ~BusinessCalendar().is_open(received)
    # Evenings and weekends are busy on social media: well over half arrive out of hours.
    assert 0.6 <= outside.mean() <= 0.85
    local = received.dt.tz_convert("America/Toronto")
    per_day = local.dt.date.value_counts()
    weekend = per_day[[d.weekday() >= 5 for d in per_day.index]].mean()
    weekday = per_day[[d.weekday() < 5 for d in per_day.index]].mean()
    assert weekend > weekday


def test_every_platform_of_the_design_but_other_appears(demo):
    _db, comments, _actions = demo
    assert set(comments["platform"]) == {"facebook", "instagram", "x", "youtube", "linkedin"}


def test_removals_carry_a_netiquette_reason_and_are_a_realistic_share(demo):
    _db, comments, actions = demo
    removals = actions[actions["kind"].isin(["hide", "delete"])]
    assert removals["reasons"].notna().all() and (removals["reasons"] != "").all()
    share = comments["status"].isin(["hidden", "deleted"]).mean()
    assert 0.1 <= share <= 0.3


def test_the_team_has_five_moderators_and_two_leads(demo):
    db, _comments, _actions = demo
    roles = [row["role"] for row in db["users"].rows]
    assert roles.count("moderator") == 5 and roles.count("lead") == 2


def test_history_is_consistent_with_what_act_would_have_written(demo):
    _db, comments, actions = demo
    counts = actions.groupby("comment_id").size()
    expected_version = 1 + counts.reindex(comments["id"], fill_value=0).to_numpy()
    assert (comments["version"].to_numpy() == expected_version).all()
    versions = actions.groupby("comment_id")["version"].apply(list)
    assert all(v == list(range(2, len(v) + 2)) for v in versions)
    handling = actions[actions["kind"].isin([*HANDLING_KINDS, "approve"])]
    first = handling.groupby("comment_id")["at"].min()
    handled = comments.set_index("id")["first_handled_at"].dropna()
    assert first.sort_index().equals(handled.sort_index().rename("at"))
    open_rows = comments["status"].isin(["new", "assigned", "awaiting_approval"])
    assert comments.loc[open_rows, "first_handled_at"].isna().all()
    approvals = actions[actions["kind"] == "approve"]
    leads = {"mlachance", "fbeaulieu"}
    assert set(approvals["actor"]) <= leads


def test_a_handled_comment_has_the_status_act_gives_after_its_handling_action(demo):
    _db, comments, actions = demo
    handling = actions[actions["kind"].isin([*HANDLING_KINDS, "approve"])]
    assert handling["comment_id"].is_unique
    templates = handling["template"].astype(object).where(handling["template"].notna(), None)
    expected = [status_after(k, t) for k, t in zip(handling["kind"], templates, strict=True)]
    status = comments.set_index("id")["status"]
    assert status.loc[handling["comment_id"]].tolist() == expected
    assert {"answered", "redirected", "hidden", "deleted", "no_reply_needed"} <= set(expected)
    # `prive` redirections, approved or not, hide the comment.
    private = handling.loc[handling["template"] == "prive", "comment_id"]
    assert len(private) and (status.loc[private] == "hidden").all()


def test_some_proposed_replies_are_sent_back_by_a_lead_with_a_note(demo):
    _db, _comments, actions = demo
    decisions = actions[actions["kind"].isin(["escalate", "approve", "reject"])]
    rejections = decisions[decisions["kind"] == "reject"]
    escalated = decisions.loc[decisions["kind"] == "escalate", "comment_id"].nunique()
    assert 0.05 <= rejections["comment_id"].nunique() / escalated <= 0.3
    assert set(rejections["actor"]) <= {"mlachance", "fbeaulieu"}
    assert rejections["note"].notna().all()
    # Each rejection answers an escalation, and whatever follows it starts with a new one.
    ordered = decisions.sort_values(["comment_id", "version"])
    before = ordered.groupby("comment_id")["kind"].shift(1)
    after = ordered.groupby("comment_id")["kind"].shift(-1)
    is_reject = ordered["kind"] == "reject"
    assert (before[is_reject] == "escalate").all()
    assert after[is_reject].dropna().eq("escalate").all()


def test_some_replies_are_late_and_most_are_on_time(demo):
    _db, comments, _actions = demo
    cal = BusinessCalendar()
    handled = comments.dropna(subset=["first_handled_at"])
    seconds = cal.elapsed(handled["received_at"], handled["first_handled_at"])
    late = (seconds > 8 * 3600).mean()
    assert 0.03 <= late <= 0.2


def test_demo_comments_have_due_dates_and_detected_flags(demo):
    _db, comments, _actions = demo
    assert comments["due_at"].notna().all()
    flags = comments["flags"].fillna("").str.split().explode()
    assert {"english", "question", "negative", "pii", "link"} <= set(flags)
    assert pd.Series(comments["external_id"]).is_unique


def test_the_demo_obeys_the_approval_rule_for_negative_comments(demo):
    db, comments, actions = demo
    roles = {row["username"]: row["role"] for row in db["users"].rows}
    negative = set(comments.loc[comments["flags"].fillna("").str.contains("negative"), "id"])
    assert negative, "the demo has negative comments"
    published = actions[actions["kind"].isin(["reply", "redirect"])]
    by_moderator = published[published["actor"].map(roles) == "moderator"]
    # A moderator never publishes on a negative comment: it is escalated, then approved.
    assert not set(by_moderator["comment_id"]) & negative
    escalations = actions[actions["kind"] == "escalate"]
    assert set(escalations["actor"].map(roles)) == {"moderator"}
    approvals = actions[actions["kind"] == "approve"]
    assert set(approvals["comment_id"]) <= set(escalations["comment_id"])
    for comment_id, history in actions[actions["comment_id"].isin(approvals["comment_id"])].groupby(
        "comment_id"
    ):
        kinds = list(history.sort_values("version")["kind"])
        assert kinds.index("escalate") < kinds.index("approve"), comment_id


def test_the_demo_has_every_redirection_and_comments_awaiting_approval(demo):
    _db, comments, actions = demo
    templates = set(actions.loc[actions["kind"].isin(["redirect", "approve"]), "template"].dropna())
    assert templates == {"dossier", "plainte", "medical", "prive"}
    assert (comments["status"] == "awaiting_approval").sum() > 0


def test_demo_texts_are_grammatical_and_varied(demo):
    _db, comments, _actions = demo
    texts = comments["text"]
    assert not texts.str.contains(r"\b(?:à le|à les|de le|de les)\b", regex=True).any()
    assert texts.nunique() > len(texts) / 10
    # Invented personal data varies from one comment to the next.
    phones = texts.str.extract(r"(\d{3}[ .-]?555[ .-]?\d{4})")[0].dropna()
    assert phones.nunique() > 1
