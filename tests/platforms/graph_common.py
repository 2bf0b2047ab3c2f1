"""Graph API shapes shared by Facebook pages and Instagram accounts: errors, fields, paging."""

import secrets
from urllib.parse import urlencode

from tests.platforms.shapes import (
    BadRequest,
    Request,
    Response,
    encode_cursor,
    page_of,
    page_size,
)

PREFIX = "/graph/v21.0"


def error(status: int, code: int, message: str, kind: str = "OAuthException", **extra) -> Response:
    """A Graph error: {"error": {"message", "type", "code", …, "fbtrace_id"}}."""
    body = {"message": message, "type": kind, "code": code, **extra}
    body["fbtrace_id"] = "A" + secrets.token_urlsafe(15)
    return Response(status, {"error": body})


def missing_object(object_id: str) -> Response:
    message = (
        f"Unsupported get request. Object with ID '{object_id}' does not exist, cannot be "
        "loaded due to missing permissions, or does not support this operation. Please read "
        "the Graph API documentation at https://developers.facebook.com/docs/graph-api"
    )
    return error(400, 100, message, "GraphMethodException", error_subcode=33)


def bad_parameter(message: str) -> Response:
    return error(400, 100, f"(#100) {message}")


def unknown_path(path: str) -> Response:
    return error(404, 2500, f"Unknown path components: {path}")


def server_error(status: int) -> dict:
    """The body of a generic Graph failure (a transient error, code 2)."""
    message = "An unexpected error has occurred. Please retry your request later."
    return error(status, 2, message, is_transient=True).body


def flag(value: str, name: str) -> bool:
    """A Graph boolean parameter: true/false (or 1/0)."""
    if value.lower() in ("true", "1"):
        return True
    if value.lower() in ("false", "0"):
        return False
    raise BadRequest(f"Param {name} must be a boolean", name)


def required(req: Request, name: str) -> str:
    value = req.params.get(name, "")
    if not value.strip():
        raise BadRequest(f"The parameter {name} is required", name)
    return value


def parse_fields(spec: str | None) -> dict[str, str | None] | None:
    """The top-level names of a `fields` parameter, each with its {sub-fields} if any.

    >>> parse_fields("id,from{id,name},replies.limit(5){text}")
    {'id': None, 'from': 'id,name', 'replies': 'text'}
    """
    if not spec:
        return None
    fields: dict[str, str | None] = {}
    name, sub, depth = "", "", 0
    for char in spec + ",":
        if depth == 0 and char == ",":
            if name.strip():
                fields[name.split(".")[0].strip()] = sub or None
            name, sub = "", ""
            continue
        if char in "{}":
            depth += 1 if char == "{" else -1
            if (depth, char) in ((1, "{"), (0, "}")):
                continue
        if depth == 0:
            name += char
        else:
            sub += char
    return fields


def pick(node: dict, spec: str | None) -> dict:
    """`node` with only the fields `spec` asks for (always its id), sub-fields included."""
    fields = parse_fields(spec)
    if fields is None:
        return node
    picked = {}
    for name, value in node.items():
        if name != "id" and name not in fields:
            continue
        sub = fields.get(name)
        if sub and isinstance(value, dict):
            value = (
                {"data": [pick(v, sub) for v in value["data"]]}
                if "data" in value
                else pick(value, sub)
            )
        picked[name] = value
    return picked


def listing(req: Request, items: list, render, default_size: int = 25) -> Response:
    """One page of `items` (sorted newest first) as Graph lists them, with cursors and `next`."""
    params = req.params
    size = page_size(params.get("limit"), default_size)
    if params.get("order") == "chronological":
        items = items[::-1]
    descending = params.get("order") != "chronological"
    page, after = page_of(items, lambda item: item.key, params.get("after"), size, descending)
    if not page:
        return Response(200, {"data": []})
    data = [pick(render(item), params.get("fields")) for item in page]
    cursors = {"before": encode_cursor(page[0].key), "after": encode_cursor(page[-1].key)}
    paging: dict = {"cursors": cursors}
    if after:
        paging["next"] = next_url(req, after)
    return Response(200, {"data": data, "paging": paging})


def next_url(req: Request, cursor: str) -> str:
    """The request again from `cursor`: its token only if it came in the query."""
    query = {k: v for k, v in req.query.items() if k not in ("after", "before")}
    if req.token_in_query and req.token:
        query["access_token"] = req.token
    query["after"] = cursor
    return f"{req.base_url}{PREFIX}{req.path}?{urlencode(query)}"


def since(req: Request) -> float | None:
    """The `since` parameter (UNIX seconds), if given."""
    value = req.params.get("since")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError as err:
        raise BadRequest(f"Invalid since {value!r}", "since") from err


def reply_by_owner(state, platform: str, comment, message: str, new_id: str, author: tuple):
    """A reply to `comment` by the account that owns it (`author`: its id and name as the
    platform shows them); a 200 with the reply's id."""
    author_id, author_name = author
    new = state.add_comment(
        platform,
        comment.container_id,
        id=new_id,
        text=message,
        created=state.now(),
        author_id=author_id,
        author_name=author_name,
        parent_id=comment.id,
    )
    return Response(200, {"id": new.id})
