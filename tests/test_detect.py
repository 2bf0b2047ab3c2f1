"""Unit tests for lib.detect: each detector with its positive cases and its traps."""

from __future__ import annotations

import time

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.detect import (
    Detection,
    analyse,
    analyse_many,
    detect_language,
    find_personal_information,
    repeated_text,
)
from lib.taxonomy import FLAGS, REASONS, REDIRECTS


def kinds(text: str) -> list[str]:
    return [p.kind for p in find_personal_information(text)]


# --- personal information: what must be found ------------------------------


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("écrivez à julie.tremblay@example.org svp", "email", "julie.tremblay@example.org"),
        ("mon cell 514 555 0199 texte moi", "phone", "514 555 0199"),
        ("Appelez au (819) 555-0123 poste 12", "phone", "(819) 555-0123"),
        ("call +1 450 555 0177", "phone", "+1 450 555 0177"),
        ("mon numéro 4185550142", "phone", "4185550142"),
        ("sans mot-clé 390 139 624 ici", "sin", "390 139 624"),
        ("NAS 046 454 286", "sin", "046 454 286"),
        ("NAS 441215472", "sin", "441215472"),
        ("SIN: 503-852-808", "sin", "503-852-808"),
        ("ma carte soleil TREM 8503 1234", "health_card", "TREM 8503 1234"),
        ("NAM gagm72621518", "health_card", "gagm72621518"),
        ("carte 4111 1111 1111 1111 débitée", "card", "4111 1111 1111 1111"),
        ("permis L1234-567890-12", "driver_licence", "L1234-567890-12"),
        ("Je suis née le 12 mars 1985", "birth_date", "12 mars 1985"),
        ("Date de naissance : 1990-07-15, merci", "birth_date", "1990-07-15"),
        ("I was born on March 12, 1985", "birth_date", "March 12, 1985"),
        ("DOB 30/11/1992", "birth_date", "30/11/1992"),
        ("numéro de dossier est 2024-458213", "file_number", "2024-458213"),
        ("dossier no AJ-45821-2025", "file_number", "AJ-45821-2025"),
        ("my case number is 2024-771203", "file_number", "2024-771203"),
    ],
)
def test_personal_information_is_found_with_its_kind_and_exact_value(text, kind, value):
    found = find_personal_information(text)
    assert [(p.kind, p.value) for p in found] == [(kind, value)]
    assert text[found[0].start : found[0].end] == value


def test_home_address_is_found_with_its_city_and_postal_code():
    text = "J'habite au 45, rue des Érables, Gaspé G4X 1A1 et personne n'est venu"
    (piece,) = find_personal_information(text)
    assert piece.kind == "address"
    assert piece.value == "45, rue des Érables, Gaspé G4X 1A1"


def test_address_with_residential_context_but_no_postal_code_is_found():
    assert kinds("Je reste au 230 boulevard Perron Est, app. 4, et rien") == ["address"]
    assert kinds("I live at 88 Maple Street") == ["address"]


def test_several_pieces_come_back_left_to_right():
    text = "Courriel a@example.com, tél. 581 555 0166, NAS 390 139 624"
    assert kinds(text) == ["email", "phone", "sin"]


# --- personal information: traps ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "La séance aura lieu le 24 juin 2026 à 19 h.",
        "The meeting is on June 24, 2026 at 7 pm.",
        "Le budget est de 1 234 567,89 $ cette année",
        "Le tarif est de 1 234,56 $",
        "un montant de 123 456 789 $",
        "The budget is $1,234,567.89",
        "Selon l'article 12345678 du recueil",
        "Pour une urgence appelez le 911, pour la santé le 811",
        "Envoyez au C.P. 1234, succursale Centre-ville",
        "Send it to P.O. Box 1234",
        "Depuis 2019, entre 2019 et 2026",
        "Le rapport 2024-2025, page 112",
        "La réunion est au 500, boulevard René-Lévesque, salle 2.10",
        "ligne sans frais 1 877 644-4545 ou 1-800-555-0100",
        "Le dossier des maternelles 4 ans avance",
        "ma demande 2024-2025 de bourse",
        "le code postal G4X 1A1 de la région",
        "un numéro qui ne passe pas Luhn 123 456 789",
        "dans 1203 1234 cas",
    ],
)
def test_numbers_that_are_not_personal_information_are_left_alone(text):
    assert find_personal_information(text) == []
    assert "pii" not in analyse(text).flags


