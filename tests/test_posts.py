"""Posts: the table, what each import path records of a comment's post, how a later import
updates it, the demo's posts, and hostile titles and addresses."""

import json
import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lib.ingest
from lib.db import open_db, schema_version
from lib.demo import generate
from lib.demo.texts import ACCOUNTS
from lib.importers import BadImportFile, import_file
from lib.ingest import POST_TITLE_MAX_CHARS, post_titles, store_posts
from lib.triage import comment, web_address

HEADER = "platform;external_id;received_at;text;post"


def posts(db) -> dict:
    """Every post as {(platform, post_ref): (title, url, published_at)}."""
    return {
        (r["platform"], r["post_ref"]): (r["title"], r["url"], r["published_at"])
        for r in db["posts"].rows
    }


def csv(header: str, *rows: str) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def as_json(document) -> bytes:
    return json.dumps(document).encode()


def test_the_posts_migration_is_applied_and_keys_a_post_by_platform_and_ref(tmp_path):
    with open_db(tmp_path / "vigie.db") as db:
        assert schema_version(db) >= 13  # m013_posts, and the migrations after it
        assert db["posts"].pks == ["platform", "post_ref"]
        assert set(db["posts"].columns_dict) == {
            "platform",
            "post_ref",
            "title",
            "url",
            "published_at",
        }


@pytest.mark.parametrize(
    "title, url",
    [
        ("post_title", "post_url"),
        ("post_text", "post_link"),
        ("titre_publication", "lien_publication"),
        ("Titre de la publication", "Lien de la publication"),
        ("texte-publication", "url_publication"),
    ],
)
def test_a_csv_names_its_posts_title_and_address_in_french_or_english(tmp_path, title, url):
    raw = csv(
        f"{HEADER};{title};{url}",
        "facebook;c1;2026-11-02 9:15;Bonjour;p1;Séance  d'information\tà Gaspé;"
        "https://www.facebook.com/vigie.demo/posts/1",
        "facebook;c2;2026-11-02 9:20;Allo;p2;;",
    )
    with open_db(tmp_path / "vigie.db") as db:
        assert import_file(db, raw, "f.csv").added == 2
        assert posts(db) == {
            ("facebook", "p1"): (
                "Séance d'information à Gaspé",
                "https://www.facebook.com/vigie.demo/posts/1",
                None,
            )
        }


def test_a_csv_without_post_columns_records_no_post(tmp_path):
    raw = csv(HEADER, "facebook;c1;2026-11-02 9:15;Bonjour;p1")
    with open_db(tmp_path / "vigie.db") as db:
        import_file(db, raw, "f.csv")
        assert posts(db) == {}
        assert comment(db, 1)["post_title"] is None


def test_a_column_and_its_alias_together_are_refused_by_the_name_the_file_gives(tmp_path):
    raw = csv(f"{HEADER};post_title;Titre de la publication", "x;1;2026-11-02 9:15;a;p;t;u")
    with open_db(tmp_path / "vigie.db") as db, pytest.raises(BadImportFile) as refusal:
        import_file(db, raw, "f.csv")
    assert (refusal.value.code, refusal.value.field) == ("repeated_column", "post_title")


def test_a_later_import_fills_what_was_empty_and_never_wipes_a_known_value(tmp_path):
    header = f"{HEADER};post_title;post_url"
    with open_db(tmp_path / "vigie.db") as db:
        import_file(db, csv(header, "x;1;2026-11-02 9:15;a;p;Premier titre;"), "1.csv")
        assert posts(db)[("x", "p")] == ("Premier titre", None, None)
        import_file(
            db, csv(header, "x;2;2026-11-02 9:16;b;p;;https://x.com/i/web/status/7"), "2.csv"
        )
        assert posts(db)[("x", "p")] == ("Premier titre", "https://x.com/i/web/status/7", None)
        import_file(db, csv(header, "x;3;2026-11-02 9:17;c;p;Titre corrigé;javascript:1"), "3.csv")
        assert posts(db)[("x", "p")] == ("Titre corrigé", "https://x.com/i/web/status/7", None)


def test_re_importing_a_file_that_now_names_its_posts_records_them_and_adds_no_comment(
    tmp_path,
):
    with open_db(tmp_path / "vigie.db") as db:
        import_file(db, csv(HEADER, "x;1;2026-11-02 9:15;a;p"), "1.csv")
        assert posts(db) == {}
        again = import_file(
            db,
            csv(f"{HEADER};post_title", "x;1;2026-11-02 9:15;a;p;Titre ajouté à l'export"),
            "1.csv",
        )
        assert (again.added, again.already_present) == (0, 1)
        assert posts(db) == {("x", "p"): ("Titre ajouté à l'export", None, None)}
        assert db["comments"].count == 1


