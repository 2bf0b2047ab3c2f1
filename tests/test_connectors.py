"""The sync process against the platforms' APIs, served for real on localhost (tests/platforms):
pulling, pushing, and what happens when the network or a platform fails."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.accounts import account, set_paused
from lib.connectors import AccountConfig, Token, sync_once
from lib.connectors.pushing import MAX_ATTEMPTS
from lib.db import open_db
from lib.moderation import act, history
from lib.outbox import outcomes
from lib.settings import exclude_author
from tests.platforms.fake_server import FakePlatforms

NOW = datetime.now(UTC)
TOKENS = {"fb": "EAAB-fb-not-real", "ig": "EAAB-ig-not-real", "yt": "ya29-yt", "xx": "x-bearer"}


@pytest.fixture
def server():
    with FakePlatforms() as fake:
        yield seeded(fake)


def seeded(fake: FakePlatforms) -> FakePlatforms:
    """Two Facebook comments, one on each other platform; the accounts' own posts."""
    fake.add_facebook_page("1001", "Ville de Lévis-Nord", TOKENS["fb"])
    fake.add_facebook_post("1001", "1001_1", "Travaux rue Principale", NOW - timedelta(days=2))
    fake.add_facebook_comment(
        "1001_1", "1001_1_c1", "Quand finissent les travaux?", NOW - timedelta(hours=3),
        "u1", "Ana Citoyenne",
    )  # fmt: skip
    fake.add_facebook_comment(
        "1001_1", "1001_1_c2", "Achetez des lunettes ici", NOW - timedelta(hours=2),
        "u2", "Promo Lunettes",
    )  # fmt: skip
    fake.add_instagram_account("ig1", "villelevisnord", TOKENS["ig"])
    fake.add_instagram_media("ig1", "m1", "Le parc en hiver", NOW - timedelta(days=1))
    fake.add_instagram_comment("m1", "igc1", "Magnifique!", NOW - timedelta(hours=4), "marie")
    fake.add_youtube_channel("UC1", "Ville de Lévis-Nord", TOKENS["yt"])
    fake.add_youtube_video("UC1", "v1", "Conseil municipal")
    fake.add_youtube_comment(
        "v1", "ytc1", "Merci pour la diffusion", NOW - timedelta(hours=5), "UCpaul", "Paul"
    )
    fake.add_x_user("55", "villelevisnord", "Ville", TOKENS["xx"])
    fake.add_x_user("66", "jo_q", "Jo", None)
    fake.add_x_tweet("100", "55", "Collecte des sapins lundi", NOW - timedelta(days=1))
    fake.add_x_tweet(
        "101", "66", "@villelevisnord merci pour l'info", NOW - timedelta(hours=1),
        conversation_id="100", in_reply_to_user_id="55",
    )  # fmt: skip
    return fake


def later(**delta) -> datetime:
    """An instant after now: NOW is read when the module is collected, minutes earlier."""
    return datetime.now(UTC) + timedelta(**delta)


def configs(server, timeout=5.0, **changes):
    urls = {"facebook": server.graph_url, "instagram": server.graph_url}
    urls |= {"youtube": server.youtube_url, "x": server.x_url}
    accounts = [
        ("fb", "facebook", "1001"),
        ("ig", "instagram", "ig1"),
        ("yt", "youtube", "UC1"),
        ("xx", "x", "55"),
    ]
    return [
        AccountConfig(
            key,
            platform,
            platform_id,
            Token(TOKENS[key]),
            name=f"Ville ({platform})",
            base_url=urls[platform],
            timeout=timeout,
            **changes.get(key, {}),
        )  # fmt: skip
        for key, platform, platform_id in accounts
    ]


def comment_id(db, external_id):
    return db.execute("SELECT id FROM comments WHERE external_id = ?", [external_id]).fetchone()[0]


def states(db, external_id):
    return [(o["operation"], o["state"]) for o in outcomes(db, comment_id(db, external_id))]


