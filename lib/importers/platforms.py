"""The platforms' JSON: Meta Graph (Facebook, Instagram), YouTube Data, X v2, and which is which."""

from __future__ import annotations

import codecs
import json
import sys

from lib.importers.errors import BadImportFile
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
        )
    return table


def _read_instagram(document, text: str) -> CommentTable:
    """Comments (author as `username` or `from.username`) and their nested replies."""
    table = CommentTable(
        sources={
            "received_at": "timestamp",
            "external_id": "id",
            "author_name": "username",
            "author_handle": "username",
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
            table.add(
                line,
                where,
                platform="youtube",
                account=channel,
                external_id=_value(comment, "id", line, where, required=True),
                post_ref=_value(comment, "snippet.videoId", line, where) or video,
                received_at=_value(comment, "snippet.publishedAt", line, where, required=True),
                text=_value(comment, "snippet.textOriginal", line, where, required=True),
                author_name=_value(comment, "snippet.authorDisplayName", line, where),
                author_handle=_value(comment, "snippet.authorChannelId.value", line, where),
            )
    return table


def _read_x(document, text: str) -> CommentTable:
    """Tweets, their authors' names and usernames taken from `includes.users`."""
    table = CommentTable(sources={"external_id": "id", "received_at": "created_at"})
    users = {}
    includes = document.get("includes", {}) if isinstance(document, dict) else {}
    for user in includes.get("users", []) if isinstance(includes, dict) else []:
        if isinstance(user, dict) and user.get("id") is not None:
            users[str(user["id"])] = user
    for item, line, path, _ in array_items(document, "data", text):
        author_id = _value(item, "author_id", line, path)
        user = users.get(author_id, {})
        table.add(
            line,
            path,
            platform="x",
            external_id=_value(item, "id", line, path, required=True),
            post_ref=_value(item, "conversation_id", line, path),
            received_at=_value(item, "created_at", line, path, required=True),
            text=_value(item, "text", line, path),
            author_name=_value(user, "name", line, "includes.users"),
            author_handle=_value(user, "username", line, "includes.users") or author_id,
        )
    return table


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


def _child(item, keys: str, line, path):
    """The object at a dotted path in an item; refused when absent."""
    value = item
    for key in keys.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    if not isinstance(value, dict):
        raise BadImportFile("missing_object", line, f"{path}.{keys}")
    return value