def test_toll_free_service_lines_are_not_personal_but_local_numbers_are():
    # The organisation's local public numbers (e.g. a commissioner's line) are
    # flagged too: Vigie cannot tell them from a citizen's; a moderator can.
    assert kinds("commissaire au 418 368-3301, poste 3604") == ["phone"]
    assert kinds("Info au 1 866 555-0100") == []


# --- language ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        ("Bonjour, est-ce que vos bureaux sont ouverts?", "fr"),
        ("Est ce que le formulaire est disponible en ligne", "fr"),
        ("C'tu ouvert demain matin le bureau?", "fr"),
        ("Ok merci", "fr"),
        ("Pas fort", "fr"),
        ("Merci!", "fr"),
        ("Hi, are your offices open on Easter Monday?", "en"),
        ("Ok thanks", "en"),
        ("So disappointed", "en"),
        ("Hola, ¿dónde puedo encontrar el formulario para la solicitud de ayuda?", "es"),
        ("👍👍", "und"),
        ("", "und"),
        ("418-555-0142", "und"),
    ],
)
def test_language_is_french_english_or_clearly_other(text, language):
    assert detect_language(text) == language


def test_english_flag_follows_the_language():
    assert "english" in analyse("Where can I find the form?").flags
    assert "english" not in analyse("Où trouver le formulaire?").flags


# --- question, link, negative, urgent ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Est-ce que le bureau est ouvert demain",
        "Vous êtes-tu ouverts pendant les vacances",
        "Bonjour je me demandais si la clinique sera ouverte",
        "Can I apply by mail",
        "Pourquoi?",
    ],
)
def test_questions_are_recognised_with_or_without_a_question_mark(text):
    assert "question" in analyse(text).flags


@pytest.mark.parametrize(
    "text",
    [
        "Merci pour l'info",
        "Here is the link: https://www.quebec.ca/en/forms?id=3",
        "Quand je suis arrivé, tout était prêt.",
    ],
)
def test_statements_are_not_questions(text):
    assert "question" not in analyse(text).flags


@pytest.mark.parametrize(
    "text",
    ["https://www.quebec.ca/formulaires", "voir www.csj.qc.ca", "ici bit.ly/abc123"],
)
def test_links_are_flagged(text):
    assert "link" in analyse(text).flags


def test_an_email_address_is_not_a_link():
    assert "link" not in analyse("écrivez à info@example.org").flags


@pytest.mark.parametrize(
    "text",
    [
        "Ça fait trois semaines que j'attends, c'est inacceptable.",
        "Chu tanné d'attendre, pis toujours rien",
        "Ostie de système de marde",
        "Your website has been down all week, ridiculous.",
        "I disagree with this decision",
    ],
)
def test_hostile_or_complaining_comments_are_negative(text):
    assert "negative" in analyse(text).flags


@pytest.mark.parametrize(
    "text",
    ["Merci beaucoup, super service!", "Pas de problème, merci", "Bonne journée à tous"],
)
def test_friendly_comments_are_not_negative(text):
    assert "negative" not in analyse(text).flags


@pytest.mark.parametrize(
    "text",
    [
        "je vais me tuer",
        "J'ai plus envie de vivre",
        "Il y a une bombe dans votre bureau",
        "Urgence! Mon père ne respire plus",
        "I'm going to kill myself",
        "c'est urgent svp",
    ],
)
def test_distress_threats_and_emergencies_are_urgent(text):
    assert "urgent" in analyse(text).flags


@pytest.mark.parametrize(
    "text",
    [
        "Douze heures d'attente à l'urgence hier soir",
        "Pour une urgence appelez le 911",
        "Twelve hours in the emergency room",
        "Can someone help me find the form?",
    ],
)
def test_the_emergency_room_and_plain_requests_for_help_are_not_urgent(text):
    assert "urgent" not in analyse(text).flags


# --- suggestions ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, reason",
    [
        ("Gang de caves, vous comprenez rien", "injurieux"),
        ("Go back to your country", "haineux"),
        ("Vous allez payer pour ça, je sais où vous habitez", "menace"),
        ("Make money from home with crypto! DM me", "pourriel"),
        ("Visitez ma boutique, 10 % de rabais avec le code ETE", "commercial"),
        ("Encore une promesse brisée de la CAQ", "partisan"),
        ("Hot singles in your area", "sexuel"),
        ("Appelez-moi au 418-555-0142", "renseignements_personnels"),
    ],
)
def test_likely_netiquette_reasons_are_suggested(text, reason):
    assert reason in analyse(text).suggested_reasons