def test_a_first_sync_pulls_every_account_with_its_permalink_and_registers_it(team_db, server):
    report = sync_once(team_db, configs(server))
    assert [(a.key, a.added, a.problem) for a in report.accounts] == [
        ("fb", 2, None),
        ("ig", 1, None),
        ("yt", 1, None),
        ("xx", 1, None),
    ]
    rows = team_db.execute(
        "SELECT external_id, account, permalink, author_name FROM comments ORDER BY external_id"
    ).fetchall()
    post = "https://www.facebook.com/1001/posts/1/?comment_id="
    assert rows == [
        ("1001_1_c1", "fb", post + "c1", "Ana Citoyenne"),
        ("1001_1_c2", "fb", post + "c2", "Promo Lunettes"),
        ("101", "xx", "https://x.com/i/web/status/101", "Jo"),
        ("igc1", "ig", "https://www.instagram.com/p/m1/", "marie"),
        ("ytc1", "yt", "https://www.youtube.com/watch?v=v1&lc=ytc1", "Paul"),
    ]  # fmt: skip
    # Registered from the configuration alone, by the sync process.
    assert account(team_db, "yt")["registered_by"] == "config"
    # The comments went through the importer: detection and due time are there.
    assert team_db.execute("SELECT count(*) FROM comments WHERE due_at IS NULL").fetchone()[0] == 0


def test_a_second_sync_adds_only_what_is_new_and_skips_the_organisations_own_replies(
    team_db, server
):
    sync_once(team_db, configs(server))
    server.add_facebook_comment(
        "1001_1", "1001_1_c3", "Et le stationnement?", NOW - timedelta(minutes=5), "u3", "Léo"
    )
    server.add_facebook_comment(
        "1001_1", "1001_1_r1", "Jusqu'au 15.", NOW - timedelta(minutes=4), "1001", "Ville",
        parent_id="1001_1_c1",
    )  # fmt: skip
    report = sync_once(team_db, configs(server))
    assert [a.added for a in report.accounts] == [1, 0, 0, 0]
    assert comment_id(team_db, "1001_1_c3")
    assert team_db.execute(
        "SELECT count(*) FROM comments WHERE external_id = '1001_1_r1'"
    ).fetchone() == (0,)
    # Facebook was asked only for what came after the last comment it gave (`since`).
    listing = [r for r in server.requests if r["path"].endswith("/1001_1/comments")]
    assert "since" in listing[-1]["query"] and "since" not in listing[0]["query"]


def test_decisions_taken_in_vigie_happen_on_each_platform(team_db, server):
    sync_once(team_db, configs(server))
    act(team_db, comment_id(team_db, "1001_1_c2"), "hide", "ana", 1, reasons=["commercial"])
    act(team_db, comment_id(team_db, "1001_1_c1"), "reply", "ana", 1, reply="Le 15 décembre.")
    act(team_db, comment_id(team_db, "ytc1"), "reply", "ana", 1, reply="Merci Paul!")
    act(team_db, comment_id(team_db, "101"), "hide", "ana", 1, reasons=["injurieux"])
    act(team_db, comment_id(team_db, "igc1"), "reply", "ana", 1, reply="Merci Marie!")
    report = sync_once(team_db, configs(server))
    assert report.applied == 5
    assert server.comment("1001_1_c2")["hidden"] and server.comment("101")["hidden"]
    assert [r["text"] for r in server.replies("1001_1_c1")] == ["Le 15 décembre."]
    assert [r["text"] for r in server.replies("ytc1")] == ["Merci Paul!"]
    assert [r["text"] for r in server.replies("igc1")] == ["Merci Marie!"]
    applied = outcomes(team_db, comment_id(team_db, "1001_1_c1"))[0]
    assert (
        applied["state"] == "applied"
        and applied["result_ref"] == server.replies("1001_1_c1")[0]["id"]
    )
    # Another run publishes nothing again.
    assert sync_once(team_db, configs(server)).applied == 0
    assert len(server.replies("1001_1_c1")) == 1


def test_a_server_error_is_retried_later_and_the_reply_published_once(team_db, server):
    sync_once(team_db, configs(server))
    act(team_db, comment_id(team_db, "1001_1_c1"), "reply", "ana", 1, reply="Le 15 décembre.")
    server.fail_next("POST", "1001_1_c1/comments", status=500)
    first = sync_once(team_db, configs(server), now=later(minutes=1))
    row = outcomes(team_db, comment_id(team_db, "1001_1_c1"))[0]
    assert (first.accounts[0].failed, row["state"], row["attempts"]) == (1, "pending", 1)
    assert row["problem"] == "unavailable" and server.replies("1001_1_c1") == []
    # Not before its back-off: a run ten seconds later leaves it.
    sync_once(team_db, configs(server), now=later(minutes=1, seconds=10))
    assert server.replies("1001_1_c1") == []
    sync_once(team_db, configs(server), now=later(minutes=5))
    assert [r["text"] for r in server.replies("1001_1_c1")] == ["Le 15 décembre."]
    assert states(team_db, "1001_1_c1") == [("reply", "applied")]


