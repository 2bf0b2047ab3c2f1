"""The platforms' JSON: Meta Graph (Facebook, Instagram), YouTube Data, X v2, and which is which."""

from __future__ import annotations

import codecs
import json
import sys
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from lib.importers.errors import BadImportFile, printable
from lib.importers.json_positions import array_items, field_line, nested_positions, path_to
from lib.importers.table import CommentTable

# What tells each JSON format apart, in the order tried (also the refusal's wording).
_X_KEYS = {"created_at", "author_id", "conversation_id", "edit_history_tweet_ids"}
_FORMATS_TRIED = (
    "YouTube (items[], kind youtube#…), X API v2 (data[].created_at), "
    "Instagram (data[].timestamp), Facebook (data[].created_time)"
)


def looks_like_json(raw: bytes) -> bool:
    """Whether the file opens like a JSON object or array (after a BOM and white space);
    in UTF-16 too, so that such a file is told that JSON must be UTF-8.

    >>> looks_like_json(b' {"data": []}'), looks_like_json('[1]'.encode("utf-16"))
    (True, True)
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw[:64].decode("utf-16", errors="ignore").lstrip(" \t\r\n")[:1] in ("{", "[")
    return raw.lstrip(codecs.BOM_UTF8 + b" \t\r\n")[:1] in (b"{", b"[")


def load_json(raw: bytes) -> tuple[object, str]:
    """The decoded document and its text (for the lines of messages)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadImportFile("json_not_utf8", raw.count(b"\n", 0, error.start) + 1) from None
    try:
        return json.loads(text), text
    except json.JSONDecodeError as error:
        raise BadImportFile(
            "invalid_json", error.lineno, detail=error.msg, column=error.colno
        ) from None
    except RecursionError:
        raise BadImportFile("json_too_deep") from None
    except ValueError:
        # The one other ValueError json raises: an integer longer than Python converts.
        raise _long_number(text) from None


def _long_number(text: str) -> BadImportFile:
    """The refusal of the first integer longer than Python converts, with its line and field.

    >>> refusal = _long_number('{"data": [\\n  {"id": ' + "9" * 5000 + "}]}")
    >>> refusal.line, refusal.field, refusal.reason("en")[:33]
    (2, 'data[0].id', 'number of more than 4300 digits: ')
    """
    limit = sys.get_int_max_str_digits()
    too_long = object()

    def parse_int(digits: str):
        return too_long if len(digits.lstrip("-")) > limit else 0

    path = path_to(json.loads(text, parse_int=parse_int), too_long)
    line = field_line(text, path) if path else None
    return BadImportFile("number_too_long", line, path or None, digits=limit)


def json_format(document) -> str:
    """The JSON format by the keys that only it uses; each item's time key decides Meta's two.

    Instagram comments requested with `from` carry {id, username} as Facebook's
    do, so "from" cannot tell them apart: Facebook says created_time,
    Instagram timestamp, X created_at.

    >>> json_format({"data": [{"id": "1", "from": {"id": "9"}, "timestamp": "…"}]})
    'instagram'
    >>> json_format({"kind": "youtube#commentThreadListResponse", "items": []})
    'youtube'
    """
    if isinstance(document, dict):
        items = document.get("items")
        kind = document.get("kind")
        if (isinstance(kind, str) and kind.startswith("youtube#")) or isinstance(items, list):
            return "youtube"
        data = document.get("data")
        meta = document.get("meta")
        if data is None and isinstance(meta, dict) and "result_count" in meta:
            return "x"  # X leaves "data" out when nothing matched
        if isinstance(data, dict):
            data = [data]
        if isinstance(data, list):
            keys = set().union(*(item for item in data[:50] if isinstance(item, dict)))
            if keys & _X_KEYS or "includes" in document:
                return "x"
            if "timestamp" in keys:
                return "instagram"
            if "created_time" in keys:
                return "facebook"
            if keys & {"username", "media", "replies"}:
                return "instagram"
            if keys & {"message", "from"}:
                return "facebook"
            if not data:  # nothing to import: any reader gives nothing
                return "x" if "meta" in document else "facebook"
    raise BadImportFile("unknown_json_format", tried=_FORMATS_TRIED)


