"""The queue's detail names the post a comment answers: its first words, when it was published,
and a link to it when its address is a web address; its ref when nothing more is known."""

from lib.db import using
from tests.conftest import open_app

MODERATOR = "agirard"


def queue_page(username: str, lang: str = "fr"):
    return open_app("pages/queue.py", username, lang, timeout=60)


def shown_ids(at) -> list[int]:
    return [int(i) for i in at.dataframe[0].value["#"]]


def select(at, comment_id: int):
    """Tick the comment's row in the table, as a click does: it is the one shown."""
    key = f"queue.table.{at.session_state['queue.table_generation']}"
    rows = [shown_ids(at).index(comment_id)]
    at.session_state[key] = {"selection": {"rows": rows, "columns": [], "cells": []}}
    at.run()
    assert at.session_state["queue.current"] == comment_id
    return at


def write(path, sql: str, params) -> None:
    """A change behind the page's back, as an import in another session would make it."""
    with using(path) as db:
        db.execute(sql, params)
        db.conn.commit()


def post_of(path, comment_id: int) -> dict:
    with using(path) as db:
        return next(
            db.query(
                "SELECT posts.* FROM comments JOIN posts USING (platform, post_ref) "
                "WHERE comments.id = ?",
                [comment_id],
            )
        )


def post_buttons(at) -> list:
    """The link buttons to a post: the comment's own (« Voir sur Facebook ») is left out."""
    comment_links = ("Voir sur ", "View on ")
    return [b for b in at.get("link_button") if not b.proto.label.startswith(comment_links)]


def links(at) -> list[str]:
    return [button.proto.url for button in post_buttons(at)]


def texts(at) -> list[str]:
    return [x.value for x in at.text]


def shown_first(path, lang="fr"):
    """The queue with its first comment shown, and that comment's id."""
    at = queue_page(MODERATOR, lang)
    target = shown_ids(at)[0]
    return at, target


def test_the_detail_shows_the_posts_first_words_its_date_and_a_link_to_it(demo_db_path):
    at, target = shown_first(demo_db_path)
    post = post_of(demo_db_path, target)
    write(
        demo_db_path,
        "UPDATE posts SET published_at = '2026-11-19 14:05:00' WHERE platform = ? AND post_ref = ?",
        [post["platform"], post["post_ref"]],
    )
    select(at, target)
    assert f"Publication du 2026-11-19 9 h 05 : « {post['title']} »" in texts(at)
    assert links(at) == [post["url"]]
    assert post["url"].startswith("https://") and "vigie" in post["url"]


def test_the_post_line_follows_the_language_switch(demo_db_path):
    at, target = shown_first(demo_db_path, lang="en")
    post = post_of(demo_db_path, target)
    write(
        demo_db_path,
        "UPDATE posts SET published_at = NULL WHERE platform = ? AND post_ref = ?",
        [post["platform"], post["post_ref"]],
    )
    select(at, target)
    assert f"Post: “{post['title']}”" in texts(at)
    assert [b.proto.label for b in post_buttons(at)] == ["Open the post"]


def test_a_javascript_address_is_never_a_link_and_a_hostile_title_stays_plain_text(
    demo_db_path,
):
    at, target = shown_first(demo_db_path)
    post = post_of(demo_db_path, target)
    hostile = "**Gras** <img src=x onerror=alert(1)> [clic](javascript:alert(1))"
    write(
        demo_db_path,
        "UPDATE posts SET title = ?, url = 'javascript:alert(1)', published_at = NULL "
        "WHERE platform = ? AND post_ref = ?",
        [hostile, post["platform"], post["post_ref"]],
    )
    select(at, target)
    assert f"Publication : « {hostile} »" in texts(at)
    assert all(hostile not in m.value for m in at.markdown)
    assert links(at) == []


def test_a_post_with_nothing_known_shows_its_ref(demo_db_path):
    at, target = shown_first(demo_db_path)
    post = post_of(demo_db_path, target)
    write(
        demo_db_path,
        "DELETE FROM posts WHERE platform = ? AND post_ref = ?",
        [post["platform"], post["post_ref"]],
    )
    select(at, target)
    assert f"Publication : {post['post_ref']}" in texts(at)
    assert not any(line.startswith("Publication : «") for line in texts(at))
    assert links(at) == []


def test_a_ref_that_is_a_web_address_is_the_link_when_nothing_else_is_known(demo_db_path):
    at, target = shown_first(demo_db_path)
    post = post_of(demo_db_path, target)
    address = "https://www.facebook.com/vigie.demo/posts/42"
    write(
        demo_db_path,
        "DELETE FROM posts WHERE platform = ? AND post_ref = ?",
        [post["platform"], post["post_ref"]],
    )
    write(demo_db_path, "UPDATE comments SET post_ref = ? WHERE id = ?", [address, target])
    select(at, target)
    assert links(at) == [address]
    assert not any(line.startswith("Publication") for line in texts(at))