def test_a_timeout_whose_outcome_is_unknown_never_publishes_the_reply_twice(team_db, server):
    sync_once(team_db, configs(server))
    act(team_db, comment_id(team_db, "ytc1"), "reply", "ana", 1, reply="Merci Paul!")
    server.slow_next("POST", "/comments", seconds=1.5, apply=True)
    sync_once(team_db, configs(server, timeout=0.5), now=later(minutes=1))
    row = outcomes(team_db, comment_id(team_db, "ytc1"))[0]
    assert (row["state"], row["unsure"], row["problem"]) == ("pending", 1, "timeout")
    assert len(server.replies("ytc1")) == 1  # the platform did publish it
    sync_once(team_db, configs(server), now=later(minutes=10))
    assert len(server.replies("ytc1")) == 1
    row = outcomes(team_db, comment_id(team_db, "ytc1"))[0]
    assert (row["state"], row["result_ref"]) == ("applied", server.replies("ytc1")[0]["id"])


def test_an_expired_token_marks_the_account_and_stops_nothing_else(team_db, server):
    sync_once(team_db, configs(server))
    act(team_db, comment_id(team_db, "1001_1_c2"), "hide", "ana", 1, reasons=["commercial"])
    act(team_db, comment_id(team_db, "ytc1"), "reply", "ana", 1, reply="Merci Paul!")
    server.expire_token(TOKENS["fb"])
    report = sync_once(team_db, configs(server), now=later(minutes=1))
    assert [(a.key, a.problem) for a in report.accounts][:3] == [
        ("fb", "token_expired"),
        ("ig", None),
        ("yt", None),
    ]
    fb = account(team_db, "fb")
    assert (fb["token_state"], fb["problem"]) == ("expired", "token_expired")
    assert len(server.replies("ytc1")) == 1
    # The hide waits for a new token, its attempts not counted.
    row = outcomes(team_db, comment_id(team_db, "1001_1_c2"))[0]
    assert (row["state"], row["attempts"]) == ("pending", 0)
    assert not server.comment("1001_1_c2")["hidden"]


def test_youtubes_daily_quota_defers_pushes_to_the_next_pacific_day(team_db, server):
    sync_once(team_db, configs(server, yt={"daily_units": 60}))
    server.add_youtube_comment(
        "v1", "ytc2", "Et le budget?", NOW - timedelta(hours=1), "UCz", "Zoé"
    )
    sync_once(team_db, configs(server, yt={"daily_units": 60}))
    act(team_db, comment_id(team_db, "ytc1"), "reply", "ana", 1, reply="Merci Paul!")
    act(team_db, comment_id(team_db, "ytc2"), "reply", "ana", 1, reply="Bientôt.")
    report = sync_once(team_db, configs(server, yt={"daily_units": 60}))
    youtube = report.accounts[2]
    # Lists cost a unit each, a reply 50: the second reply would pass 60 and waits.
    assert (youtube.applied, youtube.problem) == (1, "quota_exhausted")
    assert len(server.replies("ytc1")) == 1 and server.replies("ytc2") == []
    assert server.units_used() <= 60
    assert states(team_db, "ytc2") == [("reply", "pending")]
    resume = account(team_db, "yt")["resume_at"]
    assert resume is not None and resume[11:13] in ("07", "08")  # midnight in Pacific time, UTC
    assert sync_once(team_db, configs(server)).accounts[2].skipped == "resting"


def test_the_platforms_own_quota_error_is_believed(team_db, server):
    sync_once(team_db, configs(server))
    act(team_db, comment_id(team_db, "ytc1"), "reply", "ana", 1, reply="Merci Paul!")
    server.set_youtube_quota(server.units_used() + 10)  # another tool spent the rest
    report = sync_once(team_db, configs(server))
    assert report.accounts[2].problem == "quota_exhausted"
    assert outcomes(team_db, comment_id(team_db, "ytc1"))[0]["state"] == "pending"


def test_a_comment_deleted_or_hidden_on_the_platform_is_recorded_as_done_by_it(team_db, server):
    sync_once(team_db, configs(server))
    server.delete_on_platform("1001_1_c1")
    server.hide_on_platform("ytc1")
    server.delete_on_platform("101")
    at = later(minutes=2)
    report = sync_once(team_db, configs(server), now=at)
    assert sum(a.changed for a in report.accounts) == 3
    rows = dict(
        (
            (e, (s, h))
            for e, s, h in team_db.execute(
                "SELECT external_id, status, first_handled_by FROM comments"
            )
        )  # fmt: skip
    )
    assert rows["1001_1_c1"] == ("deleted", "facebook")
    assert rows["ytc1"] == ("hidden", "youtube")
    assert rows["101"] == ("deleted", "x")
    assert rows["igc1"] == ("new", None)
    last = history(team_db, comment_id(team_db, "1001_1_c1"))[-1]
    assert (last["kind"], last["actor"], last["at"][:16]) == (
        "platform_deleted",
        "facebook",
        at.strftime("%Y-%m-%d %H:%M"),
    )


