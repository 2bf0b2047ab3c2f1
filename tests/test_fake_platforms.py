"""The fake platforms' server driven over HTTP with httpx: every endpoint, limit and fault."""

import json
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest

from tests.platforms.fake_server import FakePlatforms

BASE = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
PAGE, PAGE_TOKEN, POST = "111", "page-token", "111_201"
IG, IG_TOKEN, MEDIA = "178400", "ig-token", "18000001"
CHANNEL, YT_TOKEN, VIDEO = "UCvigie", "yt-token", "vid1"
ORG, X_TOKEN = "5000", "x-token"


def at(minutes: int) -> datetime:
    return BASE + timedelta(minutes=minutes)


def client(base_url: str, token: str | None, timeout: float = 5.0) -> httpx.Client:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(base_url=base_url, headers=headers, timeout=timeout)


@pytest.fixture
def server():
    with FakePlatforms() as fake:
        fake.add_facebook_page(PAGE, "Vigie", PAGE_TOKEN)
        fake.add_facebook_post(PAGE, POST, "Our news", at(0))
        fake.add_instagram_account(IG, "vigie", IG_TOKEN)
        fake.add_instagram_media(IG, MEDIA, "A photo", "2026-11-01T09:00:00+0000")
        fake.add_youtube_channel(CHANNEL, "Vigie TV", YT_TOKEN)
        fake.add_youtube_video(CHANNEL, VIDEO, "A video")
        fake.add_x_user(ORG, "vigie", "Vigie", X_TOKEN)
        fake.add_x_user("6000", "ana", "Ana", None)
        yield fake


def fb_comments(server, count: int, replies_every: int = 0) -> list[str]:
    """`count` comments on POST a minute apart (every `replies_every`-th one a reply)."""
    ids = []
    for n in range(count):
        parent = ids[n - 1] if replies_every and n % replies_every == 0 and n else None
        ids.append(f"201_{1000 + n}")
        server.add_facebook_comment(POST, ids[-1], f"c{n}", at(n + 1), f"u{n}", f"User {n}", parent)
    return ids


def follow_graph(graph: httpx.Client, path: str, params: dict) -> list[dict]:
    """Every item of a Graph list, following `paging.next` to the end."""
    body = graph.get(path, params=params).json()
    items = body["data"]
    while "next" in body.get("paging", {}):
        body = graph.get(body["paging"]["next"]).json()
        items += body["data"]
    return items


# --- Graph: a Facebook page ---


def test_a_page_feed_lists_posts_newest_first_and_its_next_link_keeps_a_header_token_out(server):
    server.add_facebook_post(PAGE, "111_202", "Later news", at(60))
    server.add_facebook_post(PAGE, "111_203", "Latest news", at(120))
    with client(server.graph_url, PAGE_TOKEN) as graph:
        body = graph.get(f"/{PAGE}/feed", params={"limit": 2, "fields": "id,message"}).json()
        assert [post["id"] for post in body["data"]] == ["111_203", "111_202"]
        assert "access_token" not in body["paging"]["next"]
        rest = graph.get(body["paging"]["next"]).json()
    assert rest["data"] == [{"id": POST, "message": "Our news"}] and "next" not in rest["paging"]
    with client(server.graph_url, None) as anonymous:
        query = {"limit": 1, "access_token": PAGE_TOKEN}
        body = anonymous.get(f"/{PAGE}/feed", params=query).json()
    post = body["data"][0]
    assert post["created_time"] == "2026-11-01T11:00:00+0000"
    assert post["permalink_url"] == f"https://www.facebook.com/{PAGE}/posts/203"
    assert f"access_token={PAGE_TOKEN}" in body["paging"]["next"]


def test_paging_through_250_comments_of_a_post_returns_each_once_newest_first(server):
    ids = fb_comments(server, 250, replies_every=7)
    params = {"filter": "stream", "order": "reverse_chronological", "limit": 100}
    with client(server.graph_url, PAGE_TOKEN) as graph:
        seen = follow_graph(graph, f"/{POST}/comments", params)
    assert [c["id"] for c in seen] == ids[::-1]
    reply = next(c for c in seen if c["id"] == ids[7])
    assert reply["parent"] == {"id": ids[6]} and reply["from"] == {"id": "u7", "name": "User 7"}
    assert reply["permalink_url"] == f"https://www.facebook.com/{PAGE}/posts/201/?comment_id=1007"
    assert "parent" not in seen[-1] and seen[-1]["is_hidden"] is False


