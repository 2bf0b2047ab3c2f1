"""Credentials read from the server's configuration, kept out of every repr, log and message.

>>> token = Token("EAAB-not-real")
>>> token, str(token), token.reveal()
(Token(…), 'Token(…)', 'EAAB-not-real')
"""


class Token:
    """A credential that never shows itself: not in repr, str, logs nor tracebacks' locals."""

    __slots__ = ("_value",)

    def __init__(self, value: str):
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Token(…)"

    __str__ = __repr__
