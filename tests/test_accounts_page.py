"""Paramètres › Comptes through the real navigation (AppTest): a lead registers an account and
sees it, changes it, pauses and resumes it; a refusal is said in words; an expired token and
a sync problem are shown in words with their time; a moderator sees no tab at all."""

import pandas as pd
import pytest

from lib.accounts import account, note_problem, register_account
from lib.settings import settings_history
from tests.conftest import new_app, reading

SETTINGS_PAGE = "pages/settings.py"
STATE = "État"


@pytest.fixture
def team_path(team_db, monkeypatch):
    """The small team (ana, bob: moderators; lea: lead) chosen through VIGIE_DB."""
    monkeypatch.setenv("VIGIE_DB", team_db.conn._path)
    return team_db.conn._path


def settings_page(username="lea", lang="fr"):
    at = new_app(username, lang, timeout=60).run()
    at.switch_page(SETTINGS_PAGE)
    at = at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def accounts_table(at) -> pd.DataFrame:
    """The Comptes tab's table, by account key."""
    table = next(d.value for d in at.dataframe if "Identifiant sur la plateforme" in d.value)
    return table.set_index("Clé")


def said(at) -> str:
    return " ".join(e.value for e in [*at.success, *at.error])


def fill(at, key="", platform="facebook", name="", platform_id="", mode="sync"):
    at.text_input(key="accounts_key").input(key)
    at.selectbox(key="accounts_platform").select(platform)
    at.text_input(key="accounts_name").input(name)
    at.text_input(key="accounts_platform_id").input(platform_id)
    at.radio(key="accounts_mode").set_value(mode)
    return at.button(key="accounts_submit").click().run()


def test_the_tab_says_tokens_never_go_here_but_in_the_secrets_file(team_path):
    at = settings_page()
    assert "Comptes" in [tab.label for tab in at.tabs]
    words = " ".join(i.value for i in at.info)
    assert "ne se saisissent jamais ici" in words
    assert "`[connectors.CLÉ]`" in words and "Comptes connectés" in words
    assert "s'inscrit de lui-même à la première synchronisation" in words


def test_a_lead_registers_a_youtube_channel_and_sees_it(team_path):
    at = settings_page()
    at.selectbox(key="accounts_platform").select("youtube").run()
    assert "`channel_id`" in at.text_input(key="accounts_platform_id").help
    at = fill(
        at,
        key="ville_yt",
        platform="youtube",
        name="Ville de Rimouski (YouTube)",
        platform_id="UC4a9vB2",
        mode="record-only",
    )
    assert not at.exception and "Enregistré" in said(at)
    stored = reading(team_path, account, "ville_yt")
    assert (stored["platform"], stored["name"], stored["platform_id"], stored["mode"]) == (
        "youtube",
        "Ville de Rimouski (YouTube)",
        "UC4a9vB2",
        "record-only",
    )
    assert stored["registered_by"] == "lea"
    shown = accounts_table(at).loc["ville_yt"]
    assert (shown["Plateforme"], shown["Mode"], shown[STATE], shown["Inscrit par"]) == (
        "YouTube",
        "Enregistrement seulement",
        "Actif",
        "Léa",
    )
    assert (shown["Dernière lecture"], shown["Dernier envoi"]) == ("—", "—")
    assert reading(team_path, settings_history)[0]["key"] == "accounts.ville_yt"


def test_picking_an_account_fills_the_fields_and_saving_changes_it(team_db, team_path):
    register_account(team_db, "ville_fb", "facebook", "Ville", "1001", "sync", "config")
    at = settings_page()
    assert accounts_table(at).loc["ville_fb", "Inscrit par"] == "la configuration"
    at.selectbox(key="accounts_pick").select("ville_fb").run()
    assert at.text_input(key="accounts_platform_id").value == "1001"
    assert at.selectbox(key="accounts_platform").value == "facebook"
    at.text_input(key="accounts_name").input("Ville de Rimouski")
    at = at.button(key="accounts_submit").click().run()
    assert reading(team_path, account, "ville_fb")["name"] == "Ville de Rimouski"
    assert accounts_table(at).loc["ville_fb", "Nom"] == "Ville de Rimouski"


def test_a_lead_pauses_then_resumes_an_account(team_db, team_path):
    register_account(team_db, "ville_fb", "facebook", "Ville", "1001", "sync", "config")
    at = settings_page()
    assert at.button(key="accounts_pause_ville_fb").label == "Mettre en pause"
    at = at.button(key="accounts_pause_ville_fb").click().run()
    assert reading(team_path, account, "ville_fb")["paused"] == 1
    assert accounts_table(at).loc["ville_fb", STATE] == "En pause"
    assert at.button(key="accounts_pause_ville_fb").label == "Reprendre"
    at = at.button(key="accounts_pause_ville_fb").click().run()
    assert reading(team_path, account, "ville_fb")["paused"] == 0
    assert accounts_table(at).loc["ville_fb", STATE] == "Actif"
    changes = [(c["actor"], c["key"]) for c in reading(team_path, settings_history)[:2]]
    assert changes == [("lea", "accounts.ville_fb.paused")] * 2


def test_a_refusal_is_said_in_words_and_registers_nothing(team_path):
    at = settings_page()
    at = fill(at, key="ville fb", name="Ville", platform_id="1001")
    assert "La clé du compte est faite de lettres, de chiffres" in said(at)
    at = fill(at, key="ville_fb", name="Ville", platform_id="  ")
    assert "Indiquez l'identifiant du compte sur la plateforme" in said(at)
    assert reading(team_path, account, "ville_fb") is None
    assert at.text_input(key="accounts_key").value == "ville_fb", "what was typed stays"


def test_an_expired_token_and_a_problem_are_shown_in_words_with_their_local_time(
    team_db, team_path
):
    register_account(team_db, "ville_fb", "facebook", "Ville", "1001", "sync", "config")
    register_account(team_db, "ville_yt", "youtube", "Ville", "UC4a9vB2", "sync", "config")
    # 15 h UTC on 1 December is 10 h in Québec.
    at_ten = pd.Timestamp("2026-12-01 15:00", tz="UTC")
    note_problem(team_db, "ville_fb", "token_expired", at_ten, token_expired=True)
    note_problem(team_db, "ville_yt", "quota_exhausted", at_ten)
    table = accounts_table(settings_page())
    assert "jeton à renouveler" in table.loc["ville_fb", STATE].lower()
    assert table.loc["ville_yt", STATE] == (
        "Problème le 2026-12-01 10 h : Le quota quotidien de la plateforme est atteint : "
        "Vigie reprend après sa remise à zéro (minuit, heure du Pacifique, pour YouTube)."
    )


def test_the_tab_reads_in_english(team_db, team_path):
    register_account(team_db, "ville_fb", "facebook", "Ville", "1001", "sync", "config")
    at = settings_page(lang="en")
    assert "Accounts" in [tab.label for tab in at.tabs]
    table = next(d.value for d in at.dataframe if "Id on the platform" in d.value)
    assert table.set_index("Key").loc["ville_fb", "Mode"] == "Synchronised"


def test_a_moderator_sees_no_accounts_tab(team_db, team_path):
    register_account(team_db, "ville_fb", "facebook", "Ville", "1001", "sync", "config")
    at = settings_page("ana")
    assert at.error and "chefs d'équipe" in at.error[0].value
    assert not at.tabs and not at.dataframe
    assert not [b for b in at.button if (b.key or "").startswith("accounts_")]
