"""The X API v2 of an account: its mentions, tweet lookup, hiding replies, rate-limit windows."""

from http import HTTPStatus

from tests.platforms.shapes import BadRequest, Request, Response, page_of, page_size, x_time
from tests.platforms.state import Comment, Owner, State

PREFIX = "/x/2"
PLATFORM = "x"
WINDOW_SECONDS = 15 * 60
# Requests per 15-minute window per user, by endpoint.
LIMITS = {"mentions": 180, "tweets": 900, "hidden": 50, "me": 75, "unknown": 900}
NOT_FOUND_TYPE = "https://api.twitter.com/2/problems/resource-not-found"


def problem(status: int, title: str, detail: str, kind: str = "about:blank", **extra) -> Response:
    """An X problem: {"title", "type", "status", "detail"}."""
    return Response(
        status, {"title": title, "type": kind, "status": status, "detail": detail, **extra}
    )


def server_error(status: int) -> dict:
    phrase = HTTPStatus(status).phrase
    return problem(status, phrase, phrase).body


def invalid_request(message: str, parameter: str) -> Response:
    body = {
        "errors": [{"parameters": {parameter: []}, "message": message}],
        "title": "Invalid Request",
        "detail": "One or more parameters to your request was invalid.",
        "type": "https://api.twitter.com/2/problems/invalid-request",
    }
    return Response(400, body)


def not_found(resource: str, resource_id: str, parameter: str) -> dict:
    """The entry of `errors` for a missing tweet or user."""
    return {
        "value": resource_id,
        "detail": f"Could not find {resource} with {parameter}: [{resource_id}].",
        "title": "Not Found Error",
        "resource_type": resource,
        "parameter": parameter,
        "resource_id": resource_id,
        "type": NOT_FOUND_TYPE,
    }


def render(tweet: Comment, fields: set[str]) -> dict:
    """A tweet with its default fields and those of tweet.fields that it has."""
    rendered = {"id": tweet.id, "text": tweet.text, "edit_history_tweet_ids": [tweet.id]}
    extra = {
        "created_at": x_time(tweet.created),
        "author_id": tweet.author_id,
        "conversation_id": tweet.container_id,
        "in_reply_to_user_id": tweet.in_reply_to_user_id,
    }
    rendered.update({k: v for k, v in extra.items() if k in fields and v is not None})
    return rendered


def expanded(state: State, req: Request, tweets: list[Comment], body: dict) -> dict:
    """`body` with includes.users when expansions=author_id."""
    if "author_id" not in req.query.get("expansions", "").split(","):
        return body
    users = state.owners[PLATFORM]
    authors = dict.fromkeys(t.author_id for t in tweets if t.author_id in users)
    if authors:
        shown = [users[a] for a in authors]
        body["includes"] = {
            "users": [{"id": u.id, "username": u.username, "name": u.name} for u in shown]
        }
    return body


def fields(req: Request) -> set[str]:
    return set(req.query.get("tweet.fields", "").split(","))


def number(req: Request, name: str) -> int | None:
    value = req.query.get(name)
    if value is None:
        return None
    if not value.isdigit():
        raise BadRequest(f"The `{name}` query parameter value [{value}] is not valid", name)
    return int(value)


def mentions_user(state: State, tweet: Comment, user: Owner) -> bool:
    """Whether a tweet by someone else replies to, mentions, or sits in a conversation of `user`."""
    if tweet.deleted or tweet.author_id == user.id:
        return False
    root = state.comments.get(tweet.container_id)
    return (
        (root is not None and root.author_id == user.id)
        or tweet.in_reply_to_user_id == user.id
        or f"@{user.username}".lower() in tweet.text.lower()
    )


def mentions(state: State, req: Request, caller: Owner, user_id: str) -> Response:
    """The user's mentions, newest first (ids as integers), after since_id if given."""
    user = state.owners[PLATFORM].get(user_id)
    if user is None:
        return Response(200, {"errors": [not_found("user", user_id, "id")]})
    since_id, until_id = number(req, "since_id"), number(req, "until_id")
    tweets = [
        t
        for t in state.comments.values()
        if t.platform == PLATFORM
        and mentions_user(state, t, user)
        and (since_id is None or int(t.id) > since_id)
        and (until_id is None or int(t.id) < until_id)
    ]
    tweets.sort(key=lambda t: int(t.id), reverse=True)
    size = page_size(req.query.get("max_results"), 10)
    cursor = req.query.get("pagination_token")
    page, next_token = page_of(tweets, lambda t: (int(t.id),), cursor, size)
    if not page:
        return Response(200, {"meta": {"result_count": 0}})
    meta = {"result_count": len(page), "newest_id": page[0].id, "oldest_id": page[-1].id}
    if next_token:
        meta["next_token"] = next_token
    body = expanded(state, req, page, {"data": [render(t, fields(req)) for t in page]})
    return Response(200, {**body, "meta": meta})