def test_within_a_file_the_last_row_that_knows_a_field_gives_it(tmp_path):
    raw = csv(
        f"{HEADER};post_title;post_url",
        "x;1;2026-11-02 9:15;a;p;Ancien;https://x.com/i/web/status/1",
        "x;2;2026-11-02 9:16;b;p;Nouveau;",
        "x;3;2026-11-02 9:17;c;p;;",
    )
    with open_db(tmp_path / "vigie.db") as db:
        import_file(db, raw, "f.csv")
        assert posts(db) == {("x", "p"): ("Nouveau", "https://x.com/i/web/status/1", None)}


def test_posts_are_written_in_the_imports_transaction(tmp_path, monkeypatch):
    real = lib.ingest.store_posts

    def store_then_fail(db, rows):
        real(db, rows)
        raise RuntimeError("disk gone")

    monkeypatch.setattr(lib.ingest, "store_posts", store_then_fail)
    raw = csv(f"{HEADER};post_title", "x;1;2026-11-02 9:15;a;p;Titre")
    with open_db(tmp_path / "vigie.db") as db:
        with pytest.raises(RuntimeError):
            import_file(db, raw, "f.csv")
        assert (db["comments"].count, db["posts"].count) == (0, 0)


def test_facebook_comments_give_the_post_they_nest(tmp_path):
    document = {
        "data": [
            {
                "id": "111_1",
                "created_time": "2026-11-02T14:03:11+0000",
                "message": "Merci!",
                "permalink_url": "https://www.facebook.com/vigie.demo/posts/111?comment_id=1",
                "post": {
                    "id": "999_111",
                    "message": "Nouveautés du programme\nd'aide sociale",
                    "permalink_url": "https://www.facebook.com/vigie.demo/posts/111",
                    "created_time": "2026-11-02T12:00:00+0000",
                },
            }
        ]
    }
    with open_db(tmp_path / "vigie.db") as db:
        import_file(db, as_json(document), "fb.json")
        assert posts(db) == {
            ("facebook", "111"): (
                "Nouveautés du programme d'aide sociale",
                "https://www.facebook.com/vigie.demo/posts/111",
                "2026-11-02 12:00:00",
            )
        }


def test_a_facebook_comments_own_permalink_without_its_comment_id_is_its_posts(tmp_path):
    document = {
        "data": [
            {
                "id": "111_1",
                "created_time": "2026-11-02T14:03:11+0000",
                "message": "Merci!",
                "permalink_url": "https://www.facebook.com/permalink.php?story_fbid=111&id=9"
                "&comment_id=1",
            }
        ]
    }
    with open_db(tmp_path / "vigie.db") as db:
        import_file(db, as_json(document), "fb.json")
        assert posts(db) == {
            ("facebook", "111"): (
                None,
                "https://www.facebook.com/permalink.php?story_fbid=111&id=9",
                None,
            )
        }


def test_instagram_comments_give_their_medias_caption_and_permalink(tmp_path):
    document = {
        "data": [
            {
                "id": "1789",
                "timestamp": "2026-11-03T13:00:00+0000",
                "text": "Super",
                "username": "marie.l",
                "media": {
                    "id": "1801",
                    "caption": "Vidéo : comprendre l'aide juridique #Québec",
                    "permalink": "https://www.instagram.com/p/VigieDemo1/",
                    "timestamp": "2026-11-03T11:30:00+0000",
                },
            }
        ]
    }
    with open_db(tmp_path / "vigie.db") as db:
        import_file(db, as_json(document), "ig.json")
        assert posts(db) == {
            ("instagram", "1801"): (
                "Vidéo : comprendre l'aide juridique #Québec",
                "https://www.instagram.com/p/VigieDemo1/",
                "2026-11-03 11:30:00",
            )
        }


def test_a_youtube_comment_links_to_its_video(tmp_path):
    with open("tests/fixtures/youtube_commentthreads.json", "rb") as file:
        raw = file.read()
    with open_db(tmp_path / "vigie.db") as db:
        import_file(db, raw, "yt.json")
        assert posts(db) == {
            ("youtube", "dQw4w9WgXcQ"): (None, "https://www.youtube.com/watch?v=dQw4w9WgXcQ", None)
        }


def test_an_x_reply_links_to_its_conversation_and_takes_its_first_tweets_words(tmp_path):
    with open("tests/fixtures/x_tweets.json", encoding="utf-8") as file:
        document = json.load(file)
    document["includes"]["tweets"] = [
        {
            "id": "1850000000000000000",
            "text": "Les inscriptions au préscolaire ouvrent lundi",
            "created_at": "2026-11-05T12:00:00.000Z",
        }
    ]
    with open_db(tmp_path / "vigie.db") as db:
        import_file(db, as_json(document), "x.json")
        assert posts(db) == {
            ("x", "1850000000000000000"): (
                "Les inscriptions au préscolaire ouvrent lundi",
                "https://x.com/i/web/status/1850000000000000000",
                "2026-11-05 12:00:00",
            )
        }


