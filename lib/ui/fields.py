"""A number field that reads and writes numbers as the session's language does.

Streamlit's `st.number_input` draws its value with printf (`8.00`) whatever the
language, and a French reader types `7,5`. This field is a text box that shows
`7,5` in French and `7.5` in English, without trailing zeros, and reads either.
"""

from __future__ import annotations

from typing import NamedTuple

import streamlit as st

from lib.i18n import format_amount, parse_number
from lib.ui.session import lang, plain, t


class NumberEntry(NamedTuple):
    label: str
    typed: str
    number: float | None  # None: not a number


def number_field(container, label: str, value: float, key: str, help: str | None = None):
    """Draw the field in `container`; return its label, what it holds and the number read.

    The widget's key names the language and the stored value: switching language or
    saving another value draws the new value, while a refused entry stays as typed.
    """
    typed = container.text_input(
        label,
        value=format_amount(value, lang()),
        key=f"{key}.{lang()}.{value!r}",
        help=help,
    )
    return NumberEntry(label, typed, parse_number(typed, lang()))


def numbers_or_say_why(entries: dict[str, NumberEntry]) -> dict[str, float] | None:
    """The numbers by name, or None after saying which fields hold something else."""
    wrong = [entry for entry in entries.values() if entry.number is None]
    for entry in wrong:
        st.error(
            t("fields.not_a_number", field=entry.label, typed=plain(entry.typed)),
            icon=":material/pin:",
        )
    return None if wrong else {name: entry.number for name, entry in entries.items()}