def lookup(state: State, req: Request, caller: Owner, _: str) -> Response:
    """Tweets by id: the present ones in data, the missing or deleted ones in errors."""
    ids = [i.strip() for i in req.query.get("ids", "").split(",") if i.strip()]
    if not 1 <= len(ids) <= 100:
        raise BadRequest("The `ids` query parameter needs 1 to 100 ids", "ids")
    found = [(i, state.live(PLATFORM, i)) for i in ids]
    present = [t for _, t in found if t is not None]
    body: dict = {}
    if present:
        body["data"] = [render(t, fields(req)) for t in present]
    errors = [not_found("tweet", i, "ids") for i, t in found if t is None]
    if errors:
        body["errors"] = errors
    return Response(200, expanded(state, req, present, body))


def hide(state: State, req: Request, caller: Owner, tweet_id: str) -> Response:
    """Hide or unhide a reply in a conversation the caller started."""
    hidden = req.body.get("hidden") if isinstance(req.body, dict) else None
    if not isinstance(hidden, bool):
        raise BadRequest("The `hidden` field must be a boolean", "hidden")
    tweet = state.live(PLATFORM, tweet_id)
    if tweet is None:
        error = not_found("tweet", tweet_id, "id")
        return problem(404, "Not Found Error", error["detail"], NOT_FOUND_TYPE)
    root = state.comments.get(tweet.container_id)
    if tweet.id == tweet.container_id or root is None or root.author_id != caller.id:
        detail = "You can only hide or unhide replies to conversations you started."
        return problem(403, "Forbidden", detail)
    tweet.hidden = hidden
    return Response(200, {"data": {"hidden": hidden}})


def me(state: State, req: Request, caller: Owner, _: str) -> Response:
    return Response(
        200, {"data": {"id": caller.id, "name": caller.name, "username": caller.username}}
    )


def route(req: Request) -> tuple[str, object, str] | None:
    """(endpoint, action, path id) for a known path and method."""
    parts, method = req.parts, req.method
    if method == "GET" and len(parts) == 3 and parts[0] == "users" and parts[2] == "mentions":
        return "mentions", mentions, parts[1]
    if method == "GET" and parts == ["users", "me"]:
        return "me", me, ""
    if method == "GET" and parts == ["tweets"]:
        return "tweets", lookup, ""
    if method == "PUT" and len(parts) == 3 and parts[0] == "tweets" and parts[2] == "hidden":
        return "hidden", hide, parts[1]
    return None


def window(state: State, user_id: str, endpoint: str) -> list:
    """[reset epoch, requests so far] of the user's current window on `endpoint`."""
    now = state.now().timestamp()
    current = state.windows.get((user_id, endpoint))
    if current is None or now >= current[0]:
        current = state.windows[(user_id, endpoint)] = [int(now) + WINDOW_SECONDS, 0]
    return current


def headers(state: State, req: Request) -> dict[str, str]:
    """x-rate-limit-limit, -remaining and -reset of the caller's window on the endpoint."""
    found = route(req)
    endpoint = found[0] if found else "unknown"
    users = state.owners_of(PLATFORM, req.token)
    reset, used = (
        window(state, users[0].id, endpoint)
        if users
        else (int(state.now().timestamp()) + WINDOW_SECONDS, 0)
    )
    return {
        "x-rate-limit-limit": str(LIMITS[endpoint]),
        "x-rate-limit-remaining": str(max(LIMITS[endpoint] - used, 0)),
        "x-rate-limit-reset": str(reset),
    }


def handle(state: State, req: Request) -> Response:
    """Check the token and the caller's window (429 beyond it, nothing applied), then route."""
    users = state.owners_of(PLATFORM, req.token)
    if not users:
        return problem(401, "Unauthorized", "Unauthorized")
    found = route(req)
    if found is None:
        detail = "The requested resource could not be found."
        return problem(404, "Not Found Error", detail, NOT_FOUND_TYPE)
    endpoint, action, path_id = found
    current = window(state, users[0].id, endpoint)
    if current[1] >= LIMITS[endpoint]:
        return problem(429, "Too Many Requests", "Too Many Requests")
    current[1] += 1
    try:
        return action(state, req, users[0], path_id)
    except BadRequest as refused:
        return invalid_request(refused.message, refused.parameter)