def test_what_a_platform_cannot_do_is_never_sent_and_says_so(team_db, server):
    sync_once(team_db, configs(server))
    act(team_db, comment_id(team_db, "ytc1"), "delete", "ana", 1, reasons=["pourriel"])
    act(team_db, comment_id(team_db, "101"), "reply", "ana", 1, reply="Merci")
    sync_once(team_db, configs(server))
    assert outcomes(team_db, comment_id(team_db, "ytc1"))[0]["problem"] == "youtube_cannot_delete"
    assert states(team_db, "ytc1") == [("delete", "unsupported")]
    assert states(team_db, "101") == [("reply", "unsupported")]
    sent = [r for r in server.requests if r["method"] != "GET"]
    assert sent == []


def test_an_operation_failing_again_and_again_ends_needing_a_leads_attention(team_db, server):
    sync_once(team_db, configs(server))
    act(team_db, comment_id(team_db, "1001_1_c2"), "hide", "ana", 1, reasons=["commercial"])
    server.fail_next("POST", "1001_1_c2", status=503, times=MAX_ATTEMPTS)
    for hour in range(1, MAX_ATTEMPTS + 1):
        sync_once(team_db, configs(server), now=later(hours=hour))
    row = outcomes(team_db, comment_id(team_db, "1001_1_c2"))[0]
    assert (row["state"], row["attempts"], row["problem"]) == ("attention", MAX_ATTEMPTS, "gave_up")


def test_a_platform_refusal_needs_attention_at_once_with_its_words(team_db, server):
    sync_once(team_db, configs(server))
    act(team_db, comment_id(team_db, "igc1"), "redirect", "ana", 1, template="prive")
    server.hide_on_platform("igc1")  # Instagram refuses replies to hidden comments
    sync_once(team_db, configs(server))
    first = outcomes(team_db, comment_id(team_db, "igc1"))[0]
    assert (first["operation"], first["state"], first["problem"]) == (
        "reply",
        "attention",
        "refused",
    )
    assert first["problem_detail"]
    # The hide after it waits: a reply is never published after the comment is hidden.
    assert states(team_db, "igc1")[1] == ("hide", "pending")


def test_graph_usage_near_its_limit_makes_the_account_rest(team_db, server):
    server.set_usage(app_call_count_pct=90)
    report = sync_once(team_db, configs(server))
    assert report.accounts[0].problem == "rate_limited"
    assert account(team_db, "fb")["resume_at"] is not None
    assert sync_once(team_db, configs(server)).accounts[0].skipped == "resting"


def test_x_hides_at_most_fifty_replies_per_fifteen_minutes(team_db, server):
    for n in range(51):
        server.add_x_tweet(
            str(200 + n), "66", f"@villelevisnord {n}", NOW - timedelta(minutes=30 - n % 20),
            conversation_id="100", in_reply_to_user_id="55",
        )  # fmt: skip
    sync_once(team_db, configs(server))
    for n in range(51):
        act(team_db, comment_id(team_db, str(200 + n)), "hide", "ana", 1, reasons=["pourriel"])
    report = sync_once(team_db, configs(server))
    assert (report.accounts[3].applied, report.accounts[3].problem) == (50, "rate_limited")
    hidden = [r for r in server.requests if r["method"] == "PUT"]
    assert len(hidden) == 50


def test_garbage_from_one_platform_leaves_the_others_working(team_db, server):
    server.garbage_next("GET", "/1001/feed")
    report = sync_once(team_db, configs(server))
    assert [(a.key, a.problem) for a in report.accounts] == [
        ("fb", "garbage"),
        ("ig", None),
        ("yt", None),
        ("xx", None),
    ]
    assert sync_once(team_db, configs(server)).accounts[0].added == 2


def test_a_paused_account_is_neither_pulled_nor_pushed(team_db, server):
    sync_once(team_db, configs(server))
    set_paused(team_db, "lea", "fb", True)
    act(team_db, comment_id(team_db, "1001_1_c2"), "hide", "ana", 1, reasons=["commercial"])
    before = len(server.requests)
    assert sync_once(team_db, configs(server)).accounts[0].skipped == "paused"
    assert not any("1001" in r["path"] for r in server.requests[before:])


