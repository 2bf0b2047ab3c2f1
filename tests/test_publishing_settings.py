"""Paramètres › Politique › Ce que l'organisation publie: how an English comment is answered,
whether a lead approves their own reply, the sites replies may link to (AppTest, app.py)."""

from lib.db import open_db
from lib.settings import Settings, load_settings, save_settings, settings_history
from tests.conftest import open_app, reading

SETTINGS = "pages/settings.py"
LEAD = "mlachance"  # Maude Lachance, in the demo
SELF_APPROVAL = "Un chef d'équipe peut publier lui-même"
DOMAINS = "Sites vers lesquels une réponse peut renvoyer (un par ligne)"


def publishing(at, lang="fr"):
    """The Politique tab's publishing form: its radio, its checkbox, its text area."""
    tab = next(tab for tab in at.tabs if tab.label == ("Politique" if lang == "fr" else "Policy"))
    return (
        next(r for r in tab.radio if r.key.startswith("policy_english_replies.")),
        next(c for c in tab.checkbox if c.key.startswith("policy_self_approval.")),
        next(a for a in tab.text_area if a.key.startswith("policy_domains.")),
        next(b for b in tab.button if b.form_id == "settings_publishing"),
    )


def test_the_publishing_section_shows_the_stored_choices(demo_db_path):
    at = open_app(SETTINGS, LEAD, timeout=60)
    tab = next(tab for tab in at.tabs if tab.label == "Politique")
    assert "Ce que l'organisation publie" in [h.value for h in tab.subheader]
    english, self_approval, domains, _ = publishing(at)
    assert english.label == "Réponse à un commentaire en anglais"
    assert english.value == "bilingual"
    assert english.options == ["En français, puis en anglais", "En français seulement"]
    assert self_approval.label.startswith(SELF_APPROVAL) and self_approval.value is True
    assert self_approval.help.startswith("Ne compte que lorsqu'une réponse à un commentaire")
    assert domains.label == DOMAINS
    assert domains.value == "gouv.qc.ca\nquebec.ca"


def test_a_lead_changes_each_and_every_change_is_saved_and_recorded(demo_db_path):
    at = open_app(SETTINGS, LEAD, timeout=60)
    english, self_approval, domains, _ = publishing(at)
    english.set_value("french_only")
    self_approval.uncheck()
    domains.input("https://www.CSJ.qc.ca/aide\nquebec.ca, gouv.qc.ca\n\n")
    publishing(at)[3].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.success[0].value == "Enregistré."
    settings = reading(demo_db_path, load_settings)
    assert settings.english_replies == "french_only"
    assert settings.lead_self_approval is False
    assert settings.allowed_domains == ("csj.qc.ca", "gouv.qc.ca", "quebec.ca")
    history = reading(demo_db_path, settings_history)
    recorded = {h["key"]: (h["actor"], h["old"], h["new"]) for h in history}
    assert recorded == {
        "english_replies": (LEAD, '"bilingual"', '"french_only"'),
        "lead_self_approval": (LEAD, "true", "false"),
        "allowed_domains": (
            LEAD,
            '["gouv.qc.ca", "quebec.ca"]',
            '["csj.qc.ca", "gouv.qc.ca", "quebec.ca"]',
        ),
    }
    english, self_approval, domains, _ = publishing(at)  # redrawn from what is stored
    assert (english.value, self_approval.value) == ("french_only", False)
    assert domains.value == "csj.qc.ca\ngouv.qc.ca\nquebec.ca"


def test_saving_the_form_untouched_records_nothing(demo_db_path):
    at = open_app(SETTINGS, LEAD, timeout=60)
    publishing(at)[3].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.success[0].value == "Enregistré."
    assert reading(demo_db_path, settings_history) == []


def test_the_same_domains_written_another_way_record_nothing(demo_db_path):
    with open_db(demo_db_path) as db:
        save_settings(db, LEAD, allowed_domains="csj.qc.ca quebec.ca")
    at = open_app(SETTINGS, LEAD, timeout=60)
    publishing(at)[2].input("https://www.Quebec.ca/sante\n\nCSJ.qc.ca/")
    publishing(at)[3].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.success[0].value == "Enregistré."
    assert len(reading(demo_db_path, settings_history)) == 1, "only the first save"


def test_a_bad_domain_is_refused_in_the_catalogues_words_and_the_typed_text_is_kept(
    demo_db_path,
):
    at = open_app(SETTINGS, LEAD, timeout=60)
    typed = "quebec.ca\nmon site web\ncsj.qc.ca"
    english, _, domains, _ = publishing(at)
    english.set_value("french_only")
    domains.input(typed)
    publishing(at)[3].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == [
        "Ces sites ne sont pas des noms de domaine : mon, site, web."
    ]
    english, _, domains, _ = publishing(at)
    assert domains.value == typed, "nothing the lead typed is lost"
    assert english.value == "french_only"
    stored = reading(demo_db_path, load_settings)
    assert (stored.english_replies, stored.allowed_domains) == (
        Settings().english_replies,
        Settings().allowed_domains,
    ), "nothing saved: the form is refused whole"
    assert reading(demo_db_path, settings_history) == []


def test_the_self_approval_box_says_when_it_does_not_count(demo_db_path):
    at = open_app(SETTINGS, LEAD, timeout=60)
    tab = next(tab for tab in at.tabs if tab.label == "Politique")
    next(c for c in tab.checkbox if c.label.startswith("Une réponse à un")).uncheck()
    next(b for b in tab.button if b.form_id == "settings_policy").click().run()
    tab = next(tab for tab in at.tabs if tab.label == "Politique")
    assert any("ce choix ne compte pas pour l'instant" in c.value for c in tab.caption)


def test_the_publishing_section_speaks_english(demo_db_path):
    at = open_app(SETTINGS, LEAD, "en", timeout=60)
    assert not at.exception
    tab = next(tab for tab in at.tabs if tab.label == "Policy")
    assert "What the organisation publishes" in [h.value for h in tab.subheader]
    english, self_approval, domains, save = publishing(at, "en")
    assert english.label == "Reply to a comment in English"
    assert english.options == ["In French, then in English", "In French only"]
    assert self_approval.label.startswith("A team lead may publish a reply that needs approval")
    assert self_approval.help.startswith("Only counts when a reply to a negative comment")
    assert domains.label == "Sites a reply may link to (one per line)"
    assert save.label == "Save"


def test_the_template_preview_follows_how_the_organisation_answers_in_english(demo_db_path):
    def preview(at):
        tab = next(tab for tab in at.tabs if tab.label == "Modèles de réponse")
        return tab.caption[-1].value, tab.text[-1].value

    caption, text = preview(open_app(SETTINGS, LEAD, timeout=60))
    assert "français d'abord, puis anglais" in caption
    assert "\n\n" in text  # the French text, then the English one
    with open_db(demo_db_path) as db:
        save_settings(db, LEAD, english_replies="french_only")
    caption, text = preview(open_app(SETTINGS, LEAD, timeout=60))
    assert "en français seulement" in caption
    assert text == Settings(english_replies="french_only").reply_text("dossier", "en")
    assert "\n\n" not in text
