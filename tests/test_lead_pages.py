"""The three lead pages through app.py's navigation, with the present pinned on the demo's."""

import pytest

from lib import metrics
from tests.conftest import open_app

NOW = "2026-11-20 15:00:00-05:00"  # tests/conftest.py DEMO_NOW


def open_page(page, lang="fr"):
    return open_app(page, "mlachance", lang, now=NOW)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_today_shows_eight_cards_a_chart_and_the_queue_link(demo_db_path, lang):
    at = open_page("pages/today.py", lang)
    assert len(at.metric) == 8
    assert len(at.get("plotly_chart")) == 1
    assert at.date_input(key="today_day").value.isoformat() == "2026-11-20"


def test_the_previous_business_day_button_moves_the_day_back(demo_db_path):
    at = open_page("pages/today.py")
    at.button[0].click().run()  # Friday 20 November → Thursday 19 November
    assert not at.exception
    assert at.date_input(key="today_day").value.isoformat() == "2026-11-19"
    labels = [m.label for m in at.metric]
    assert "Ouverts en fin de journée" in labels


@pytest.mark.parametrize("preset", [*metrics.PRESETS, "custom"])
def test_compliance_renders_each_preset(demo_db_path, preset):
    at = open_page("pages/compliance.py")
    at.segmented_control(key="compliance_preset").set_value(preset).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.metric[0].label == "Conformité"
    assert len(at.get("plotly_chart")) >= 4


def test_compliance_per_week(demo_db_path):
    at = open_page("pages/compliance.py")
    at.segmented_control(key="compliance_unit").set_value("week").run()
    assert not at.exception


@pytest.mark.parametrize("preset", [*metrics.PRESETS, "custom"])
def test_reasons_renders_each_preset(demo_db_path, preset):
    at = open_page("pages/reasons.py", "en")
    at.segmented_control(key="reasons_preset").set_value(preset).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.metric[0].label == "Comments removed"


def test_compliance_is_read_at_the_minute_said_and_held_for_the_rest_of_it(demo_db_path):
    """With thousands of open comments a state changes every few seconds: the figures are
    read at the start of the minute, the page says which, and a rerun later in that minute
    shows the same figures even though a comment's state changed meanwhile; the next
    minute reads them again."""
    import pandas as pd

    from lib.db import open_db
    from lib.settings import load_settings
    from lib.ui.cached import _held

    _held()[0].clear()  # a new server: nothing held yet
    open_page("pages/compliance.py")
    (start, end) = next(args for name, args in _held()[0] if name == "compliance")
    with open_db(demo_db_path, migrate=False) as db:
        settings = load_settings(db)
        change = pd.Timestamp(NOW)
        while True:  # the first state change in the first 50 seconds of a minute
            change = metrics.compliance_figures(db, start, end, change, settings).valid_until
            minute = change.floor("min")
            if change < minute + pd.Timedelta(seconds=50):
                break
    _held()[0].clear()
    at = open_app("pages/compliance.py", "mlachance", now=str(minute + pd.Timedelta(seconds=5)))
    store, _lock = _held()
    held = store[("compliance", (start, end))]
    assert held.computed_at == minute
    local = minute.tz_convert("America/Toronto")
    assert f"Données au {local:%Y-%m-%d %H} h {local:%M}" in [c.value for c in at.caption]
    at.session_state["now"] = str(minute + pd.Timedelta(seconds=55))
    at.run()
    assert not at.exception
    assert held.figures.valid_until < minute + pd.Timedelta(seconds=55)
    assert store[("compliance", (start, end))] is held
    at.session_state["now"] = str(minute + pd.Timedelta(seconds=60))
    at.run()
    assert store[("compliance", (start, end))].computed_at == minute + pd.Timedelta(minutes=1)