def test_no_token_is_ever_written_to_the_database(team_db, server):
    server.expire_token(TOKENS["xx"])
    sync_once(team_db, configs(server))
    act(team_db, comment_id(team_db, "1001_1_c1"), "reply", "ana", 1, reply="Le 15.")
    server.fail_next(
        "POST", "/comments", status=400, body={"error": {"message": "Nope", "code": 1}}
    )
    sync_once(team_db, configs(server))
    dump = "\n".join(team_db.conn.iterdump())
    assert not any(token in dump for token in TOKENS.values())
    assert all(r["headers"].get("Authorization") in (None, "<redacted>") for r in server.requests)


_KEYS = ["data", "paging", "next", "id", "message", "created_time", "from", "items", "meta"]
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from([*_KEYS, "error", "code"]), inner, max_size=4)
    ),
    max_leaves=10,
)


@settings(max_examples=30, deadline=None)
@given(
    body=_JSON,
    status=st.sampled_from([200, 400, 403, 500]),
    where=st.sampled_from(["/1001/feed", "/1001_1/comments", "/ig1/media", "commentThreads"]),
)
def test_any_answer_from_a_platform_stops_at_most_that_account_for_that_run(body, status, where):
    with FakePlatforms() as fake, open_db(":memory:") as db:
        seeded(fake)
        fake.fail_next("GET", where, status=status, body=body)
        first = sync_once(db, configs(fake))
        assert sum(a.problem is not None for a in first.accounts) <= 1
        then = sync_once(db, configs(fake), now=datetime.now(UTC) + timedelta(hours=1))
        assert then.problems == 0
        assert db["comments"].count == 5


def test_a_correction_is_applied_to_the_reply_vigie_published(team_db, server):
    sync_once(team_db, configs(server))
    question = comment_id(team_db, "1001_1_c1")
    version = act(team_db, question, "reply", "ana", 1, reply="Le 15 décembre.")
    sync_once(team_db, configs(server))
    act(team_db, question, "edit_reply", "ana", version, reply="Le 16 décembre, pardon.")
    sync_once(team_db, configs(server))
    assert [r["text"] for r in server.replies("1001_1_c1")] == ["Le 16 décembre, pardon."]


def test_a_correction_of_a_reply_published_elsewhere_is_left_to_do_by_hand(team_db, server):
    record_only = configs(server, fb={"mode": "record-only"})
    sync_once(team_db, configs(server))
    sync_once(team_db, record_only)  # the account is switched to record-only
    question = comment_id(team_db, "1001_1_c1")
    version = act(team_db, question, "reply", "ana", 1, reply="Le 15 décembre.")
    sync_once(team_db, configs(server))  # connected again
    act(team_db, question, "edit_reply", "ana", version, reply="Le 16 décembre.")
    sync_once(team_db, configs(server))
    assert states(team_db, "1001_1_c1") == [("edit_reply", "unsupported")]
    assert outcomes(team_db, question)[0]["problem"] == "reply_not_published"
    assert server.replies("1001_1_c1") == []


def test_exclusions_reopenings_and_removed_replies_reach_each_platform(team_db, server):
    sync_once(team_db, configs(server))
    exclude_author(team_db, "lea", "facebook", "u2", reason="Pourriel répété")
    exclude_author(team_db, "lea", "youtube", "UCpaul", reason="Menaces")
    hidden = act(team_db, comment_id(team_db, "ytc1"), "hide", "ana", 1, reasons=["menace"])
    replied = act(team_db, comment_id(team_db, "1001_1_c1"), "reply", "ana", 1, reply="Le 15.")
    act(team_db, comment_id(team_db, "igc1"), "delete", "ana", 1, reasons=["pourriel"])
    sync_once(team_db, configs(server))
    assert server.blocked("1001") == {"u2"} and server.blocked("UC1") == {"UCpaul"}
    assert server.comment("ytc1")["hidden"] and server.comment("igc1")["deleted"]
    act(team_db, comment_id(team_db, "ytc1"), "reopen", "lea", hidden)
    act(team_db, comment_id(team_db, "1001_1_c1"), "remove_reply", "ana", replied, note="Erreur")
    sync_once(team_db, configs(server))
    assert not server.comment("ytc1")["hidden"]
    assert server.replies("1001_1_c1") == []


def test_an_account_registered_without_a_token_in_the_configuration_is_said_so(team_db, server):
    from lib.accounts import add_account

    add_account(team_db, "lea", "ville_li", "facebook", "Ville (autre page)", "4004", "sync")
    sync_once(team_db, configs(server))
    registered = account(team_db, "ville_li")
    assert registered["problem"] == "not_configured"
    assert account(team_db, "fb")["problem"] is None