def _read_facebook(document, text: str) -> CommentTable:
    """Comments and their nested replies; a reply's post_ref is the comment it answers."""
    table = CommentTable(
        sources={
            "received_at": "created_time",
            "text": "message",
            "external_id": "id",
            "author_name": "from.name",
            "author_handle": "from.id",
            "post_title": "post.message",
            "post_url": "post.permalink_url",
            "post_published_at": "post.created_time",
        }
    )
    for item, line, path, parent in _with_replies(document, text, "comments"):
        comment_id = _value(item, "id", line, path, required=True)
        # Graph comment ids are "{post id}_{comment id}"; `parent` is asked for with fields=parent.
        post = parent or _value(item, "parent.id", line, path)
        table.add(
            line,
            path,
            platform="facebook",
            external_id=comment_id,
            post_ref=post or (comment_id.split("_")[0] if "_" in comment_id else None),
            received_at=_value(item, "created_time", line, path, required=True),
            text=_value(item, "message", line, path),
            author_name=_value(item, "from.name", line, path),
            author_handle=_value(item, "from.id", line, path),
            post_title=_known(item, "post.message"),
            post_url=_known(item, "post.permalink_url")
            or _post_of_comment_address(_known(item, "permalink_url")),
            post_published_at=_known(item, "post.created_time"),
            permalink=_known(item, "permalink_url"),
        )
    return table


def _post_of_comment_address(address: str | None) -> str | None:
    """A Facebook comment's permalink_url without what points at the comment: its post's.

    >>> _post_of_comment_address("https://www.facebook.com/1/posts/2/?comment_id=3&ref=x")
    'https://www.facebook.com/1/posts/2/?ref=x'
    """
    if not address:
        return None
    parts = urlsplit(address)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in _COMMENT_PARAMETERS]
    return urlunsplit(parts._replace(query=urlencode(query), fragment=""))


_COMMENT_PARAMETERS = {"comment_id", "reply_comment_id", "comment_tracking"}


def _read_instagram(document, text: str) -> CommentTable:
    """Comments (author as `username` or `from.username`) and their nested replies."""
    table = CommentTable(
        sources={
            "received_at": "timestamp",
            "external_id": "id",
            "author_name": "username",
            "author_handle": "username",
            "post_title": "media.caption",
            "post_url": "media.permalink",
            "post_published_at": "media.timestamp",
        }
    )
    for item, line, path, parent in _with_replies(document, text, "replies"):
        username = _value(item, "username", line, path) or _value(item, "from.username", line, path)
        table.add(
            line,
            path,
            platform="instagram",
            external_id=_value(item, "id", line, path, required=True),
            post_ref=parent or _value(item, "media.id", line, path),
            received_at=_value(item, "timestamp", line, path, required=True),
            text=_value(item, "text", line, path),
            author_name=username,
            author_handle=username,
            # With fields=media{caption,permalink,timestamp}, a comment says what it answers.
            post_title=_known(item, "media.caption"),
            post_url=_known(item, "media.permalink"),
            post_published_at=_known(item, "media.timestamp"),
            # Instagram gives no comment's own address: the post's is where it is read.
            permalink=_known(item, "media.permalink"),
        )
    return table


def _read_youtube(document, text: str) -> CommentTable:
    """Top-level comments and the replies the response includes; textOriginal, never HTML."""
    table = CommentTable(
        sources={
            "received_at": "snippet.publishedAt",
            "text": "snippet.textOriginal",
            "external_id": "id",
            "author_name": "snippet.authorDisplayName",
            "author_handle": "snippet.authorChannelId.value",
        }
    )
    for thread, line, path, _ in array_items(document, "items", text):
        channel = _value(thread, "snippet.channelId", line, path)
        video = _value(thread, "snippet.videoId", line, path)
        top = f"{path}.snippet.topLevelComment"
        comments = [(_child(thread, "snippet.topLevelComment", line, path), top)]
        replies = thread.get("replies", {}) if isinstance(thread, dict) else {}
        replies = replies.get("comments", []) if isinstance(replies, dict) else []
        if not isinstance(replies, list):
            replies = []
        comments += [(reply, f"{path}.replies.comments[{i}]") for i, reply in enumerate(replies)]
        for comment, where in comments:
            video_id = _value(comment, "snippet.videoId", line, where) or video
            table.add(
                line,
                where,
                platform="youtube",
                account=channel,
                external_id=_value(comment, "id", line, where, required=True),
                post_ref=video_id,
                post_url=_address(YOUTUBE_VIDEO, video_id),
                permalink=_comment_address(video_id, comment),
                received_at=_value(comment, "snippet.publishedAt", line, where, required=True),
                text=_value(comment, "snippet.textOriginal", line, where, required=True),
                author_name=_value(comment, "snippet.authorDisplayName", line, where),
                author_handle=_value(comment, "snippet.authorChannelId.value", line, where),
            )
    return table