def test_without_filter_stream_a_post_lists_top_level_comments_only_and_since_filters(server):
    ids = fb_comments(server, 6, replies_every=2)
    with client(server.graph_url, PAGE_TOKEN) as graph:
        top = graph.get(f"/{POST}/comments").json()["data"]
        since = int(at(4).timestamp())
        recent = graph.get(f"/{POST}/comments", params={"filter": "stream", "since": since})
        feed = graph.get(f"/{PAGE}/feed", params={"since": int(at(1).timestamp())}).json()
    assert [c["id"] for c in top] == [ids[5], ids[3], ids[1], ids[0]]
    assert [c["id"] for c in recent.json()["data"]] == [ids[5], ids[4], ids[3]]
    assert feed == {"data": []}


def test_hiding_unhiding_and_deleting_a_facebook_comment_change_its_state(server):
    (comment,) = fb_comments(server, 1)
    with client(server.graph_url, PAGE_TOKEN) as graph:
        assert graph.post(f"/{comment}", data={"is_hidden": "true"}).json() == {"success": True}
        assert server.comment(comment)["hidden"] is True
        shown = graph.get(f"/{comment}", params={"fields": "id,is_hidden,message"}).json()
        assert shown == {"id": comment, "is_hidden": True, "message": "c0"}
        graph.post(f"/{comment}", params={"is_hidden": "false"})
        assert server.comment(comment)["hidden"] is False
        assert graph.delete(f"/{comment}").json() == {"success": True}
        gone = graph.get(f"/{comment}")
    assert server.comment(comment)["deleted"] is True
    assert gone.status_code == 400
    error = gone.json()["error"]
    assert (error["code"], error["error_subcode"], error["type"]) == (
        100,
        33,
        "GraphMethodException",
    )
    assert f"Object with ID '{comment}' does not exist" in error["message"] and error["fbtrace_id"]


def test_a_page_replies_as_itself_and_edits_its_own_comments_only(server):
    (comment,) = fb_comments(server, 1)
    with client(server.graph_url, PAGE_TOKEN) as graph:
        new = graph.post(f"/{comment}/comments", data={"message": "Thanks!"}).json()["id"]
        assert new.startswith(f"{POST}_")
        edited = graph.post(f"/{new}", data={"message": "Thank you!"})
        refused = graph.post(f"/{comment}", data={"message": "Edited by the page"})
        replies = graph.get(f"/{comment}/comments", params={"fields": "id,message,from"}).json()
        stream = graph.get(f"/{POST}/comments", params={"filter": "stream"}).json()["data"]
    assert edited.json() == {"success": True}
    assert (refused.status_code, refused.json()["error"]["code"]) == (403, 200)
    assert server.replies(comment) == [server.comment(new)]
    assert server.comment(new)["author_id"] == PAGE and server.comment(new)["text"] == "Thank you!"
    page = {"id": PAGE, "name": "Vigie"}
    assert replies["data"] == [{"id": new, "message": "Thank you!", "from": page}]
    assert stream[0]["id"] == new and stream[0]["from"] == page


def test_blocking_a_user_adds_them_to_the_pages_blocked_authors(server):
    with client(server.graph_url, PAGE_TOKEN) as graph:
        assert graph.post(f"/{PAGE}/blocked", data={"user": "u9"}).json() == {"u9": True}
    assert server.blocked(PAGE) == {"u9"}


def test_another_accounts_token_meets_a_permission_error(server):
    server.add_facebook_page("222", "Other", "other-token")
    (comment,) = fb_comments(server, 1)
    with client(server.graph_url, "other-token") as graph:
        hidden = graph.post(f"/{comment}", data={"is_hidden": "true"})
        media = graph.get(f"/{MEDIA}/comments")
    assert (hidden.status_code, hidden.json()["error"]["code"]) == (403, 200)
    assert media.json()["error"]["code"] == 10
    assert server.comment(comment)["hidden"] is False


