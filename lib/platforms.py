"""What each platform lets Vigie do to a comment through its API, and what an action becomes there.

A decision taken in Vigie (`lib.moderation.act`) is carried to the platform by the sync
process as one or more operations (`operations`); a platform that cannot do one is known
before the moderator acts (`limitation`), so that the queue can say so.

>>> operations("redirect", "new", "hidden")
('reply', 'hide')
>>> limitation("youtube", "delete"), limitation("facebook", "delete")
('youtube_cannot_delete', None)
"""

from __future__ import annotations

# The operations a sync process performs on a platform, in the order a decision needs them.
OPERATIONS = ("reply", "hide", "unhide", "delete", "restore", "block", "edit_reply", "remove_reply")

# What each platform's API lets a page, an account or a channel do to its comments
# (README, "Connected accounts"): Instagram has no block list nor edit through the API;
# YouTube cannot delete other people's comments (it rejects them: hidden) and bans an
# author through a comment of theirs; X lets an account hide replies, nothing else.
CAPABILITIES: dict[str, frozenset[str]] = {
    "facebook": frozenset(
        ("reply", "hide", "unhide", "delete", "block", "edit_reply", "remove_reply")
    ),
    "instagram": frozenset(("reply", "hide", "unhide", "delete", "remove_reply")),
    "youtube": frozenset(("reply", "hide", "unhide", "block", "edit_reply", "remove_reply")),
    "x": frozenset(("hide", "unhide")),
}
CONNECTED_PLATFORMS = tuple(CAPABILITIES)
PLATFORM_NAMES = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "youtube": "YouTube",
    "x": "X",
    "linkedin": "LinkedIn",
}
# Each platform's word for the id of what an account is: a page, an Instagram professional
# account, a channel, a user (the `[connectors.KEY]` field that gives it).
ID_FIELDS = {
    "facebook": "page_id",
    "instagram": "ig_user_id",
    "youtube": "channel_id",
    "x": "user_id",
}


def operations(kind: str, status_before: str, status_after: str) -> tuple[str, ...]:
    """The platform operations an action of `kind` asks for, from the comment's status
    before and after it: a published reply (a reply, a redirection, an approval), then a
    hide when the action also hid the comment (a `prive` redirection); a reopened comment
    that was hidden is shown again, one that was deleted cannot come back (`restore`).
    """
    if kind in ("reply", "redirect", "approve"):
        return ("reply", "hide") if status_after == "hidden" else ("reply",)
    if kind in ("hide", "delete", "edit_reply", "remove_reply"):
        return (kind,)
    if kind == "reopen":
        return {"hidden": ("unhide",), "deleted": ("restore",)}.get(status_before, ())
    return ()


def limitation(platform: str, operation: str) -> str | None:
    """Why the platform cannot perform `operation`, as a catalogue code
    (`platforms.limit.<code>`), or None when it can.
    """
    if platform not in CAPABILITIES or operation in CAPABILITIES[platform]:
        return None
    if operation == "restore":
        return "cannot_restore"
    return f"{platform}_cannot_{operation}"


def platform_name(platform: str) -> str:
    """The platform's own name, as its users write it.

    >>> platform_name("youtube"), platform_name("other")
    ('YouTube', 'other')
    """
    return PLATFORM_NAMES.get(platform, platform)
