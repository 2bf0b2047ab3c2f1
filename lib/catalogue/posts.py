"""What a comment was posted under: the post's title or first words, and its link."""

STRINGS: dict[str, dict[str, str]] = {
    "posts.line": {"fr": "Publication : « {title} »", "en": "Post: “{title}”"},
    "posts.line_published": {
        "fr": "Publication du {when} : « {title} »",
        "en": "Post of {when}: “{title}”",
    },
}
