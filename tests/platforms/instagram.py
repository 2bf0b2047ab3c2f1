"""The Graph API of an Instagram business account: media, comments, replies, hiding."""

from tests.platforms import graph_common as graph
from tests.platforms.shapes import BadRequest, Request, Response, graph_time
from tests.platforms.state import Comment, Container, Owner, State

PLATFORM = "instagram"
# What `graph.find` calls the account and what it publishes, in the routes below.
KINDS = ("account", "media")


def permission_error() -> Response:
    return graph.error(403, 10, "(#10) Application does not have permission for this action")


def render_media(media: Container) -> dict:
    return {
        "id": media.id,
        "caption": media.text,
        "permalink": f"https://www.instagram.com/p/{media.id}/",
        "timestamp": graph_time(media.created),
    }


def newest_first(comments: list[Comment]) -> list[Comment]:
    return sorted(comments, key=lambda c: c.key, reverse=True)


def render_comment(state: State, comment: Comment, nested: bool = True) -> dict:
    """A comment; a top-level one with `replies` ({"data": […]}) when it has any."""
    rendered = {
        "id": comment.id,
        "text": comment.text,
        "timestamp": graph_time(comment.created),
        "username": comment.author_name,
        "hidden": comment.hidden,
        "from": {"id": comment.author_id, "username": comment.author_name},
        "media": {"id": comment.container_id},
        "like_count": 0,
    }
    if comment.parent_id:
        rendered["parent_id"] = comment.parent_id
    replies = newest_first(state.children(comment.id)) if nested else []
    if replies:
        rendered["replies"] = {"data": [render_comment(state, r, False) for r in replies]}
    return rendered


def account_object(state: State, req: Request, account: Owner) -> Response:
    node = {"id": account.id, "username": account.username, "name": account.name}
    return Response(200, graph.pick(node, req.params.get("fields")))


def media_list(state: State, req: Request, account: Owner) -> Response:
    media = [m for m in state.containers[PLATFORM].values() if m.owner_id == account.id]
    return graph.listing(req, sorted(media, key=lambda m: m.key, reverse=True), render_media)


def media_object(state: State, req: Request, media: Container) -> Response:
    return Response(200, graph.pick(render_media(media), req.params.get("fields")))


def media_comments(state: State, req: Request, media: Container) -> Response:
    """The media's top-level comments, newest first, each with its replies."""
    top = [c for c in state.on(PLATFORM, media.id) if c.parent_id is None]
    return graph.listing(req, top, lambda c: render_comment(state, c))


def get_comment(state: State, req: Request, comment: Comment) -> Response:
    return Response(200, graph.pick(render_comment(state, comment), req.params.get("fields")))


def comment_replies(state: State, req: Request, comment: Comment) -> Response:
    replies = newest_first(state.children(comment.id))
    return graph.listing(req, replies, lambda c: render_comment(state, c, False))


def hide(state: State, req: Request, comment: Comment) -> Response:
    comment.hidden = graph.flag(graph.required(req, "hide"), "hide")
    return Response(200, {"success": True})


def delete_comment(state: State, req: Request, comment: Comment) -> Response:
    comment.deleted = True
    return Response(200, {"success": True})


def reply(state: State, req: Request, comment: Comment) -> Response:
    """A reply by the account, possible only on a top-level comment that is not hidden."""
    message = graph.required(req, "message")
    if comment.parent_id is not None:
        raise BadRequest("Replies are possible only on top-level comments", "comment_id")
    if comment.hidden:
        raise BadRequest("Replies are not possible on a hidden comment", "comment_id")
    name = state.owner(PLATFORM, comment.owner_id).username  # Instagram shows its username
    new_id = state.new_id("1789")
    return graph.reply_by_owner(state, PLATFORM, comment, message, new_id, (name, name))


ROUTES = {
    ("GET", "account", None): account_object,
    ("GET", "account", "media"): media_list,
    ("GET", "media", None): media_object,
    ("GET", "media", "comments"): media_comments,
    ("GET", "comment", None): get_comment,
    ("GET", "comment", "replies"): comment_replies,
    ("POST", "comment", None): hide,
    ("DELETE", "comment", None): delete_comment,
    ("POST", "comment", "replies"): reply,
}