def _read_x(document, text: str) -> CommentTable:
    """Tweets, their authors' names and usernames taken from `includes.users`."""
    table = CommentTable(sources={"external_id": "id", "received_at": "created_at"})
    includes = document.get("includes", {}) if isinstance(document, dict) else {}
    users = _by_id(includes, "users")
    # The conversation's first tweet, when the request expanded referenced_tweets.id.
    tweets = _by_id(includes, "tweets")
    for item, line, path, _ in array_items(document, "data", text):
        author_id = _value(item, "author_id", line, path)
        user = users.get(author_id, {})
        conversation = _value(item, "conversation_id", line, path)
        first = tweets.get(conversation, {})
        tweet_id = _value(item, "id", line, path, required=True)
        table.add(
            line,
            path,
            platform="x",
            external_id=tweet_id,
            post_ref=conversation,
            post_title=_known(first, "text"),
            post_url=_address(X_STATUS, conversation),
            post_published_at=_known(first, "created_at"),
            permalink=_address(X_STATUS, tweet_id),
            received_at=_value(item, "created_at", line, path, required=True),
            text=_value(item, "text", line, path),
            author_name=_value(user, "name", line, "includes.users"),
            author_handle=_value(user, "username", line, "includes.users") or author_id,
        )
    return table


def _by_id(includes, kind: str) -> dict[str, dict]:
    """The objects of `includes[kind]` (X's expansions) by their id."""
    found = includes.get(kind, []) if isinstance(includes, dict) else []
    return {
        str(each["id"]): each
        for each in (found if isinstance(found, list) else [])
        if isinstance(each, dict) and each.get("id") is not None
    }


# The address of a YouTube video and of an X conversation (its first tweet), from its id.
YOUTUBE_VIDEO = "https://www.youtube.com/watch?v={id}"
X_STATUS = "https://x.com/i/web/status/{id}"


def _comment_address(video_id: str | None, comment) -> str | None:
    """A YouTube comment's own address: its video's, highlighting it (`lc`).

    >>> _comment_address("v1", {"id": "Ug_x"})
    'https://www.youtube.com/watch?v=v1&lc=Ug_x'
    """
    comment_id = comment.get("id") if isinstance(comment, dict) else None
    if not video_id or not isinstance(comment_id, str):
        return None
    return f"{_address(YOUTUBE_VIDEO, video_id)}&lc={quote(comment_id, safe='')}"


def _address(form: str, platform_id: str | None) -> str | None:
    """`form` with an id, escaped so that the id stays one query value or path segment.

    >>> _address(X_STATUS, "185"), _address(YOUTUBE_VIDEO, "a&b"), _address(X_STATUS, None)
    ('https://x.com/i/web/status/185', 'https://www.youtube.com/watch?v=a%26b', None)
    """
    return form.format(id=quote(platform_id, safe="")) if platform_id else None


JSON_READERS = {
    "facebook": _read_facebook,
    "instagram": _read_instagram,
    "youtube": _read_youtube,
    "x": _read_x,
}


def _with_replies(document, text: str, edge: str):
    """(item, line, path, parent id) for each comment and, after it, its nested replies.

    Graph API field expansion nests them as `comments{data}` (Facebook) or
    `replies{data}` (Instagram), on any level; a reply's parent is the
    comment it answers.
    """
    for top in array_items(document, "data", text):
        pending = [(*top, None)]  # one comment and its replies, depth first
        while pending:
            item, line, path, offset, parent = pending.pop()
            yield item, line, path, parent
            nested = item.get(edge) if isinstance(item, dict) else None
            if nested is None:
                continue
            replies = nested.get("data", []) if isinstance(nested, dict) else None
            if not isinstance(replies, list):
                raise BadImportFile(
                    "bad_replies", line, f"{path}.{edge}", expected='{"data": [...]}'
                )
            parent_id = item.get("id")
            parent_id = str(parent_id) if isinstance(parent_id, (str, int)) else None
            positions = nested_positions(text, offset, line, edge, len(replies))
            pending.extend(
                (reply, positions[i][0], f"{path}.{edge}.data[{i}]", positions[i][1], parent_id)
                for i, reply in reversed(list(enumerate(replies)))
            )


def _value(item, keys: str, line, path, required: bool = False) -> str | None:
    """The text at a dotted path in an item; ids given as numbers are read as text."""
    value = item
    for key in keys.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if value is None and required:
        raise BadImportFile("missing_field", line, f"{path}.{keys}")
    if value is not None and not isinstance(value, str):
        raise BadImportFile("text_expected", line, f"{path}.{keys}")
    return value


def _known(item, keys: str) -> str | None:
    r"""The text at a dotted path in an item, if there is text there, its start only and
    printable: what a comment says of its post only informs, and never refuses a file.

    >>> caption = _known({"media": {"caption": "\ud800" + "x" * 5000}}, "media.caption")
    >>> len(caption), caption[0] == "\N{REPLACEMENT CHARACTER}"
    (4000, True)
    """
    value = item
    for key in keys.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return printable(value[:POST_READ_CHARS]) if isinstance(value, str) else None


# Enough of a post's text for its first words (`lib.ingest.POST_TITLE_MAX_CHARS`) and an address.
POST_READ_CHARS = 4_000


def _child(item, keys: str, line, path):
    """The object at a dotted path in an item; refused when absent."""
    value = item
    for key in keys.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    if not isinstance(value, dict):
        raise BadImportFile("missing_object", line, f"{path}.{keys}")
    return value
