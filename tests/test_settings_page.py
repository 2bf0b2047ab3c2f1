"""Sign-in and the Paramètres page through the real navigation (AppTest)."""

from unittest.mock import ANY

import pytest

from lib.auth import (
    DEMO_PASSWORD,
    SERVER_OPERATOR,
    bindings,
    end_sessions,
    failed_signins,
    record_failure,
    set_password,
)
from lib.db import open_db
from lib.settings import load_settings, settings_history
from tests.conftest import ISSUER, OIDC_SECRETS, new_app, reading

SETTINGS_PAGE = "pages/settings.py"


def app(username=None, lang="fr"):
    """The app, not yet run; `username` signs in the way tests do (tests/conftest.new_app)."""
    return new_app(username, lang, timeout=60)


def settings_page(username):
    at = app(username).run()
    at.switch_page(SETTINGS_PAGE)
    return at.run()


def test_before_sign_in_the_landing_page_shows_its_title_and_a_prompt_only(demo_db_path):
    at = app().run()
    assert not at.exception
    assert at.title[0].value == "Aujourd'hui"
    assert "Connectez-vous" in at.info[0].value
    assert not at.main.metric and not at.main.dataframe


def test_before_sign_in_the_settings_page_shows_nothing_but_how_to_sign_in(demo_db_path):
    at = app().run()
    at.switch_page(SETTINGS_PAGE).run()
    assert not at.exception
    assert at.title[0].value == "Paramètres"
    assert "Connectez-vous" in at.info[0].value
    assert not at.tabs and not at.number_input


def sign_in_with_the_form(username, password, at=None):
    """Type a username and a password in the sidebar's form and submit it."""
    at = at or app().run()
    at.sidebar.text_input(key="signin_username").input(username)
    at.sidebar.text_input(key="signin_password").input(password)
    return at.sidebar.button[0].click().run()


def test_the_form_refuses_a_wrong_password_and_records_it(demo_db_path):
    at = sign_in_with_the_form("agirard", "nope")
    assert not at.exception
    assert "username" not in at.session_state
    assert at.sidebar.error[0].value == "Identifiant ou mot de passe incorrect."
    failures = reading(demo_db_path, failed_signins)
    assert [(f["username"], f["reason"]) for f in failures] == [("agirard", "wrong_password")]
    assert failures[0]["client"].startswith("session ")  # AppTest has no address


def test_a_signed_out_visitor_types_a_username_and_sees_nobodys_name(demo_db_path):
    at = app().run()
    assert not at.sidebar.selectbox
    assert [w.label for w in at.sidebar.text_input] == ["Identifiant", "Mot de passe"]
    shown = " ".join(e.value for e in [*at.sidebar.markdown, *at.sidebar.caption, *at.info])
    assert "Maude Lachance" not in shown and "Amélie Girard" not in shown


def test_the_demo_hint_names_the_demo_usernames_and_password(demo_db_path):
    hint = " ".join(c.value for c in app().run().sidebar.caption)
    assert "Base de démonstration : chefs d'équipe fbeaulieu, mlachance ;" in hint
    assert DEMO_PASSWORD in hint


def test_a_real_teams_form_gives_no_hint(team_db, monkeypatch):
    set_password(team_db, SERVER_OPERATOR, "ana", "moderation-2026")
    monkeypatch.setenv("VIGIE_DB", team_db.conn._path)
    at = app().run()
    assert not at.exception
    hint = " ".join(c.value for c in at.sidebar.caption)
    assert "démonstration" not in hint and "ana" not in hint


def test_thirty_wrong_passwords_then_the_right_one_is_refused_with_when_to_try_again(
    demo_db_path,
):
    with open_db(demo_db_path) as db:
        for attempt in range(30):
            record_failure(db, "mlachance", f"198.51.100.{attempt}", "wrong_password")
    at = sign_in_with_the_form("mlachance", DEMO_PASSWORD)
    assert not at.exception
    assert "username" not in at.session_state
    refusal = at.sidebar.error[0].value
    assert refusal.startswith("Trop de tentatives de connexion : réessayez à ")
    assert "(dans 1 h)" in refusal and "même le bon mot de passe est refusé" in refusal
    assert reading(demo_db_path, failed_signins)[0]["reason"] == "throttled"