def test_an_expired_or_unknown_graph_token_answers_oauth_error_190(server):
    server.expire_token(PAGE_TOKEN)
    with client(server.graph_url, PAGE_TOKEN) as graph:
        expired = graph.get(f"/{PAGE}/feed")
    with client(server.graph_url, "never-issued") as graph:
        unknown = graph.get(f"/{PAGE}/feed")
    error = expired.json()["error"]
    assert expired.status_code == 400 and error["type"] == "OAuthException"
    assert (error["code"], error["error_subcode"]) == (190, 463)
    assert error["message"].startswith("Error validating access token: Session has expired")
    assert unknown.json()["error"]["code"] == 190


def test_graph_usage_headers_are_json_and_full_usage_refuses_with_code_4_or_32(server):
    (comment,) = fb_comments(server, 1)
    server.set_usage(app_call_count_pct=40, business_call_count_pct=75)
    with client(server.graph_url, PAGE_TOKEN) as graph:
        headers = graph.get(f"/{PAGE}/feed").headers
        server.set_usage(app_call_count_pct=100)
        app_full = graph.post(f"/{comment}", data={"is_hidden": "true"})
        server.set_usage(business_call_count_pct=100)
        page_full = graph.post(f"/{comment}", data={"is_hidden": "true"})
    assert json.loads(headers["x-app-usage"]) == {
        "call_count": 40,
        "total_cputime": 40,
        "total_time": 40,
    }
    (usage,) = json.loads(headers["x-business-use-case-usage"])[PAGE]
    assert usage["type"] == "pages" and usage["call_count"] == 75
    assert usage["estimated_time_to_regain_access"] == 0
    assert (app_full.status_code, app_full.json()["error"]["code"]) == (400, 4)
    assert page_full.json()["error"]["code"] == 32
    assert json.loads(page_full.headers["x-business-use-case-usage"])[PAGE][0]["call_count"] == 100
    assert server.comment(comment)["hidden"] is False


# --- Graph: an Instagram account ---


def ig_thread(server) -> tuple[str, str]:
    server.add_instagram_comment(MEDIA, "17001", "Nice", at(1), "ana")
    server.add_instagram_comment(MEDIA, "17002", "Thanks", at(2), "bob", parent_id="17001")
    server.add_instagram_comment(MEDIA, "17003", "Meh", at(3), "cat")
    return "17001", "17002"


def test_instagram_media_and_comments_list_newest_first_with_their_replies(server):
    server.add_instagram_media(IG, "18000002", "Newer", at(30))
    top, reply = ig_thread(server)
    with client(server.graph_url, IG_TOKEN) as graph:
        media = graph.get(f"/{IG}/media", params={"fields": "id,caption,permalink,timestamp"})
        new = graph.post(f"/{top}/replies", data={"message": "Merci"}).json()["id"]
        fields = "id,text,timestamp,username,hidden,replies{id,text,timestamp,username,hidden}"
        comments = graph.get(f"/{MEDIA}/comments", params={"fields": fields}).json()["data"]
        replies = graph.get(f"/{top}/replies", params={"fields": "id,username"}).json()["data"]
    assert [m["id"] for m in media.json()["data"]] == ["18000002", MEDIA]
    assert media.json()["data"][1] == {
        "id": MEDIA,
        "caption": "A photo",
        "permalink": f"https://www.instagram.com/p/{MEDIA}/",
        "timestamp": "2026-11-01T09:00:00+0000",
    }
    assert [c["id"] for c in comments] == ["17003", top] and "replies" not in comments[0]
    assert [r["username"] for r in comments[1]["replies"]["data"]] == ["vigie", "bob"]
    assert comments[1]["replies"]["data"][1] == {
        "id": reply,
        "text": "Thanks",
        "timestamp": "2026-11-01T09:02:00+0000",
        "username": "bob",
        "hidden": False,
    }
    assert replies == [{"id": new, "username": "vigie"}, {"id": reply, "username": "bob"}]
    assert server.replies(top)[-1]["author_id"] == "vigie"


def test_instagram_hides_shows_and_deletes_a_comment(server):
    top, _ = ig_thread(server)
    with client(server.graph_url, IG_TOKEN) as graph:
        assert graph.post(f"/{top}", data={"hide": "true"}).json() == {"success": True}
        hidden = graph.get(f"/{top}", params={"fields": "id,hidden,text"}).json()
        graph.post(f"/{top}", data={"hide": "false"})
        shown = server.comment(top)["hidden"]
        assert graph.delete(f"/{top}").json() == {"success": True}
        gone = graph.get(f"/{top}", params={"fields": "id,hidden,text"})
    assert hidden == {"id": top, "hidden": True, "text": "Nice"} and shown is False
    assert gone.json()["error"]["code"] == 100 and server.comment(top)["deleted"] is True


