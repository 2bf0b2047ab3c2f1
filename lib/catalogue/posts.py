"""What a comment was posted under: the post's title or first words, and its link."""

STRINGS: dict[str, dict[str, str]] = {}
