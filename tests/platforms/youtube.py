"""The YouTube Data API v3 of a channel: comment threads, comments, moderation, daily quota."""

import hashlib
import html

from tests.platforms.shapes import (
    BadRequest,
    Request,
    Response,
    page_of,
    page_size,
    youtube_time,
)
from tests.platforms.state import Comment, Owner, State

PREFIX = "/youtube/v3"
PLATFORM = "youtube"
STATUSES = ("heldForReview", "published", "rejected")


def error(status: int, reason: str, message: str, domain: str = "youtube.comment") -> Response:
    """A YouTube error: {"error": {"code", "message", "errors": [{message, domain, reason}]}}."""
    detail = {"message": message, "domain": domain, "reason": reason}
    return Response(status, {"error": {"code": status, "message": message, "errors": [detail]}})


def server_error(status: int) -> dict:
    body = error(status, "backendError", "Internal error encountered.", "global").body
    body["error"]["status"] = "INTERNAL" if status == 500 else "UNAVAILABLE"
    return body


def auth_error() -> Response:
    message = (
        "Request had invalid authentication credentials. Expected OAuth 2 access token, "
        "login cookie or other valid authentication credential. See "
        "https://developers.google.com/identity/sign-in/web/devconsole-project."
    )
    detail = {
        "message": "Invalid Credentials",
        "domain": "global",
        "reason": "authError",
        "location": "Authorization",
        "locationType": "header",
    }
    body = {"code": 401, "message": message, "errors": [detail], "status": "UNAUTHENTICATED"}
    return Response(401, {"error": body})


def quota_error() -> Response:
    message = "The request cannot be completed because you have exceeded your quota."
    return error(403, "quotaExceeded", message, "youtube.quota")


def forbidden() -> Response:
    message = "The comment could not be updated due to insufficient permissions."
    return error(403, "forbidden", message)


def comment_not_found(parameter: str = "id") -> Response:
    message = f"The comment identified by the {parameter} parameter could not be found."
    return error(404, "commentNotFound", message)


def etag(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:27]


def render(comment: Comment, owner_view: bool = False) -> dict:
    """A youtube#comment resource; moderationStatus only when its channel's owner asks."""
    snippet = {
        "channelId": comment.owner_id,
        "videoId": comment.container_id,
        "textDisplay": html.escape(comment.text),
        "textOriginal": comment.text,
        "authorDisplayName": comment.author_name,
        "authorChannelUrl": f"http://www.youtube.com/channel/{comment.author_id}",
        "authorChannelId": {"value": comment.author_id},
        "canRate": True,
        "viewerRating": "none",
        "likeCount": 0,
        "publishedAt": youtube_time(comment.created),
        "updatedAt": youtube_time(comment.updated or comment.created),
    }
    if comment.parent_id:
        snippet["parentId"] = comment.parent_id
    if owner_view:
        snippet["moderationStatus"] = comment.status
    resource = {"kind": "youtube#comment", "etag": etag(comment.id, comment.text), "id": comment.id}
    return {**resource, "snippet": snippet}


def public_replies(state: State, comment: Comment) -> list[Comment]:
    replies = [r for r in state.children(comment.id) if r.status == "published"]
    return sorted(replies, key=lambda r: r.key)


def thread(state: State, top: Comment, owner_view: bool) -> dict:
    """A youtube#commentThread: the top comment and, when any, its first five replies."""
    replies = public_replies(state, top)
    snippet = {
        "channelId": top.owner_id,
        "videoId": top.container_id,
        "topLevelComment": render(top, owner_view),
        "canReply": True,
        "totalReplyCount": len(replies),
        "isPublic": True,
    }
    item = {"kind": "youtube#commentThread", "etag": etag(top.id), "id": top.id}
    item["snippet"] = snippet
    if replies:
        item["replies"] = {"comments": [render(r, owner_view) for r in replies[:5]]}
    return item


def listing(kind: str, req: Request, items: list, render_item, default_size: int) -> Response:
    """A youtube#…ListResponse page of `items`, with nextPageToken when more remain."""
    size = page_size(req.query.get("maxResults"), default_size)
    descending = kind == "youtube#commentThreadListResponse"
    page, token = page_of(items, lambda c: c.key, req.query.get("pageToken"), size, descending)
    body: dict = {"kind": kind, "etag": etag(kind, *(c.id for c in page))}
    if token:
        body["nextPageToken"] = token
    body["pageInfo"] = {"totalResults": len(items), "resultsPerPage": size}
    body["items"] = [render_item(c) for c in page]
    return Response(200, body)


def list_threads(state: State, req: Request, channel: Owner) -> Response:
    """The threads of a channel's (or one video's) comments, newest first."""
    channel_id, video_id = req.query.get("allThreadsRelatedToChannelId"), req.query.get("videoId")
    if video_id is not None and video_id not in state.containers[PLATFORM]:
        return error(404, "videoNotFound", "The video could not be found.", "youtube.commentThread")
    if video_id is not None:
        channel_id = state.container(PLATFORM, video_id).owner_id
    if channel_id is None:
        message = "No filter selected. Expected one of: allThreadsRelatedToChannelId, videoId"
        return error(400, "missingRequiredParameter", message, "youtube.parameter")
    if channel_id not in state.owners[PLATFORM]:
        return error(
            404, "channelNotFound", "The channel could not be found.", "youtube.commentThread"
        )
    status = req.query.get("moderationStatus", "published")
    tops = [
        c
        for c in state.comments.values()
        if c.platform == PLATFORM
        and c.owner_id == channel_id
        and c.parent_id is None
        and not c.deleted
        and c.status == status
        and (video_id is None or c.container_id == video_id)
    ]
    tops.sort(key=lambda c: c.key, reverse=True)
    owner_view = channel_id == channel.id
    kind = "youtube#commentThreadListResponse"
    return listing(kind, req, tops, lambda c: thread(state, c, owner_view), 20)


