"""The Graph API of a Facebook page: its feed, its posts' comments, moderation and blocking."""

from tests.platforms import graph_common as graph
from tests.platforms.shapes import BadRequest, Request, Response, graph_time
from tests.platforms.state import Comment, Container, Owner, State

PLATFORM = "facebook"
# What `graph.find` calls the account and what it publishes, in the routes below.
KINDS = ("page", "post")


def permission_error() -> Response:
    return graph.error(403, 200, "(#200) Permissions error")


def short(object_id: str) -> str:
    """The part of a Graph id after its last underscore ('123_456' → '456')."""
    return object_id.rsplit("_", 1)[-1]


def render_post(post: Container) -> dict:
    return {
        "id": post.id,
        "message": post.text,
        "created_time": graph_time(post.created),
        "permalink_url": f"https://www.facebook.com/{post.owner_id}/posts/{short(post.id)}",
    }


def render_comment(comment: Comment) -> dict:
    permalink = (
        f"https://www.facebook.com/{comment.owner_id}/posts/{short(comment.container_id)}"
        f"/?comment_id={short(comment.id)}"
    )
    rendered = {
        "id": comment.id,
        "message": comment.text,
        "created_time": graph_time(comment.created),
        "from": {"id": comment.author_id, "name": comment.author_name},
        "permalink_url": permalink,
        "is_hidden": comment.hidden,
    }
    if comment.parent_id:
        rendered["parent"] = {"id": comment.parent_id}
    return rendered


def page_object(state: State, req: Request, page: Owner) -> Response:
    return Response(200, graph.pick({"id": page.id, "name": page.name}, req.params.get("fields")))


def feed(state: State, req: Request, page: Owner) -> Response:
    """The page's posts, newest first, from `since` if given."""
    since = graph.since(req)
    posts = [
        post
        for post in state.containers[PLATFORM].values()
        if post.owner_id == page.id and (since is None or post.created.timestamp() >= since)
    ]
    posts.sort(key=lambda post: post.key, reverse=True)
    return graph.listing(req, posts, render_post)


def block(state: State, req: Request, page: Owner) -> Response:
    users = [user.strip() for user in graph.required(req, "user").split(",") if user.strip()]
    state.blocked[page.id].update(users)
    return Response(200, {user: True for user in users})


def post_object(state: State, req: Request, post: Container) -> Response:
    return Response(200, graph.pick(render_post(post), req.params.get("fields")))


def post_comments(state: State, req: Request, post: Container) -> Response:
    """A post's comments; with filter=stream, its replies too; from `since` if given."""
    since = graph.since(req)
    stream = req.params.get("filter") == "stream"
    comments = [
        comment
        for comment in state.on(PLATFORM, post.id)
        if (stream or comment.parent_id is None)
        and (since is None or comment.created.timestamp() >= since)
    ]
    return graph.listing(req, comments, render_comment)


def get_comment(state: State, req: Request, comment: Comment) -> Response:
    return Response(200, graph.pick(render_comment(comment), req.params.get("fields")))


def comment_replies(state: State, req: Request, comment: Comment) -> Response:
    replies = sorted(state.children(comment.id), key=lambda c: c.key, reverse=True)
    return graph.listing(req, replies, render_comment)


def update_comment(state: State, req: Request, comment: Comment) -> Response:
    """is_hidden=true|false hides or shows it; message=… edits it (the page's own only)."""
    params = req.params
    if "is_hidden" not in params and "message" not in params:
        raise BadRequest("Either is_hidden or message is required", "is_hidden")
    hidden = graph.flag(params["is_hidden"], "is_hidden") if "is_hidden" in params else None
    if "message" in params:
        if comment.author_id != comment.owner_id:
            return permission_error()
        comment.text = graph.required(req, "message")
        comment.updated = state.now()
    if hidden is not None:
        comment.hidden = hidden
    return Response(200, {"success": True})


def delete_comment(state: State, req: Request, comment: Comment) -> Response:
    comment.deleted = True
    return Response(200, {"success": True})


def reply(state: State, req: Request, comment: Comment) -> Response:
    """A reply by the page; its id is '{post_id}_{new}'."""
    message = graph.required(req, "message")
    page = state.owner(PLATFORM, comment.owner_id)
    new_id = state.new_id(f"{comment.container_id}_")
    return graph.reply_by_owner(state, PLATFORM, comment, message, new_id, (page.id, page.name))


ROUTES = {
    ("GET", "page", None): page_object,
    ("GET", "page", "feed"): feed,
    ("GET", "page", "posts"): feed,
    ("POST", "page", "blocked"): block,
    ("GET", "post", None): post_object,
    ("GET", "post", "comments"): post_comments,
    ("GET", "comment", None): get_comment,
    ("GET", "comment", "comments"): comment_replies,
    ("POST", "comment", None): update_comment,
    ("DELETE", "comment", None): delete_comment,
    ("POST", "comment", "comments"): reply,
}