def test_a_post_field_that_is_not_text_is_ignored_not_refused(tmp_path):
    document = {
        "data": [
            {
                "id": "1789",
                "timestamp": "2026-11-03T13:00:00+0000",
                "text": "Super",
                "media": {"id": "1801", "caption": 42, "permalink": ["x"]},
            }
        ]
    }
    with open_db(tmp_path / "vigie.db") as db:
        assert import_file(db, as_json(document), "ig.json").added == 1
        assert posts(db) == {}


def test_the_comment_read_joins_what_is_known_of_its_post(tmp_path):
    raw = csv(f"{HEADER};post_title", "x;1;2026-11-02 9:15;a;p;Titre", "x;2;2026-11-02 9:16;b;q;")
    with open_db(tmp_path / "vigie.db") as db:
        import_file(db, raw, "f.csv")
        first, second = comment(db, 1), comment(db, 2)
        assert (first["post_title"], first["post_url"]) == ("Titre", None)
        assert (second["post_ref"], second["post_title"]) == ("q", None)


def test_every_demo_post_has_an_invented_title_and_a_permalink_on_its_platform(tmp_path):
    with open_db(tmp_path / "vigie.db") as db:
        generate(db, rows=400, seed=7, now="2026-11-20 15:00")
        rows = list(
            db.query(
                "SELECT c.platform, c.post_ref, p.title, p.url, p.published_at, "
                "min(c.received_at) AS first_comment FROM comments c "
                "LEFT JOIN posts p USING (platform, post_ref) GROUP BY c.platform, c.post_ref"
            )
        )
    sites = {
        "facebook": "https://www.facebook.com/vigie.demo",
        "instagram": "https://www.instagram.com/p/VigieDemo",
        "x": "https://x.com/vigie_demo/status/",
        "youtube": "https://www.youtube.com/watch?v=vigie-demo-",
        "linkedin": "https://www.linkedin.com/posts/vigie-demo_",
    }
    assert len(rows) > 20
    for row in rows:
        assert row["title"] and len(row["title"]) <= POST_TITLE_MAX_CHARS
        assert "{" not in row["title"]
        assert row["url"].startswith(sites[row["platform"]]) and web_address(row["url"])
        assert row["published_at"] < row["first_comment"]
    assert len({row["url"] for row in rows}) == len(rows)
    assert len({row["title"] for row in rows}) > len(rows) / 2


def test_the_demo_has_an_address_form_for_each_of_its_accounts():
    from lib.demo.posts import ADDRESSES

    assert len(ADDRESSES) == len(ACCOUNTS)
    for (platform, _, _), form in zip(ACCOUNTS, ADDRESSES, strict=True):
        assert {"x": "x.com"}.get(platform, platform) in form


HOSTILE = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",))
    | st.sampled_from("\n\t\r\x00\x1b\u202e<>[]()*_#`$!:/@\\ "),
    max_size=400,
)
ADDRESSES = st.one_of(
    HOSTILE,
    st.builds(
        lambda scheme, rest: scheme + rest,
        st.sampled_from(
            [
                "http://",
                "https://",
                "HTTPS://",
                "javascript:",
                "JavaScript://",
                "data:",
                " https://",
            ]
        ),
        HOSTILE,
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    titles=st.lists(HOSTILE, min_size=1, max_size=5),
    urls=st.lists(ADDRESSES, min_size=5, max_size=5),
)
def test_hostile_titles_and_addresses_are_stored_bounded_on_one_line_and_openable_or_not_at_all(
    titles, urls
):
    rows = pd.DataFrame(
        {
            "platform": "facebook",
            "post_ref": [str(i) for i in range(len(titles))],
            "post_title": titles,
            "post_url": urls[: len(titles)],
        }
    )
    with open_db(":memory:") as db:
        store_posts(db, rows)
        stored = posts(db)
    for i, (title, url) in enumerate(zip(titles, urls, strict=False)):
        kept_title, kept_url, _ = stored.get(("facebook", str(i)), (None, None, None))
        if kept_title is not None:
            assert 0 < len(kept_title) <= POST_TITLE_MAX_CHARS
            assert not re.search(r"[\x00-\x1f\x7f\u202a-\u202e]|^\s|\s$|\s\s", kept_title)
        else:
            # Nothing but spaces, control and direction characters.
            assert not re.sub(
                r"[\s\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]", "", title
            )
        # The one-value check (the page's) and the vectorised one (the import's) agree.
        assert kept_url == web_address(url.strip())
        if kept_url is not None:
            assert re.match(r"https?://", kept_url, flags=re.IGNORECASE)


def test_a_title_is_cut_after_its_last_whole_word_or_within_a_word_without_space():
    words, one_word = "Bonjour " * 40, "a" * 150 + " " + "b" * 100
    assert post_titles(pd.Series([words, one_word, "c" * 300])).tolist() == [
        " ".join(["Bonjour"] * 25) + "…",
        "a" * 150 + "…",
        "c" * (POST_TITLE_MAX_CHARS - 1) + "…",
    ]