def test_instagram_refuses_replies_to_a_reply_or_to_a_hidden_comment(server):
    top, reply = ig_thread(server)
    server.hide_on_platform(top)
    with client(server.graph_url, IG_TOKEN) as graph:
        to_reply = graph.post(f"/{reply}/replies", data={"message": "No"})
        to_hidden = graph.post(f"/{top}/replies", data={"message": "No"})
    assert (to_reply.status_code, to_reply.json()["error"]["code"]) == (400, 100)
    assert "top-level" in to_reply.json()["error"]["message"]
    assert "hidden" in to_hidden.json()["error"]["message"]
    assert [r["id"] for r in server.replies(top)] == [reply] and server.replies(reply) == []


# --- YouTube ---


def yt_comments(server, count: int, replies: int = 0) -> list[str]:
    ids = [f"Ug{n:04d}" for n in range(count)]
    for n, comment in enumerate(ids):
        server.add_youtube_comment(VIDEO, comment, f"t{n}", at(n), f"UCa{n}", f"Author {n}")
    for n in range(replies):
        server.add_youtube_comment(VIDEO, f"{ids[0]}.r{n}", f"r{n}", at(n + 1), "UCr", "R", ids[0])
    return ids


def test_youtube_threads_page_newest_first_each_once_with_five_replies_oldest_first(server):
    ids = yt_comments(server, 250, replies=7)
    params = {"part": "snippet,replies", "allThreadsRelatedToChannelId": CHANNEL}
    params.update({"order": "time", "maxResults": 100})
    pages = []
    with client(server.youtube_url, YT_TOKEN) as youtube:
        while not pages or "nextPageToken" in pages[-1]:
            token = {"pageToken": pages[-1]["nextPageToken"]} if pages else {}
            pages.append(youtube.get("/commentThreads", params={**params, **token}).json())
    seen = [thread for page in pages for thread in page["items"]]
    assert pages[0]["kind"] == "youtube#commentThreadListResponse"
    assert pages[0]["pageInfo"] == {"totalResults": 250, "resultsPerPage": 100}
    assert [t["id"] for t in seen] == ids[::-1] and server.units_used() == 3
    thread = seen[-1]
    top = thread["snippet"]["topLevelComment"]
    assert top["snippet"]["authorChannelId"] == {"value": "UCa0"}
    assert top["snippet"]["publishedAt"] == "2026-11-01T09:00:00Z"
    assert thread["snippet"]["totalReplyCount"] == 7 and thread["snippet"]["isPublic"] is True
    assert [r["id"] for r in thread["replies"]["comments"]] == [f"{ids[0]}.r{n}" for n in range(5)]
    assert "replies" not in seen[0]


def test_youtube_moderation_hides_publishes_and_bans_and_hidden_threads_leave_the_list(server):
    ids = yt_comments(server, 3)
    with client(server.youtube_url, YT_TOKEN) as youtube:
        params = {"id": f"{ids[0]},{ids[1]}", "moderationStatus": "rejected", "banAuthor": "true"}
        rejected = youtube.post("/comments/setModerationStatus", params=params)
        params = {"id": ids[1], "moderationStatus": "published"}
        youtube.post("/comments/setModerationStatus", params=params)
        server.delete_on_platform(ids[2])
        listed = youtube.get("/commentThreads", params={"allThreadsRelatedToChannelId": CHANNEL})
    assert rejected.status_code == 204 and rejected.content == b""
    assert server.comment(ids[0])["hidden"] is True and server.comment(ids[1])["hidden"] is False
    assert server.blocked(CHANNEL) == {"UCa0", "UCa1"}
    assert [t["id"] for t in listed.json()["items"]] == [ids[1]]
    assert server.units_used() == 101


def test_youtube_lists_comments_by_id_without_deleted_ones_and_replies_by_parent(server):
    ids = yt_comments(server, 2, replies=2)
    server.delete_on_platform(ids[1])
    with client(server.youtube_url, YT_TOKEN) as youtube:
        by_id = youtube.get("/comments", params={"part": "snippet", "id": ",".join(ids)}).json()
        params = {"part": "snippet", "parentId": ids[0], "maxResults": 100}
        replies = youtube.get("/comments", params=params).json()
    assert [c["id"] for c in by_id["items"]] == [ids[0]]
    assert by_id["items"][0]["snippet"]["textOriginal"] == "t0"
    assert [c["snippet"]["parentId"] for c in replies["items"]] == [ids[0], ids[0]]


