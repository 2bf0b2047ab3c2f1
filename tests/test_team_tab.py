"""Paramètres › Équipe through the real navigation (AppTest): a lead adds a member, changes a
role, deactivates and reactivates; the last lead stays; a moderator cannot."""

import pytest

from lib.auth import authenticate, team_accounts
from lib.settings import settings_history
from tests.conftest import new_app, reading

SETTINGS_PAGE = "pages/settings.py"


@pytest.fixture
def team_path(team_db, monkeypatch):
    """The small team (ana, bob: moderators; lea: lead) chosen through VIGIE_DB."""
    monkeypatch.setenv("VIGIE_DB", team_db.conn._path)
    return team_db.conn._path


def team_tab(username="lea", lang="fr"):
    at = new_app(username, lang, timeout=60).run()
    at.switch_page(SETTINGS_PAGE)
    at = at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def member(path, username):
    return next((p for p in reading(path, team_accounts) if p["username"] == username), None)


def said(at) -> str:
    return " ".join(e.value for e in [*at.success, *at.error])


def test_a_lead_adds_a_moderator_with_a_first_password(team_path):
    at = team_tab()
    at.text_input(key="team_add_username").input("zgagnon")
    at.text_input(key="team_add_name").input("Zoé Gagnon")
    at.selectbox(key="team_add_role").select("moderator")
    at.text_input(key="team_add_email").input("zoe.gagnon@example.org")
    at.text_input(key="team_add_password").input("premier-jour-2026")
    at = at.button(key="team_add_submit").click().run()
    assert not at.exception and "Enregistré" in said(at)
    added = member(team_path, "zgagnon")
    assert (added["display_name"], added["role"], added["email"], added["active"]) == (
        "Zoé Gagnon",
        "moderator",
        "zoe.gagnon@example.org",
        1,
    )
    assert reading(team_path, authenticate, "zgagnon", "premier-jour-2026")["role"] == "moderator"
    change = reading(team_path, settings_history)[0]
    assert (change["actor"], change["key"]) == ("lea", "team")
    table = next(d.value for d in at.dataframe if "État" in d.value.columns)
    assert "zgagnon" in table["Identifiant"].tolist()


def test_a_bad_username_is_refused_in_words_and_nobody_is_added(team_path):
    at = team_tab()
    at.text_input(key="team_add_username").input("zoé gagnon")
    at.text_input(key="team_add_name").input("Zoé")
    at = at.button(key="team_add_submit").click().run()
    assert "Identifiant 'zoé gagnon' refusé" in said(at)
    assert len(reading(team_path, team_accounts)) == 3


def test_a_short_first_password_adds_nobody(team_path):
    at = team_tab()
    at.text_input(key="team_add_username").input("zoe")
    at.text_input(key="team_add_name").input("Zoé")
    at.text_input(key="team_add_password").input("court")
    at = at.button(key="team_add_submit").click().run()
    assert at.error and member(team_path, "zoe") is None


def test_a_lead_changes_a_role_and_cannot_demote_the_last_lead(team_path):
    at = team_tab()
    at.selectbox(key="team_role_member").select("lea")
    at.selectbox(key="team_role_role").select("moderator")
    at = at.button(key="team_role_submit").click().run()
    assert "dernier chef d'équipe actif" in said(at)
    assert member(team_path, "lea")["role"] == "lead"
    at.selectbox(key="team_role_member").select("bob")
    at.selectbox(key="team_role_role").select("lead")
    at = at.button(key="team_role_submit").click().run()
    assert member(team_path, "bob")["role"] == "lead"


def test_a_lead_deactivates_after_confirming_then_reactivates(team_path):
    at = team_tab()
    at.selectbox(key="team_off_member").select("ana")
    at = at.button(key="team_off_submit").click().run()
    assert "Cochez la confirmation" in said(at)
    assert member(team_path, "ana")["active"] == 1
    at.selectbox(key="team_off_member").select("ana")
    at.checkbox(key="team_off_confirm").check()
    at = at.button(key="team_off_submit").click().run()
    assert member(team_path, "ana")["active"] == 0
    table = next(d.value for d in at.dataframe if "État" in d.value.columns)
    assert table.set_index("Identifiant").loc["ana", "État"] == "Désactivé"
    at.selectbox(key="team_on_member").select("ana")
    at = at.button(key="team_on_submit").click().run()
    assert member(team_path, "ana")["active"] == 1
    assert [c["key"] for c in reading(team_path, settings_history)[:2]] == ["team", "team"]


def test_a_moderator_sees_no_team_administration(team_path):
    at = team_tab("ana")
    assert at.error and "chefs d'équipe" in at.error[0].value
    assert not at.text_input and not at.tabs
