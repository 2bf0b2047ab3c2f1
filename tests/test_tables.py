"""The charts' tables in the reader's words: names of columns, platforms, people, weekdays."""

from datetime import date

import numpy as np
import pandas as pd

from lib.tables import code_labels, readable


def test_a_breakdown_table_reads_in_french_with_people_and_no_code():
    rows = pd.DataFrame(
        {
            "first_handled_by": ["agirard", "kbenali"],
            "received": [10, 4],
            "compliance_pct": [91.23456, np.nan],
        }
    )
    shown = readable(rows, "fr", {"first_handled_by": {"agirard": "Amélie Girard"}})
    assert list(shown.columns) == ["Modérateur", "Reçus", "Conformité (%)"]
    assert shown["Modérateur"].tolist() == ["Amélie Girard", "kbenali"]
    assert shown["Conformité (%)"].iloc[0] == 91.2


def test_a_table_with_labels_keeps_only_the_language_shown():
    rows = pd.DataFrame(
        {
            "reason_code": ["pourriel"],
            "label_fr": ["Pourriel"],
            "label_en": ["Spam"],
            "removals": [3],
        }
    )
    assert readable(rows, "en").to_dict("records") == [{"Reason": "Spam", "Removals": 3}]
    assert readable(rows, "fr").to_dict("records") == [{"Motif": "Pourriel", "Retraits": 3}]


def test_codes_become_words_and_a_missing_value_says_so():
    assert code_labels("platform", ["facebook", "x"], "fr") == ["Facebook", "X"]
    assert code_labels("weekday", [0, 6], "en") == ["Monday", "Sunday"]
    assert code_labels("language", ["fr", "en", "es"], "fr") == ["Français", "Anglais", "ES"]
    assert code_labels("account", [None, "", "@compte"], "fr") == ["(aucun)", "(aucun)", "@compte"]
    assert code_labels("template", ["medical"], "fr") == ["Question médicale"]


def test_booleans_read_yes_or_no_and_dates_stay_dates():
    rows = pd.DataFrame({"week": [date(2026, 11, 2)], "within_target": [True]})
    assert readable(rows, "fr").to_dict("records") == [
        {"Semaine du": date(2026, 11, 2), "Dans la cible": "Oui"}
    ]
