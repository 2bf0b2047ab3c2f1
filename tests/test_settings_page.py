"""Sign-in and the Paramètres page through the real navigation (AppTest)."""

import pytest

from lib.auth import DEMO_PASSWORD
from lib.db import open_db
from lib.settings import load_settings, settings_history
from tests.conftest import new_app, reading

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


def sign_in_with_the_form(username, password):
    at = app().run()
    at.sidebar.selectbox(key="signin_username").set_value(username)
    at.sidebar.text_input(key="signin_password").set_value(password)
    return at.sidebar.button[0].click().run()


def test_the_form_refuses_a_wrong_password(demo_db_path):
    at = sign_in_with_the_form("agirard", "nope")
    assert "username" not in at.session_state
    assert at.session_state["signin_failed"]


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
    assert not (at.number_input or at.time_input or at.text_area or at.multiselect)
    assert not at.main.button


def test_a_lead_changes_the_target_and_it_is_saved_and_shown_in_the_history(demo_db_path):
    at = settings_page("mlachance")
    assert not at.exception, [e.value for e in at.exception]
    target = next(n for n in at.number_input if "Délai de réponse visé" in n.label)
    target.set_value(6.0)
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
    assert len(at.tabs) == 7


def test_with_an_identity_provider_the_signed_in_email_maps_to_the_team(demo_db_path):
    maude = {"username": "maude.lachance@quebec.ca", "display_name": "Maude L.", "role": "lead"}
    reading(demo_db_path, lambda db: db["users"].insert(maude))
    at = app()
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback"}
    at.user = {"is_logged_in": True, "email": "Maude.Lachance@quebec.ca"}
    at.run().switch_page(SETTINGS_PAGE).run()
    assert not at.exception
    assert len(at.tabs) == 7

    stranger = app()
    stranger.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback"}
    stranger.user = {"is_logged_in": True, "email": "someone@example.com"}
    stranger.session_state["username"] = "mlachance"  # ignored: st.user decides
    stranger.run()
    assert "someone@example.com" in stranger.sidebar.error[0].value
    assert "username" not in stranger.session_state