def test_disagreement_alone_suggests_no_removal_reason():
    assert analyse("Je ne suis pas d'accord avec cette décision").suggested_reasons == ()


@pytest.mark.parametrize(
    "text, redirect",
    [
        ("Où en est ma demande d'aide juridique?", "dossier"),
        ("Je veux porter plainte contre l'agent", "plainte"),
        ("Mon fils fait de la fièvre depuis trois jours", "medical"),
        ("Je vais me tuer", "medical"),
        ("Mon NAS est 390 139 624, où en est mon dossier?", "prive"),
        ("Merci beaucoup!", None),
    ],
)
def test_a_likely_redirect_is_suggested(text, redirect):
    assert analyse(text).suggested_redirect == redirect


def test_codes_come_from_the_taxonomy_in_its_order():
    detection = analyse("Bunch of idiots, call me at 418-555-0142 www.example.com ?")
    assert isinstance(detection, Detection)
    assert set(detection.flags) <= set(FLAGS)
    assert list(detection.flags) == [f for f in FLAGS if f in detection.flags]
    assert set(detection.suggested_reasons) <= set(REASONS)
    assert detection.suggested_redirect in REDIRECTS
    assert detection.flags == ("pii", "english", "question", "negative", "link")


# --- batch ------------------------------------------------------------------


def test_analyse_many_keeps_the_index_and_writes_codes_as_space_separated_strings():
    texts = pd.Series(["Merci!", None, "Why? 418-555-0142", "Merci!"], index=[10, 11, 12, 13])
    found = analyse_many(texts)
    assert list(found.columns) == ["language", "flags", "suggested_reasons", "suggested_redirect"]
    assert list(found.index) == [10, 11, 12, 13]
    assert found.loc[12, "flags"] == "pii english question"
    assert found.loc[12, "suggested_redirect"] == "prive"
    assert found.loc[10, "suggested_redirect"] is None
    assert found.loc[11, "language"] == "und"
    assert found.loc[10].tolist() == found.loc[13].tolist()


def test_analyse_many_of_an_empty_series_is_an_empty_frame():
    found = analyse_many(pd.Series([], dtype=object))
    assert len(found) == 0
    assert "flags" in found.columns


def test_analyse_many_reads_each_distinct_text_once_so_a_large_demo_takes_seconds():
    templates = [
        f"Bonjour, question {i} : est-ce ouvert? 418-555-01{i % 100:02d}" for i in range(300)
    ]
    texts = pd.Series(templates * 334)  # about 100,000 rows
    started = time.perf_counter()
    found = analyse_many(texts)
    assert time.perf_counter() - started < 10
    assert len(found) == len(texts)
    assert (found["flags"] == "pii question").all()


# --- repeated text ----------------------------------------------------------


def test_repeated_text_marks_an_author_who_posts_the_same_message_three_times():
    frame = pd.DataFrame(
        {
            "platform": ["facebook"] * 5 + ["x"],
            "author_handle": ["a", "a", "a", "b", "b", "a"],
            "text": ["Vote QS!", "vote  qs!", "VOTE QS!", "Vote QS!", "Vote QS!", "Vote QS!"],
        }
    )
    assert repeated_text(frame).tolist() == [True, True, True, False, False, False]
    assert repeated_text(frame, min_count=2).tolist() == [True, True, True, True, True, False]


# --- robustness -------------------------------------------------------------

awkward_text = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Z", "Cf"]),
    max_size=400,
) | st.sampled_from(
    [
        "\u200b\u200d\u2060",
        "مرحبا بكم 418-555-0142",
        "שלום\u202e 046 454 286",
        "🔥" * 500,
        "a" * 20_000,
        "9" * 5_000,
        "1 " * 3_000,
        "@" * 1_000 + ".com",
    ]
)


@settings(max_examples=300, deadline=None)
@given(awkward_text)
def test_analyse_never_crashes_and_returns_taxonomy_codes(text):
    detection = analyse(text)
    assert set(detection.flags) <= set(FLAGS)
    assert set(detection.suggested_reasons) <= set(REASONS)
    assert detection.suggested_redirect is None or detection.suggested_redirect in REDIRECTS
    assert isinstance(detection.language, str) and detection.language


@settings(max_examples=200, deadline=None)
@given(awkward_text)
def test_found_pieces_are_exact_slices_and_never_overlap(text):
    pieces = find_personal_information(text)
    for piece in pieces:
        assert text[piece.start : piece.end] == piece.value
    for left, right in zip(pieces, pieces[1:], strict=False):
        assert left.end <= right.start