def test_a_channel_replies_and_edits_or_deletes_only_its_own_comments(server):
    (top,) = yt_comments(server, 1)
    with client(server.youtube_url, YT_TOKEN) as youtube:
        body = {"snippet": {"parentId": top, "textOriginal": "Merci"}}
        reply = youtube.post("/comments", params={"part": "snippet"}, json=body).json()
        body = {"id": reply["id"], "snippet": {"textOriginal": "Merci !"}}
        edited = youtube.put("/comments", params={"part": "snippet"}, json=body).json()
        body = {"id": top, "snippet": {"textOriginal": "Changed"}}
        not_ours = youtube.put("/comments", params={"part": "snippet"}, json=body)
        refused = youtube.delete("/comments", params={"id": top})
        deleted = youtube.delete("/comments", params={"id": reply["id"]})
    assert reply["kind"] == "youtube#comment"
    assert reply["snippet"]["authorChannelId"]["value"] == CHANNEL
    assert edited["snippet"]["textOriginal"] == "Merci !"
    assert not_ours.status_code == refused.status_code == 403
    assert refused.json()["error"]["errors"][0] == {
        "message": refused.json()["error"]["message"],
        "domain": "youtube.comment",
        "reason": "forbidden",
    }
    assert deleted.status_code == 204 and server.comment(reply["id"])["deleted"] is True
    assert server.comment(top)["text"] == "t0" and server.units_used() == 250


def test_a_spent_youtube_quota_refuses_without_applying_or_charging(server):
    (comment,) = yt_comments(server, 1)
    server.set_youtube_quota(60)
    with client(server.youtube_url, YT_TOKEN) as youtube:
        params = {"id": comment, "moderationStatus": "heldForReview"}
        assert youtube.post("/comments/setModerationStatus", params=params).status_code == 204
        params = {"id": comment, "moderationStatus": "rejected"}
        refused = youtube.post("/comments/setModerationStatus", params=params)
        listed = youtube.get("/comments", params={"id": comment})
    error = refused.json()["error"]
    assert (refused.status_code, error["code"]) == (403, 403)
    assert error["errors"][0]["reason"] == "quotaExceeded"
    assert error["errors"][0]["domain"] == "youtube.quota"
    assert server.comment(comment)["hidden"] is False
    assert listed.status_code == 200 and server.units_used() == 51


def test_youtube_quota_days_are_pacific_days():
    evening_in_california = datetime(2026, 12, 3, 7, 30, tzinfo=UTC)
    with FakePlatforms(clock=lambda: evening_in_california) as server:
        server.add_youtube_channel(CHANNEL, "Vigie TV", YT_TOKEN)
        with client(server.youtube_url, YT_TOKEN) as youtube:
            youtube.get("/commentThreads", params={"allThreadsRelatedToChannelId": CHANNEL})
        assert server.units_used(date(2026, 12, 2)) == server.units_used() == 1
        assert server.units_used(date(2026, 12, 3)) == 0


def test_an_expired_youtube_token_answers_401_invalid_credentials(server):
    server.expire_token(YT_TOKEN)
    with client(server.youtube_url, YT_TOKEN) as youtube:
        answer = youtube.get("/commentThreads", params={"allThreadsRelatedToChannelId": CHANNEL})
    error = answer.json()["error"]
    assert answer.status_code == 401 and error["status"] == "UNAUTHENTICATED"
    assert error["errors"][0]["reason"] == "authError" and server.units_used() == 0


# --- X ---


def x_conversation(server) -> None:
    """A tweet of the organisation, replies of various ids, and tweets that are no mentions."""
    server.add_x_tweet("900", ORG, "Our news", at(0))
    server.add_x_tweet("999", "6000", "Reply one", at(1), "900", ORG)
    server.add_x_tweet("1000", "6001", "Reply two", at(2), "900")
    server.add_x_tweet("1001", ORG, "Our own reply", at(3), "900", "6000")
    server.add_x_tweet("1002", "6000", "Unrelated", at(4))
    server.add_x_tweet("1003", "6002", "Hi @Vigie", at(5))


