"""check_draft: what the organisation is about to publish, read by the comments' detectors."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.moderation.drafts import (
    DraftContext,
    Finding,
    check_draft,
    draft_context,
    organisation_contacts,
)
from lib.presets import PRESET_NAMES, preset_settings
from lib.settings import Settings
from lib.taxonomy import DRAFT_CHECKS
from lib.templates import DEFAULT_TEMPLATES

RULES = Settings()
FRENCH = DraftContext("fr", ("Julie Tremblay",))
ENGLISH = DraftContext("en", ("Julie Tremblay",))
BILINGUAL = (
    "Merci de votre question. Vous trouverez l'information sur notre site Web.\n\n"
    "Thank you for your question. The information is on our website."
)


def found(draft, context=FRENCH, settings=RULES):
    """(check, detail, passage) of each finding."""
    return [
        (f.check, f.detail, draft[f.start : f.end]) for f in check_draft(draft, context, settings)
    ]


# --- personal information blocks -------------------------------------------------------


@pytest.mark.parametrize(
    ("draft", "kind", "passage"),
    [
        ("Nous vous rappellerons au 418 555-0142 demain.", "phone", "418 555-0142"),
        ("We will call you back at (514) 555-0199 tomorrow.", "phone", "(514) 555-0199"),
        (
            "Écrivez à julie.tremblay@exemple.ca pour la suite.",
            "email",
            "julie.tremblay@exemple.ca",
        ),
        ("Votre NAS 046 454 286 est bien inscrit.", "sin", "046 454 286"),
        ("Your file number 2024-771203 is being reviewed.", "file_number", "2024-771203"),
        (
            "Nous avons écrit à votre domicile, 123 rue Principale, Rimouski G5L 1A1.",
            "address",
            None,
        ),
    ],
)
def test_personal_information_in_a_draft_blocks_it_with_its_passage(draft, kind, passage):
    findings = check_draft(draft, FRENCH, RULES)
    (finding,) = [f for f in findings if f.check == "personal_information"]
    assert (finding.check, finding.detail, finding.blocks) == ("personal_information", kind, True)
    if passage:
        assert draft[finding.start : finding.end] == passage
    else:
        assert "123 rue Principale" in draft[finding.start : finding.end]


def test_the_organisations_own_public_contacts_are_allowed():
    # Toll-free lines, public bodies' and role addresses, and the numbers the presets give.
    draft = (
        "Appelez Services Québec au 1 877 644-4545, Info-Santé au 811, écrivez à "
        "plaintes@cisss.gouv.qc.ca, ou joignez le commissariat au 418 368-3301, poste 3604."
    )
    assert check_draft(draft, FRENCH, RULES) == ()


def test_a_contact_the_lead_put_in_a_template_is_the_organisations_own():
    own = {"dossier": {"fr": "Appelez notre bureau au 819 555-0110.", "en": "Call 819 555-0110."}}
    draft = "Pour votre dossier, appelez notre bureau au 819-555-0110."
    assert found(draft) == [("personal_information", "phone", "819-555-0110")]
    assert found(draft, settings=Settings(templates=own)) == []
    assert ("phone", "8195550110") in organisation_contacts(Settings(templates=own))


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_every_presets_templates_pass_the_checks_in_both_languages(name):
    rules = Settings(**preset_settings(name))
    for code in DEFAULT_TEMPLATES:
        for language in ("fr", "en"):
            draft = rules.reply_text(code, language)
            assert check_draft(draft, DraftContext(language), rules) == (), (code, language)


# --- full names warn -----------------------------------------------------------------


def test_a_commenters_full_name_warns_whatever_its_accents_case_or_order():
    context = DraftContext("fr", ("Marc-André Côté", "Julie Tremblay"))
    for draft, passage in [
        ("Merci, Marc-André Côté, de votre message.", "Marc-André Côté"),
        ("Merci, MARC ANDRE COTE, de votre message.", "MARC ANDRE COTE"),
        ("Bonjour Tremblay Julie, merci.", "Tremblay Julie"),
    ]:
        ((check, detail, shown),) = found(draft, context)
        assert (check, shown) == ("full_name", passage)
    (finding,) = check_draft("Merci Julie Tremblay!", context, RULES)
    assert not finding.blocks


def test_a_first_name_alone_or_a_name_inside_a_word_does_not_warn():
    context = DraftContext("fr", ("Julie Tremblay", "Jo", "Ville de Québec"))
    assert found("Merci Julie, bonne journée!", context) == []
    assert found("Merci à Mme Tremblay de sa patience.", context) == []
    assert found("Le projet JulieTremblayville avance.", context) == []


def test_the_organisations_own_name_is_not_a_persons():
    context = DraftContext("fr", ("Commission Éthique",))
    rules = Settings(organisation="Commission Éthique")
    assert found("La Commission Éthique vous remercie.", context, rules) == []


def test_the_thread_is_the_comments_author_and_the_posts_other_commenters(team_db):
    comments = [
        (1, "post-1", "Julie Tremblay"),
        (2, "post-1", "Karim Benali"),
        (3, "post-2", "Sophie Gagnon"),
        (4, "post-1", None),
    ]
    team_db["comments"].insert_all(
        {
            "id": i,
            "platform": "facebook",
            "external_id": str(i),
            "post_ref": post,
            "author_name": name,
            "received_at": "2026-03-02 14:00:00",
            "language": "fr",
        }
        for i, post, name in comments
    )
    context = draft_context(team_db, team_db["comments"].get(1))
    assert context == DraftContext("fr", ("Julie Tremblay", "Karim Benali"))
    assert found("Merci Karim Benali de votre appui.", context)[0][0] == "full_name"


# --- the language form warns ---------------------------------------------------------


def test_an_english_comment_is_answered_in_french_then_in_english():
    assert found(BILINGUAL, ENGLISH) == []
    french_only = "Merci de votre question. Vous trouverez l'information sur notre site Web."
    assert found(french_only, ENGLISH) == [("language", "no_english", french_only)]
    english_first = "Thank you for your question.\n\nMerci de votre question."
    assert found(english_first, ENGLISH)[0][:2] == ("language", "not_french_first")


def test_a_french_comment_needs_no_english_but_a_reply_never_starts_in_english():
    assert found("Merci de votre commentaire, nous transmettons.") == []
    english = "Thank you for your comment, we will pass it on to the team."
    assert found(english) == [("language", "not_french_first", english)]


def test_where_the_organisation_answers_in_french_only_english_warns():
    rules = Settings(english_replies="french_only")
    ((check, detail, passage),) = found(BILINGUAL, ENGLISH, rules)
    assert (check, detail) == ("language", "not_french_only")
    assert passage.startswith("Thank you")
    assert found("Merci de votre question, l'information est sur notre site.", ENGLISH, rules) == []
    assert "Thank you" not in rules.reply_text("merci", "en")


# --- links warn ----------------------------------------------------------------------


def test_a_link_outside_the_allowed_sites_warns_and_the_lead_can_allow_it():
    draft = "Voir https://www.quebec.ca/sante et https://bit.ly/3xYz, ou www.exemple.com."
    assert found(draft) == [
        ("link", "bit.ly", "https://bit.ly/3xYz"),
        ("link", "exemple.com", "www.exemple.com"),
    ]
    rules = Settings(allowed_domains=("quebec.ca", "bit.ly", "exemple.com"))
    assert found(draft, settings=rules) == []


def test_subdomains_of_an_allowed_site_are_allowed_but_not_look_alikes():
    assert found("Consultez sante.gouv.qc.ca pour en savoir plus.") == []
    assert found("Consultez quebec.ca.exemple.com pour en savoir plus.")[0][1] == (
        "quebec.ca.exemple.com"
    )
    assert found("Consultez fauxquebec.ca pour en savoir plus.")[0][1] == "fauxquebec.ca"


def test_a_site_the_templates_quote_is_allowed():
    rules = Settings(**preset_settings("csj"))
    assert found("Nos coordonnées sont sur www.csj.qc.ca.", settings=rules) == []


def test_an_email_address_is_not_read_as_a_link():
    assert found("Écrivez à info@exemple.com pour toute question.") == []


# --- any text ------------------------------------------------------------------------


@given(st.text(max_size=400), st.sampled_from(["fr", "en", None]))
def test_any_draft_gives_findings_inside_it_in_the_order_of_the_text(draft, language):
    findings = check_draft(draft, DraftContext(language, ("Julie Tremblay",)), RULES)
    assert all(isinstance(f, Finding) and f.check in DRAFT_CHECKS for f in findings)
    assert all(0 <= f.start <= f.end <= len(draft) for f in findings)
    assert [(f.start, f.end) for f in findings] == sorted((f.start, f.end) for f in findings)
    blocked = [f for f in findings if f.blocks]
    assert all(f.check == "personal_information" for f in blocked)


@given(st.text(alphabet=" \n\t", max_size=20))
def test_a_blank_draft_has_nothing_to_check(draft):
    assert check_draft(draft, ENGLISH, RULES) == ()


def test_a_display_name_too_long_to_be_a_persons_is_never_made_a_pattern():
    slogan = "Non au projet de loi sur les médias sociaux maintenant"
    huge = "Julie " + "Tremblay" * 5000
    context = DraftContext("fr", (slogan, huge))
    assert found(f"Le groupe {slogan} a écrit; Julie Tremblay aussi.", context) == []
