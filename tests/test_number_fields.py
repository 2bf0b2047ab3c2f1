"""Numbers a lead reads and types in Paramètres: a decimal comma in French, no trailing zeros,
either sign accepted, and a clear refusal that keeps what was typed."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.db import open_db
from lib.i18n import format_amount, parse_number
from lib.settings import load_settings
from tests.conftest import open_app

SETTINGS_PAGE = "pages/settings.py"
LABELS = {
    "fr": ("Délai de réponse visé", "Seuil « à risque »", "Objectif de conformité"),
    "en": ("Response target", "At-risk threshold", "Compliance goal"),
}


def fields(at, lang):
    return [next(f for f in at.text_input if f.label.startswith(x)) for x in LABELS[lang]]


def save_button(at):
    return next(b for b in at.button if b.label in ("Enregistrer", "Save"))


@pytest.mark.parametrize(("lang", "shown"), [("fr", ["8", "2", "90"]), ("en", ["8", "2", "90"])])
def test_the_targets_show_no_trailing_decimals(demo_db_path, lang, shown):
    at = open_app(SETTINGS_PAGE, "mlachance", lang)
    assert not at.number_input, "Streamlit's number_input draws 8.00 whatever the language"
    assert [f.value for f in fields(at, lang)] == shown


def test_a_half_hour_target_reads_with_a_decimal_comma_in_french_and_a_point_in_english(
    demo_db_path,
):
    at = open_app(SETTINGS_PAGE, "mlachance", "fr")
    fields(at, "fr")[0].set_value("7,5")
    save_button(at).click().run()
    assert not at.error, [e.value for e in at.error]
    with open_db(demo_db_path) as db:
        assert load_settings(db).target_hours == 7.5
    assert fields(at, "fr")[0].value == "7,5"
    english = open_app(SETTINGS_PAGE, "mlachance", "en")
    assert fields(english, "en")[0].value == "7.5"


def test_what_is_not_a_number_is_refused_by_name_kept_as_typed_and_nothing_is_saved(
    demo_db_path,
):
    at = open_app(SETTINGS_PAGE, "mlachance", "fr")
    target, at_risk, _goal = fields(at, "fr")
    target.set_value("6")
    at_risk.set_value("deux heures")
    save_button(at).click().run()
    assert len(at.error) == 1
    assert "Seuil « à risque »" in at.error[0].value and "deux heures" in at.error[0].value
    assert fields(at, "fr")[1].value == "deux heures"
    with open_db(demo_db_path) as db:
        assert load_settings(db).target_hours == 8.0


def test_the_fields_follow_the_language_on_the_same_rerun(demo_db_path):
    at = open_app(SETTINGS_PAGE, "mlachance", "fr")
    at.sidebar.radio(key="lang_choice").set_value("en").run()
    assert [f.label for f in fields(at, "en")][0].startswith("Response target")


@given(st.floats(min_value=0, max_value=10_000, allow_nan=False).map(lambda x: round(x, 2)))
def test_a_number_shown_in_either_language_reads_back_as_itself(value):
    for lang in ("fr", "en"):
        assert parse_number(format_amount(value, lang), lang) == value


@given(st.text(max_size=20), st.sampled_from(["fr", "en"]))
def test_parse_number_never_raises_and_reads_only_numbers(text, lang):
    number = parse_number(text, lang)
    assert number is None or abs(number) < 1e13  # a finite float, never NaN


@pytest.mark.parametrize(
    "typed", ["", "  ", "nan", "inf", "1e3", "7,5,0", "1,234.5", "--2", "8 heures", "٣"]
)
def test_what_people_get_wrong_is_not_a_number(typed):
    assert parse_number(typed) is None


@pytest.mark.parametrize(
    ("typed", "number"),
    [("7,5", 7.5), ("7.5", 7.5), (" 90 % ", 90.0), ("8 h", 8.0), ("1\u202f234,5", 1234.5)],
)
def test_what_people_type_is_read(typed, number):
    assert parse_number(typed) == number


def test_a_pasted_page_is_no_number_and_is_refused_at_once():
    assert parse_number("7" + " " * 10_000_000) is None
    assert parse_number("7" + " " * 38) == 7.0  # within the cap, spaces still count for nothing


def test_a_comma_between_thousands_is_read_as_such_in_english_only():
    assert parse_number("1,500", "en") == 1500.0
    assert parse_number("1,500.25", "en") == 1500.25
    assert parse_number("1,500", "fr") == 1.5
    assert parse_number("1,500.25", "fr") is None