def test_x_mentions_page_newest_first_by_integer_id_and_since_id_keeps_newer_ones(server):
    x_conversation(server)
    params = {
        "tweet.fields": "created_at,author_id,conversation_id,in_reply_to_user_id",
        "expansions": "author_id",
        "user.fields": "username,name",
        "max_results": 2,
    }
    with client(server.x_url, X_TOKEN) as x:
        first = x.get(f"/users/{ORG}/mentions", params=params).json()
        params["pagination_token"] = first["meta"]["next_token"]
        second = x.get(f"/users/{ORG}/mentions", params=params).json()
        newer = x.get(f"/users/{ORG}/mentions", params={"since_id": "999"}).json()
        none = x.get(f"/users/{ORG}/mentions", params={"since_id": "1003"}).json()
    assert [t["id"] for t in first["data"] + second["data"]] == ["1003", "1000", "999"]
    assert first["meta"] == {
        "result_count": 2,
        "newest_id": "1003",
        "oldest_id": "1000",
        "next_token": first["meta"]["next_token"],
    }
    assert second["data"][0] == {
        "id": "999",
        "text": "Reply one",
        "created_at": "2026-11-01T09:01:00.000Z",
        "author_id": "6000",
        "conversation_id": "900",
        "in_reply_to_user_id": ORG,
        "edit_history_tweet_ids": ["999"],
    }
    assert second["includes"]["users"] == [{"id": "6000", "username": "ana", "name": "Ana"}]
    assert "next_token" not in second["meta"]
    assert [t["id"] for t in newer["data"]] == ["1003", "1000"]
    assert none == {"meta": {"result_count": 0}}


def test_x_tweet_lookup_reports_deleted_tweets_as_errors(server):
    x_conversation(server)
    server.delete_on_platform("1000")
    with client(server.x_url, X_TOKEN) as x:
        body = x.get("/tweets", params={"ids": "999,1000", "tweet.fields": "author_id"}).json()
    assert body["data"] == [
        {"id": "999", "text": "Reply one", "author_id": "6000", "edit_history_tweet_ids": ["999"]}
    ]
    assert body["errors"] == [
        {
            "value": "1000",
            "detail": "Could not find tweet with ids: [1000].",
            "title": "Not Found Error",
            "resource_type": "tweet",
            "parameter": "ids",
            "resource_id": "1000",
            "type": "https://api.twitter.com/2/problems/resource-not-found",
        }
    ]


def test_x_hides_only_replies_in_conversations_the_account_started(server):
    x_conversation(server)
    with client(server.x_url, X_TOKEN) as x:
        hidden = x.put("/tweets/999/hidden", json={"hidden": True})
        was_hidden = server.comment("999")["hidden"]
        x.put("/tweets/999/hidden", json={"hidden": False})
        refused = x.put("/tweets/1002/hidden", json={"hidden": True})
    assert hidden.json() == {"data": {"hidden": True}} and was_hidden is True
    assert server.comment("999")["hidden"] is False
    assert refused.status_code == 403 and server.comment("1002")["hidden"] is False
    assert {k: refused.json()[k] for k in ("title", "type", "status")} == {
        "title": "Forbidden",
        "type": "about:blank",
        "status": 403,
    }


def test_x_answers_429_after_50_hide_calls_in_a_window_and_again_in_the_next():
    now = [BASE]
    with FakePlatforms(clock=lambda: now[0]) as server:
        server.add_x_user(ORG, "vigie", "Vigie", X_TOKEN)
        x_conversation(server)
        with client(server.x_url, X_TOKEN) as x:
            answers = [x.put("/tweets/999/hidden", json={"hidden": n % 2 == 0}) for n in range(51)]
            refused_applied = server.comment("999")["hidden"]
            now[0] = BASE + timedelta(minutes=15)
            later = x.put("/tweets/999/hidden", json={"hidden": True})
    assert [a.status_code for a in answers] == [200] * 50 + [429]
    assert answers[-1].json() == {
        "title": "Too Many Requests",
        "type": "about:blank",
        "status": 429,
        "detail": "Too Many Requests",
    }
    assert refused_applied is False
    assert answers[0].headers["x-rate-limit-limit"] == "50"
    assert answers[0].headers["x-rate-limit-remaining"] == "49"
    assert answers[-1].headers["x-rate-limit-remaining"] == "0"
    assert int(answers[0].headers["x-rate-limit-reset"]) == int(BASE.timestamp()) + 900
    assert later.status_code == 200 and later.headers["x-rate-limit-remaining"] == "49"


