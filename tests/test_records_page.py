"""Registres in AppTest: a lead sets the retention schedule, sees what it lets go today,
anonymises after confirming, places and lifts a legal hold, and verifies the history; a
moderator is turned away."""

import sqlite3

import pytest

from lib import chain
from lib.db import open_db
from tests.conftest import DEMO_NOW, open_app, reading

PAGE = "pages/records.py"


def _field(at, label):
    return next(f for f in at.text_input if f.label.startswith(label))


def _button(at, label):
    return next(b for b in at.button if b.label == label)


def test_a_moderator_is_turned_away(demo_db_path):
    at = open_app(PAGE, "agirard")
    assert [e.value for e in at.error] == ["Les registres sont réservés aux chefs d'équipe."]
    assert not at.tabs


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_page_draws_its_four_tabs_in_both_languages(demo_db_path, lang):
    at = open_app(PAGE, "mlachance", lang, now=DEMO_NOW)
    labels = [tab.label for tab in at.tabs]
    assert (
        labels
        == {
            "fr": ["Conservation", "Suspensions", "Demandes d'accès", "Intégrité et sauvegardes"],
            "en": ["Retention", "Legal holds", "Access requests", "Integrity and backups"],
        }[lang]
    )


def test_a_lead_shortens_retention_sees_what_goes_and_anonymises_after_confirming(demo_db_path):
    at = open_app(PAGE, "mlachance", now=DEMO_NOW)
    assert any("**0** commentaires fermés" in m.value for m in at.markdown)
    _field(at, "Conserver le texte").set_value("2")
    _field(at, "Menace").set_value("60")
    next(b for b in at.button if b.label == "Enregistrer").click().run()
    assert not at.exception
    due = next(m.value for m in at.markdown if "commentaires fermés" in m.value)
    count = int(due.split("**")[1].replace("\u202f", "").replace(" ", ""))
    assert count > 100
    apply = _button(at, "Anonymiser maintenant")
    assert apply.disabled
    next(c for c in at.checkbox if c.label.startswith("Je confirme")).check().run()
    _button(at, "Anonymiser maintenant").click().run()
    assert [s.value for s in at.success] == [
        f"{count} commentaires anonymisés ; la passe est inscrite au registre de destruction."
    ]
    with open_db(demo_db_path) as db:
        erased = db.execute("SELECT count(*) FROM comments WHERE text = ?", [chain.ERASED])
        assert erased.fetchone()[0] == count
        settings = db.execute("SELECT value FROM settings WHERE key = 'retention_by_reason'")
        assert settings.fetchone()[0] == '{"menace": 60}'
        assert chain.verify(db).intact


def test_a_lead_places_and_lifts_a_hold_on_an_author(demo_db_path):
    at = open_app(PAGE, "mlachance", now=DEMO_NOW)
    at.radio[0].set_value(True)
    _field(at, "Identifiant de l'auteur").set_value("jroy")
    _field(at, "Raison").set_value("Demande d'accès 2026-031")
    _button(at, "Placer la suspension").click().run()
    assert not at.exception and not at.error
    holds = reading(demo_db_path, lambda db: list(db["legal_holds"].rows))
    assert [(h["action"], h["platform"], h["author_handle"]) for h in holds] == [
        ("place", "facebook", "jroy")
    ]
    _field(at, "Raison de la levée").set_value("Demande traitée")
    _button(at, "Lever la suspension").click().run()
    assert not at.error
    holds = reading(
        demo_db_path, lambda db: [(h["action"], h["hold_id"]) for h in db["legal_holds"].rows]
    )
    assert holds == [("place", None), ("lift", 1)]
    assert any(c.value == "Aucune suspension en vigueur." for c in at.caption)


def test_a_hold_without_a_reason_is_refused_in_words(demo_db_path):
    at = open_app(PAGE, "mlachance", now=DEMO_NOW)
    _field(at, "Numéro du commentaire").set_value("12")
    _button(at, "Placer la suspension").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == ["Donnez la raison (demande d'accès, plainte, litige…)."]
    assert reading(demo_db_path, lambda db: db["legal_holds"].count) == 0


def test_a_lead_verifies_the_history_and_sees_a_broken_row(demo_db_path):
    at = open_app(PAGE, "mlachance", now=DEMO_NOW)
    _button(at, "Vérifier l'historique").click().run()
    assert at.success[0].value.startswith("Chaîne intacte :")
    conn = sqlite3.connect(demo_db_path)
    conn.execute("DROP TRIGGER actions_no_update")
    conn.execute("UPDATE actions SET actor = 'quelquun' WHERE id = 40")
    conn.commit()
    conn.close()
    _button(at, "Vérifier l'historique").click().run()
    assert [e.value for e in at.error] == [
        "chaîne rompue : actions, ligne 40 ne correspond plus à son empreinte "
        "(modifiée hors de Vigie)"
    ]


def test_in_english_a_hold_is_placed_and_the_page_reruns(demo_db_path):
    at = open_app(PAGE, "mlachance", "en", now=DEMO_NOW)
    at.radio[0].set_value(True)
    next(f for f in at.text_input if f.label.startswith("The author's handle")).set_value("jroy")
    next(f for f in at.text_input if f.label == "Reason").set_value("Complaint 14")
    _button(at, "Place the hold").click().run()
    assert not at.exception and not at.error
    assert reading(demo_db_path, lambda db: db["legal_holds"].count) == 1
