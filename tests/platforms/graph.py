"""The Graph API's front door: tokens, usage headers and limits, and routing to page or account."""

import json

from tests.platforms import facebook, instagram
from tests.platforms import graph_common as common
from tests.platforms.shapes import PACIFIC, BadRequest, Request, Response
from tests.platforms.state import Owner, State

PREFIX = common.PREFIX
MODULES = (facebook, instagram)
server_error = common.server_error


def owners(state: State, token: str | None) -> list[tuple[str, Owner]]:
    """(platform, account) for each page or Instagram account a valid token speaks for."""
    return [(m.PLATFORM, o) for m in MODULES for o in state.owners_of(m.PLATFORM, token)]


def token_error(state: State, token: str | None) -> Response:
    """190: subcode 463 for an expired token, none for one never issued."""
    if token in state.expired:
        now = state.now().astimezone(PACIFIC)
        message = (
            "Error validating access token: Session has expired on "
            f"{now:%A, %d-%b-%y} 00:00:00 PST. The current time is {now:%A, %d-%b-%y %H:%M:%S} PST."
        )
        return common.error(400, 190, message, error_subcode=463)
    return common.error(400, 190, "Invalid OAuth access token data.")


def throttled(state: State, accounts: list[tuple[str, Owner]]) -> Response | None:
    """Code 4 when the app's usage is at 100 %, 32 (80002 for Instagram) for the account's."""
    if state.usage["app"] >= 100:
        return common.error(400, 4, "(#4) Application request limit reached", is_transient=True)
    if state.usage["business"] >= 100:
        if any(platform == facebook.PLATFORM for platform, _ in accounts):
            return common.error(400, 32, "(#32) Page request limit reached", is_transient=True)
        message = (
            "(#80002) There have been too many calls to this Instagram account. "
            "Wait a bit and try again."
        )
        return common.error(400, 80002, message, is_transient=True)
    return None


def headers(state: State, req: Request) -> dict[str, str]:
    """X-App-Usage and X-Business-Use-Case-Usage, with the percentages of set_usage."""
    app, business = state.usage["app"], state.usage["business"]
    app_usage = {"call_count": app, "total_cputime": app, "total_time": app}
    kinds = {facebook.PLATFORM: "pages", instagram.PLATFORM: "instagram"}
    business_usage = {
        owner.id: [
            {
                "type": kinds[platform],
                "call_count": business,
                "total_cputime": business,
                "total_time": business,
                "estimated_time_to_regain_access": 60 if business >= 100 else 0,
            }
        ]
        for platform, owner in owners(state, req.token)
    }
    return {
        "X-App-Usage": json.dumps(app_usage),
        "X-Business-Use-Case-Usage": json.dumps(business_usage),
    }


def handle(state: State, req: Request) -> Response:
    """Check the token and the limits, find the object, then run the route for it."""
    accounts = owners(state, req.token)
    if not accounts:
        return token_error(state, req.token)
    refusal = throttled(state, accounts)
    if refusal is not None:
        return refusal
    parts = req.parts
    if not 1 <= len(parts) <= 2:
        return common.unknown_path(req.path)
    object_id = accounts[0][1].id if parts[0] == "me" else parts[0]
    for module in MODULES:
        found = find(state, module, object_id)
        if found is not None:
            return run(state, req, module, found, accounts)
    return common.missing_object(object_id)


def find(state: State, module, object_id: str) -> tuple[str, object, str] | None:
    """(kind, object, the account it belongs to) for an account (a page), what it published
    (a post, a media) or a live comment of `module`'s platform; None when unknown."""
    platform = module.PLATFORM
    owner_kind, container_kind = module.KINDS
    if object_id in state.owners[platform]:
        return owner_kind, state.owner(platform, object_id), object_id
    if object_id in state.containers[platform]:
        container = state.container(platform, object_id)
        return container_kind, container, container.owner_id
    comment = state.live(platform, object_id)
    if comment is not None:
        return "comment", comment, comment.owner_id
    return None


def run(state: State, req: Request, module, found: tuple, accounts: list) -> Response:
    kind, node, owner_id = found
    if owner_id not in {owner.id for platform, owner in accounts if platform == module.PLATFORM}:
        return module.permission_error()
    edge = req.parts[1] if len(req.parts) > 1 else None
    route = module.ROUTES.get((req.method, kind, edge))
    if route is None:
        return common.unknown_path(req.path)
    try:
        return route(state, req, node)
    except BadRequest as refused:
        return common.bad_parameter(refused.message)