def test_an_expired_or_unknown_x_token_answers_401_unauthorized(server):
    server.expire_token(X_TOKEN)
    with client(server.x_url, X_TOKEN) as x:
        answer = x.get(f"/users/{ORG}/mentions")
    with client(server.x_url, "never-issued") as x:
        unknown = x.put("/tweets/999/hidden", json={"hidden": True})
    assert answer.status_code == unknown.status_code == 401
    unauthorized = {"title": "Unauthorized", "type": "about:blank", "status": 401}
    assert answer.json() == unknown.json() == {**unauthorized, "detail": "Unauthorized"}
    assert "x-rate-limit-reset" in answer.headers


# --- every platform: unknown paths, the record of requests, faults ---


def test_unknown_paths_answer_404_in_each_platforms_shape(server):
    with client(server.graph_url, PAGE_TOKEN) as graph:
        assert graph.get(f"/{PAGE}/nothing").json()["error"]["type"] == "OAuthException"
    with client(server.youtube_url, YT_TOKEN) as youtube:
        assert youtube.get("/nothing").json()["error"]["code"] == 404
    with client(server.x_url, X_TOKEN) as x:
        answer = x.get("/nothing")
    assert answer.status_code == 404 and answer.json()["title"] == "Not Found Error"


def test_requests_are_recorded_with_the_token_redacted_or_dropped(server):
    (comment,) = fb_comments(server, 1)
    with client(server.graph_url, PAGE_TOKEN) as graph:
        graph.post(f"/{comment}", data={"is_hidden": "true"})
        graph.get(f"/{PAGE}/feed", params={"limit": 5, "access_token": PAGE_TOKEN})
    hide, feed = server.requests
    assert hide["method"] == "POST" and hide["path"] == f"/graph/v21.0/{comment}"
    assert hide["body"] == {"is_hidden": "true"}
    assert hide["headers"]["Authorization"] == "<redacted>"
    assert feed["query"] == {"limit": "5"}
    assert PAGE_TOKEN not in json.dumps(server.requests)


def test_fail_next_answers_the_error_without_applying_the_request(server):
    (comment,) = fb_comments(server, 1)
    server.fail_next("POST", f"/{comment}/comments", times=2)
    server.fail_next("POST", "/comments", status=503, body={"error": {"code": 2}})
    with client(server.graph_url, PAGE_TOKEN) as graph:
        failures = [graph.post(f"/{comment}/comments", data={"message": "Hi"}) for _ in range(3)]
        success = graph.post(f"/{comment}/comments", data={"message": "Hi"})
    assert [f.status_code for f in failures] == [500, 500, 503]
    error = failures[0].json()["error"]
    assert error["code"] == 2 and error["is_transient"] is True
    assert failures[2].json() == {"error": {"code": 2}}
    assert "x-app-usage" in failures[0].headers
    assert [r["id"] for r in server.replies(comment)] == [success.json()["id"]]


def test_slow_next_applies_the_request_and_the_client_times_out_not_knowing(server):
    (comment,) = yt_comments(server, 1)
    server.slow_next("POST", "/comments", seconds=2)
    server.slow_next("POST", "/comments", seconds=2, apply=False)
    body = {"snippet": {"parentId": comment, "textOriginal": "Merci"}}
    with client(server.youtube_url, YT_TOKEN, timeout=0.2) as youtube:
        with pytest.raises(httpx.TimeoutException):
            youtube.post("/comments", params={"part": "snippet"}, json=body)
        with pytest.raises(httpx.TimeoutException):
            youtube.post("/comments", params={"part": "snippet"}, json=body)
    assert [r["text"] for r in server.replies(comment)] == ["Merci"]


def test_garbage_next_answers_200_with_a_body_that_is_not_json(server):
    server.garbage_next("GET", "/mentions")
    with client(server.x_url, X_TOKEN) as x:
        garbage = x.get(f"/users/{ORG}/mentions")
        fine = x.get(f"/users/{ORG}/mentions")
    assert garbage.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        garbage.json()
    assert fine.json() == {"meta": {"result_count": 0}}
