"""The Rapports page through app.py's navigation (AppTest), with the present pinned on the demo's.

AppTest cannot read a download button's bytes: the bytes are tested in
tests/test_reports.py, the click in the browser tests.
"""

import pytest

from lib import metrics, reports
from lib.times import local_today
from tests.conftest import open_app, reading

PAGE = "pages/reports.py"
NOW = "2026-11-20 15:00:00-05:00"  # tests/conftest.py DEMO_NOW


def reports_page(username, lang="fr"):
    return open_app(PAGE, username, lang, now=NOW)


def choose(at, kind):
    at.radio(key="reports_kind").set_value(kind).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def preview(at):
    return at.dataframe[0].value


def test_before_sign_in_the_page_shows_its_title_and_a_prompt_only(demo_db_path):
    at = reports_page(None)
    assert at.title[0].value == "Rapports"
    assert "Connectez-vous" in at.info[0].value
    # The page's own widgets (the sidebar's language switch belongs to app.py).
    assert not [r for r in at.radio if r.key and r.key.startswith("reports_")]
    assert not at.dataframe and not at.get("download_button")


def test_a_lead_is_offered_to_unmask_personal_information(demo_db_path):
    at = choose(reports_page("mlachance"), "queue")
    assert at.checkbox(key="reports_unmask").label.startswith("Afficher les renseignements")
    assert not at.checkbox(key="reports_unmask").disabled


def test_a_moderator_is_not_offered_to_unmask(demo_db_path):
    at = choose(reports_page("agirard"), "queue")
    assert at.checkbox(key="reports_unmask").disabled
    assert "Réservé aux chefs" in at.checkbox(key="reports_unmask").help
    assert preview(at)["text"].notna().any()


def test_the_server_refuses_to_unmask_for_a_moderator_whatever_the_browser_sends(demo_db_path):
    # What the moderator sees without asking (a lead's queue is in a lead's order).
    masked = preview(choose(reports_page("agirard"), "queue"))
    # A forged request: the disabled checkbox arrives ticked.
    at = reports_page("agirard")
    at.session_state["reports_unmask"] = True
    choose(at, "queue")
    assert at.checkbox(key="reports_unmask").value
    assert "Réservé aux chefs d'équipe : agirard" in at.error[0].value
    assert preview(at)["author"].tolist() == masked["author"].tolist()
    assert preview(at)["text"].tolist() == masked["text"].tolist()
    assert not [w for w in at.warning if "renseignements personnels" in w.value]
    assert reading(demo_db_path, reports.unmasked_exports) == []


def test_the_queue_says_it_is_a_snapshot_at_the_present(demo_db_path):
    at = choose(reports_page("mlachance"), "queue")
    assert any("instantané au 2026-11-20 15:00" in c.value for c in at.caption)
    assert not at.get("segmented_control")


def test_unmasking_is_only_offered_where_there_is_personal_information(demo_db_path):
    at = choose(reports_page("mlachance"), "compliance")
    assert at.checkbox(key="reports_unmask").disabled


@pytest.mark.parametrize("kind", reports.KINDS)
def test_each_kind_previews_its_export_columns_first(demo_db_path, kind):
    at = choose(reports_page("mlachance"), kind)
    columns = list(preview(at).columns)
    assert columns[: len(reports.COLUMNS[kind])] == list(reports.COLUMNS[kind])
    assert len(preview(at)) <= 50
    assert at.get("download_button"), "a download button"


def test_the_preview_counts_the_rows_and_shows_the_first_fifty(demo_db_path):
    at = choose(reports_page("mlachance"), "compliance")
    at.segmented_control(key="reports_preset").set_value("quarter").run()
    start, end = metrics.preset_range("quarter", local_today(NOW))
    assert len(preview(at)) == 50
    caption = next(c.value for c in at.caption if "lignes" in c.value)
    assert caption.endswith("l'aperçu montre les 50 premières.")
    assert start.isoformat() < end.isoformat()


def test_the_daily_report_has_a_row_per_day_of_the_seven_day_preset(demo_db_path):
    at = choose(reports_page("mlachance"), "daily")
    at.segmented_control(key="reports_preset").set_value("7d").run()
    days = preview(at)["date"].astype(str).tolist()
    start, end = metrics.preset_range("7d", local_today(NOW))
    assert days[0] == start.isoformat() and days[-1] == end.isoformat()
    assert len(days) == 7


def test_the_queue_preview_is_masked_unless_a_lead_unmasks(demo_db_path):
    at = choose(reports_page("mlachance"), "queue")
    masked = preview(at)
    at.checkbox(key="reports_unmask").check().run()
    assert not at.exception
    unmasked = preview(at)
    assert "renseignements personnels" in at.warning[0].value
    assert len(masked) == len(unmasked)
    assert (masked["author"] != unmasked["author"]).any()


def test_each_kind_has_a_one_sentence_description_in_english(demo_db_path):
    at = reports_page("agirard", "en")
    kinds = at.radio(key="reports_kind")
    assert kinds.options == ["Queue", "Compliance", "Day by day", "Removal reasons"]
    assert kinds.value == "compliance"
    assert at.radio(key="reports_delimiter").value == ";"