def test_a_changed_password_ends_the_open_session_at_its_next_run(demo_db_path):
    at = sign_in_with_the_form("agirard", DEMO_PASSWORD)
    assert at.session_state["username"] == "agirard"
    with open_db(demo_db_path) as elsewhere:  # the command line, or a lead, elsewhere
        set_password(elsewhere, "mlachance", "agirard", "nouveau-mot-de-passe")
    at.run()
    assert not at.exception
    assert "username" not in at.session_state
    assert "Votre session a pris fin" in at.sidebar.warning[0].value
    assert at.sidebar.text_input(key="signin_password")  # the form is back
    sign_in_with_the_form("agirard", "nouveau-mot-de-passe", at)
    assert at.session_state["username"] == "agirard"


@pytest.mark.parametrize(
    "change",
    [
        lambda db: db["users"].update("agirard", {"role": "lead"}),
        lambda db: db["users"].delete("agirard"),
        lambda db: end_sessions(db, "agirard"),
    ],
    ids=["role changed", "removed from the team", "sessions ended"],
)
def test_a_changed_role_or_a_removed_account_ends_the_session(demo_db_path, change):
    at = app("agirard").run()
    assert at.session_state["username"] == "agirard"
    reading(demo_db_path, change)
    at.run()
    assert "username" not in at.session_state
    assert not at.main.dataframe and not at.main.metric


def test_the_form_signs_in_with_the_right_password_and_sign_out_forgets(demo_db_path):
    at = sign_in_with_the_form("agirard", DEMO_PASSWORD)
    assert at.session_state["username"] == "agirard"
    signed_in = app("agirard").run()
    assert "Amélie Girard" in signed_in.sidebar.caption[0].value
    signed_in.sidebar.button(key="signout").click().run()
    assert "username" not in signed_in.session_state


def test_a_moderator_sees_a_refusal_and_no_setting_to_change(demo_db_path):
    at = settings_page("agirard")
    assert not at.exception
    assert "réservés aux chefs d'équipe" in at.error[0].value
    assert not at.tabs
    assert not (at.text_input or at.time_input or at.text_area or at.multiselect)
    assert not at.main.button


def test_a_lead_changes_the_target_and_it_is_saved_and_shown_in_the_history(demo_db_path):
    at = settings_page("mlachance")
    assert not at.exception, [e.value for e in at.exception]
    target = next(n for n in at.text_input if "Délai de réponse visé" in n.label)
    target.set_value("6")
    next(b for b in at.button if b.label == "Enregistrer").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.success[0].value == "Enregistré."
    with open_db(demo_db_path) as db:
        assert load_settings(db).target_hours == 6.0
        assert [(h["actor"], h["key"]) for h in settings_history(db)] == [
            ("mlachance", "target_hours")
        ]
        history = at.dataframe[-1].value
        assert history.iloc[0].tolist()[1:3] == ["mlachance", "target_hours"]


def test_a_lead_adds_the_holiday_season_in_one_click(demo_db_path):
    at = settings_page("mlachance")
    next(b for b in at.button if b.label.startswith("Congé des Fêtes")).click().run()
    assert not at.exception
    closures = reading(demo_db_path, load_settings).closures
    assert len(closures) == 10
    assert closures[0].endswith("-12-24") and closures[-1].endswith("-01-02")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_settings_page_renders_for_a_lead_in_both_languages(demo_db_path, lang):
    at = app("mlachance", lang).run()
    at.switch_page(SETTINGS_PAGE).run()
    assert not at.exception
    assert at.title[0].value == ("Paramètres" if lang == "fr" else "Settings")
    assert len(at.tabs) == 13
    assert {"fr": "Alertes", "en": "Alerts"}[lang] in [tab.label for tab in at.tabs]


def oidc_app(claims):
    at = app()
    at.secrets["auth"] = OIDC_SECRETS
    at.user = {"is_logged_in": True, "iss": ISSUER, **claims}
    return at


