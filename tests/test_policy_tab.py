"""Paramètres › Politique (the organisation, its netiquette, the approval rule, the presets)
and the netiquette beside the removal reasons in the queue, through app.py (AppTest)."""

import pytest

from lib.db import open_db
from lib.presets import preset_settings
from lib.settings import load_settings, save_settings, settings_history
from tests.conftest import open_app, reading

SETTINGS = "pages/settings.py"
QUEUE = "pages/queue.py"
LEAD = "mlachance"  # Maude Lachance, in the demo
MODERATOR = "agirard"  # Amélie Girard
CISSS = "Centre intégré de santé et de services sociaux de la Gaspésie"


def policy_tab(lang="fr"):
    at = open_app(SETTINGS, LEAD, lang, timeout=60)
    return at, next(
        tab for tab in at.tabs if tab.label == ("Politique" if lang == "fr" else "Policy")
    )


def labelled(widgets, label):
    return next(w for w in widgets if w.label == label)


def apply_preset(path, name):
    with open_db(path) as db:
        save_settings(db, LEAD, **preset_settings(name))


def test_the_policy_tab_shows_the_organisation_its_netiquette_and_the_approval_rule(
    demo_db_path,
):
    apply_preset(demo_db_path, "cest")
    _, tab = policy_tab()
    assert labelled(tab.text_input, "Nom de l'organisation").value == (
        "Commission de l'éthique en science et en technologie"
    )
    assert labelled(tab.text_area, "Nétiquette (français)").value.startswith("La Commission")
    assert labelled(tab.text_area, "Nétiquette (anglais)").value.startswith("The Commission")
    approval = next(c for c in tab.checkbox if c.label.startswith("Une réponse à un commentaire"))
    assert approval.value is True
    assert "Préréglage de départ : CEST" in " ".join(c.value for c in tab.caption)


def test_a_lead_edits_the_organisations_words_and_each_change_is_recorded(demo_db_path):
    at, tab = policy_tab()
    labelled(tab.text_input, "Nom de l'organisation").input("Ville de Gaspé")
    labelled(tab.text_area, "Nétiquette (français)").input("  Soyez courtois.  ")
    next(c for c in tab.checkbox if c.label.startswith("Une réponse à un")).uncheck()
    next(b for b in tab.button if b.label == "Enregistrer").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.success[0].value == "Enregistré."
    settings = reading(demo_db_path, load_settings)
    assert (settings.organisation, settings.netiquette, settings.negative_needs_approval) == (
        "Ville de Gaspé",
        {"fr": "Soyez courtois."},
        False,
    )
    changes = {(h["actor"], h["key"]) for h in reading(demo_db_path, settings_history)}
    assert changes == {
        (LEAD, "organisation"),
        (LEAD, "netiquette"),
        (LEAD, "negative_needs_approval"),
    }


def test_a_preset_is_applied_only_once_confirmed_and_replaces_what_its_policy_decides(
    demo_db_path,
):
    at, tab = policy_tab()
    at.selectbox(key="policy_preset").set_value("cisss").run()
    tab = next(tab for tab in at.tabs if tab.label == "Politique")
    apply = at.button(key="policy_preset_apply")
    assert apply.disabled
    assert any("418 368-3301, poste 3604" in m.value for m in tab.markdown), "the quotes"
    next(c for c in tab.checkbox if c.label.startswith("Remplacer ces paramètres")).check().run()
    at.button(key="policy_preset_apply").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.success[0].value == "Enregistré."
    settings = reading(demo_db_path, load_settings)
    assert (settings.policy, settings.organisation) == ("cisss", CISSS)
    assert set(settings.retired_reasons) == {"partisan", "mensonger", "confus"}
    assert "3604" in settings.templates["plainte"]["fr"]
    recorded = {h["key"] for h in reading(demo_db_path, settings_history)}
    assert {"policy", "organisation", "retired_reasons", "templates", "netiquette"} <= recorded
    tab = next(tab for tab in at.tabs if tab.label == "Politique")
    assert labelled(tab.text_input, "Nom de l'organisation").value == CISSS, "boxes redrawn"
    confirm = next(c for c in tab.checkbox if c.label.startswith("Remplacer ces paramètres"))
    assert confirm.value is False, "the next preset needs its own confirmation"


def test_the_policy_tab_speaks_english(demo_db_path):
    at, tab = policy_tab("en")
    assert not at.exception
    assert labelled(tab.text_input, "Organisation's name")
    assert at.button(key="policy_preset_apply").label == "Apply the preset"


def first_comment_in_the_queue(lang="fr"):
    at = open_app(QUEUE, MODERATOR, lang, timeout=60)
    first = int(at.dataframe[0].value["#"].iloc[0])
    assert at.session_state["queue.current"] == first, "the most urgent comment is shown"
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize(
    ("lang", "title", "words"),
    [
        ("fr", f"Nétiquette — {CISSS}", "Le langage haineux"),
        ("en", f"Netiquette — {CISSS}", "hateful language"),
    ],
)
def test_a_moderator_reads_the_netiquette_beside_the_removal_reasons(
    demo_db_path, lang, title, words
):
    apply_preset(demo_db_path, "cisss")
    at = first_comment_in_the_queue(lang)
    (expander,) = [e for e in at.expander if e.label == title]
    assert words in expander.markdown[0].value
    assert (
        "partisan"
        not in at.multiselect(key=f"queue.reasons.{at.session_state['queue.current']}").options
    )


def test_without_an_english_netiquette_the_french_one_is_shown(demo_db_path):
    with open_db(demo_db_path) as db:
        save_settings(db, LEAD, netiquette={"fr": "Soyez courtois."}, organisation="")
    at = first_comment_in_the_queue("en")
    (expander,) = [e for e in at.expander if e.label == "Netiquette"]
    assert expander.markdown[0].value == "Soyez courtois."


def test_without_a_netiquette_the_queue_shows_none(demo_db_path):
    at = first_comment_in_the_queue()
    assert not [e for e in at.expander if e.label.startswith("Nétiquette")]