def list_comments(state: State, req: Request, channel: Owner) -> Response:
    """Comments by id (deleted ones absent), or a comment's public replies, oldest first."""
    kind = "youtube#commentListResponse"
    if "id" in req.query:
        found = [state.live(PLATFORM, i.strip()) for i in req.query["id"].split(",")]

        def owned(comment: Comment) -> dict:
            # The channel's owner sees each comment's moderation status (rejected: hidden).
            return render(comment, owner_view=comment.owner_id == channel.id)

        return listing(kind, req, [c for c in found if c], owned, 100)
    if "parentId" in req.query:
        parent = state.comments.get(req.query["parentId"])
        replies = public_replies(state, parent) if parent else []
        return listing(kind, req, replies, render, 20)
    message = "No filter selected. Expected one of: id, parentId"
    return error(400, "missingRequiredParameter", message, "youtube.parameter")


def set_status(state: State, req: Request, channel: Owner) -> Response:
    """Publish, hold or reject comments of the channel (and ban their authors); 204."""
    status, ban = req.query.get("moderationStatus"), req.query.get("banAuthor", "") == "true"
    if status not in STATUSES:
        return error(400, "invalidModerationStatus", "Invalid moderation status.")
    if ban and status != "rejected":
        return error(400, "banWithoutReject", "banAuthor can only be used with rejected.")
    found = [state.live(PLATFORM, i.strip()) for i in req.query.get("id", "").split(",")]
    if not found or None in found:
        return comment_not_found()
    if any(c.owner_id != channel.id for c in found):
        return forbidden()
    for comment in found:
        comment.status, comment.hidden = status, status == "rejected"
        if ban:
            state.blocked[channel.id].add(comment.author_id)
    return Response(204)


def insert(state: State, req: Request, channel: Owner) -> Response:
    """A reply by the channel to snippet.parentId."""
    snippet = (req.body if isinstance(req.body, dict) else {}).get("snippet") or {}
    if not snippet.get("parentId") or not snippet.get("textOriginal"):
        message = "The comment resource must set snippet.parentId and snippet.textOriginal."
        return error(400, "invalidCommentMetadata", message)
    parent = state.live(PLATFORM, snippet["parentId"])
    if parent is None:
        return comment_not_found("snippet.parentId")
    reply = state.add_comment(
        PLATFORM,
        parent.container_id,
        id=state.new_id(f"{parent.id}."),
        text=snippet["textOriginal"],
        created=state.now(),
        author_id=channel.id,
        author_name=channel.name,
        parent_id=parent.id,
    )
    return Response(200, render(reply))


def own(state: State, comment_id: str | None, channel: Owner) -> Comment | Response:
    """The channel's own live comment, or the error to answer."""
    comment = state.live(PLATFORM, comment_id or "")
    if comment is None:
        return comment_not_found()
    return comment if comment.author_id == channel.id else forbidden()


def update(state: State, req: Request, channel: Owner) -> Response:
    body = req.body if isinstance(req.body, dict) else {}
    text = (body.get("snippet") or {}).get("textOriginal")
    if not text:
        return error(400, "invalidCommentMetadata", "snippet.textOriginal is required.")
    comment = own(state, body.get("id"), channel)
    if isinstance(comment, Response):
        return comment
    comment.text, comment.updated = text, state.now()
    return Response(200, render(comment))


def delete(state: State, req: Request, channel: Owner) -> Response:
    comment = own(state, req.query.get("id"), channel)
    if isinstance(comment, Response):
        return comment
    comment.deleted = True
    return Response(204)


ROUTES = {
    ("GET", "commentThreads"): (1, list_threads),
    ("GET", "comments"): (1, list_comments),
    ("POST", "comments/setModerationStatus"): (50, set_status),
    ("POST", "comments"): (50, insert),
    ("PUT", "comments"): (50, update),
    ("DELETE", "comments"): (50, delete),
}


def headers(state: State, req: Request) -> dict[str, str]:
    return {}


def handle(state: State, req: Request) -> Response:
    """Check the token, charge the quota (nothing applied when it is spent), then route."""
    channels = state.owners_of(PLATFORM, req.token)
    if not channels:
        return auth_error()
    route = ROUTES.get((req.method, "/".join(req.parts)))
    if route is None:
        return error(404, "notFound", "Not Found", "global")
    cost, action = route
    if not state.charge(cost):
        return quota_error()
    try:
        return action(state, req, channels[0])
    except BadRequest as refused:
        reason = "invalidPageToken" if refused.parameter == "cursor" else "invalidValue"
        return error(400, reason, refused.message, "youtube.parameter")