def test_with_an_identity_provider_a_verified_email_binds_the_account_to_the_team(
    demo_db_path,
):
    maude = {"username": "maude.lachance@quebec.ca", "display_name": "Maude L.", "role": "lead"}
    reading(demo_db_path, lambda db: db["users"].insert(maude))
    claims = {"sub": "maude-42", "email": "Maude.Lachance@quebec.ca", "email_verified": True}
    at = oidc_app(claims)
    at.run().switch_page(SETTINGS_PAGE).run()
    assert not at.exception
    assert len(at.tabs) == 13
    assert reading(demo_db_path, bindings) == {"maude.lachance@quebec.ca": ANY}

    # The same account, its e-mail claim changed: still Maude, bound by issuer and subject.
    moved = oidc_app({**claims, "email": "agirard", "email_verified": False}).run()
    assert moved.session_state["username"] == "maude.lachance@quebec.ca"


def test_with_an_identity_provider_a_changed_role_signs_the_account_out(demo_db_path):
    claims = {"sub": "amelie", "email": "agirard", "email_verified": True}
    at = oidc_app(claims).run()
    assert at.session_state["username"] == "agirard"
    reading(demo_db_path, lambda db: db["users"].update("agirard", {"role": "lead"}))
    at.run()
    assert not at.exception
    assert "username" not in at.session_state
    assert not at.user.get("is_logged_in")  # st.logout: the provider's cookie is gone too


@pytest.mark.parametrize(
    "claims, words",
    [
        ({"sub": "x", "email": "someone@example.com", "email_verified": True}, "ne fait pas"),
        ({"sub": "x", "email": "mlachance", "email_verified": False}, "pas vérifiée"),
        (
            {
                "iss": "https://evil.example",
                "sub": "x",
                "email": "mlachance",
                "email_verified": True,
            },
            "ne vient pas du fournisseur",
        ),
    ],
    ids=["not on the team", "unverified e-mail", "another issuer"],
)
def test_with_an_identity_provider_a_refused_account_is_told_why_and_recorded_once(
    demo_db_path, claims, words
):
    stranger = oidc_app(claims)
    stranger.session_state["username"] = "mlachance"  # ignored: st.user decides
    stranger.run()
    assert not stranger.exception
    assert words in stranger.sidebar.error[0].value
    assert "username" not in stranger.session_state
    stranger.run()  # a rerun records nothing more
    assert len(reading(demo_db_path, failed_signins)) == 1


def test_a_refused_accounts_name_is_shown_as_typed_not_as_markdown(demo_db_path):
    hostile = "[Session expirée](https://evil.example)@example.com"
    at = oidc_app({"sub": "x", "email": hostile, "email_verified": True}).run()
    assert not at.exception
    assert "\\[Session expirée\\]\\(https\\://evil.example\\)" in at.sidebar.error[0].value
    assert reading(demo_db_path, failed_signins)[0]["username"] == hostile


def test_a_lead_reads_the_refused_sign_ins_in_quebec_time_in_the_team_tab(demo_db_path):
    with open_db(demo_db_path) as db:
        record_failure(db, "mlachance", "203.0.113.9", "throttled", "2026-07-01 16:05:00")
    at = settings_page("mlachance")
    assert not at.exception, [e.value for e in at.exception]
    failures = next(d.value for d in at.dataframe if "Identifiant saisi" in d.value.columns)
    assert failures.iloc[0].tolist() == [
        "2026-07-01 12 h 05",  # 16:05 UTC is 12:05 in Québec in summer
        "mlachance",
        "203.0.113.9",
        "Trop de tentatives (attente)",
    ]
    team = next(d.value for d in at.dataframe if "Mot de passe local" in d.value.columns)
    assert len(team) == 7 and team["Mot de passe local"].all()


def test_a_reason_label_with_a_control_character_is_refused_and_kept_in_its_box(demo_db_path):
    at = settings_page("mlachance")
    label_fr = next(i for i in at.text_input if i.label == "Libellé français")
    assert label_fr.max_chars == 80
    label_fr.set_value("Pourriel\x1b[2J")
    next(b for b in at.button if b.label == "Enregistrer" and "reason" in b.form_id).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("caractère de contrôle" in e.value for e in at.error)
    assert next(i for i in at.text_input if i.label == "Libellé français").value == (
        "Pourriel\x1b[2J"
    )
    assert reading(demo_db_path, settings_history) == []
