"""The lead pages' tables as a reader sees them: column names and codes in the UI's language.

A chart's table is its text alternative and the CSV offered beside it, so it uses
the words of the chart. (The exports of `lib.reports` keep codes and stable column
names instead: a lead's pivot tables depend on them.)

>>> rows = pd.DataFrame({"platform": ["x"], "weekday": [0], "handled": [3]})
>>> readable(rows, "fr").to_dict("records")
[{'Plateforme': 'X', 'Jour de la semaine': 'lundi', 'Traités': 3}]
"""

from __future__ import annotations

import pandas as pd

from lib.catalogue import STRINGS
from lib.i18n import LANGUAGES, WEEKDAYS, label, t

COLUMN_KEY = "col.{}"
# Columns whose values are codes, shown as words (`code_labels`).
CODE_COLUMNS = (
    "platform",
    "weekday",
    "language",
    "template",
    "source",
    "account",
    "first_handled_by",
    "reason_code",
    "service_level",
)
LANGUAGE_NAMES = {
    "fr": {"fr": "Français", "en": "Anglais"},
    "en": {"fr": "French", "en": "English"},
}


def code_labels(column: str, codes, lang: str, names: dict[str, str] | None = None) -> list[str]:
    """The words for a column's codes: platform names, weekdays, people, languages.

    `names` maps codes to words for the columns whose words come from the data
    (a moderator's display name, a reason renamed by the lead).
    """
    names = names or {}
    if column == "platform":
        return [label("platform", c, lang) for c in codes]
    if column == "weekday":
        return [WEEKDAYS[lang][int(d)] for d in codes]
    if column == "language":
        return [LANGUAGE_NAMES[lang].get(c, str(c).upper()) for c in codes]
    if column == "template":
        return [label("template", c, lang) for c in codes]
    if column == "source":
        return [t(f"reasons.pii.{c}", lang) for c in codes]
    missing = t("tables.none", lang)
    return [missing if _blank(c) else names.get(c, str(c)) for c in codes]


def readable(
    table: pd.DataFrame, lang: str, names: dict[str, dict[str, str]] | None = None
) -> pd.DataFrame:
    """`table` with words for its codes and its column names in `lang`.

    A code column that comes with labels (`reason_code` and `label_fr`, `label_en`)
    takes the label of `lang`; `names` gives, per column, the words for its codes.
    """
    names = names or {}
    out = table.copy()
    labels = f"label_{lang}"
    if labels in out:
        code = next(c for c in out.columns if not c.startswith("label_"))
        out[code] = out[labels]
    out = out.drop(columns=[f"label_{other}" for other in LANGUAGES if f"label_{other}" in out])
    for column in out.columns:
        if column in CODE_COLUMNS:
            out[column] = code_labels(column, out[column], lang, names.get(column))
        elif str(column).endswith("_pct"):
            out[column] = pd.to_numeric(out[column]).round(1)  # as the chart shows it
        elif out[column].dtype == bool:
            out[column] = out[column].map(
                {True: t("tables.yes", lang), False: t("tables.no", lang)}
            )
    return out.rename(columns=lambda c: column_name(c, lang))


def column_name(column, lang: str) -> str:
    """A column's name in `lang` when the catalogue has one, else the column as it is."""
    key = COLUMN_KEY.format(column)
    return t(key, lang) if key in STRINGS else str(column)


def _blank(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or value == ""
