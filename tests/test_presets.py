"""Policy presets: each rule's quotes are the policy's own sentences, and each setting follows
from its quotes; a preset passes the settings' checks and applies through save_settings."""

import re
from dataclasses import asdict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.catalogue import STRINGS
from lib.db import open_db
from lib.presets import PRESET_NAMES, PRESETS, UnknownPreset, preset, preset_settings
from lib.settings import (
    Settings,
    SettingsError,
    check,
    load_settings,
    save_settings,
    settings_history,
)
from lib.taxonomy import REASONS
from lib.templates import DEFAULT_TEMPLATES

POLICIES = Path(__file__).resolve().parents[1] / "docs" / "policies"
DEFAULTS = Settings()

# Words that name each reason in a policy's French, written here apart from the presets
# (an independent reading): a reason is listed when one of its words is in the list.
NAMING_WORDS = {
    "injurieux": ("injurieux", "grossier", "insulte", "attaque", "irrespectueux", "désobligeant"),
    "haineux": ("haineux", "haine"),
    "discriminatoire": ("discrimin", "raciste", "sexiste", "homophob"),
    "diffamatoire": ("diffamatoire", "calomni"),
    "sexuel": ("connotation sexuelle", "sexuellement explicite", "obscène"),
    "menace": ("menace", "menaçant", "harcèlement", "chantage"),
    "commercial": ("commercial", "promotionnel", "publicitaire"),
    "pourriel": ("pourriel",),
    "partisan": ("partisan", "propagande"),
    "hors_sujet": ("pertinen", "hors sujet"),
    "mensonger": ("mensonger", "faux", "trompeur"),
    "confus": ("confus", "imprécis"),
    "renseignements_personnels": ("renseignements personnels", "vie privée"),
    "droit_auteur": ("droit d'auteur",),
    "illegal": ("illégal",),
    "anonyme_repetitif": ("anonyme", "répétitif", "identité de son auteur"),
}
# The policies that list what they remove; the CSJ's and the CEST's netiquettes are not
# part of their published texts.
LISTING = ("mess", "cisss", "css", "general")
WITHOUT_LIST = ("csj", "cest")
# What a reply may point to: a phone number's groups, 811 and 911, a web address, an e-mail.
CONTACT = re.compile(r"\d{3,}|(?:https?://|www\.)[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def flat(text: str) -> str:
    """Runs of spaces and line breaks as one space: the policies are extracted from PDFs."""
    return " ".join(text.split())


def policy_text(name: str) -> str:
    return flat((POLICIES / name).read_text(encoding="utf-8"))


def quotes_of(name: str, setting: str) -> list[str]:
    return [q for rule in preset(name).rules_for(setting) for q in rule.quotes]


def named(reason: str, texts) -> bool:
    return any(word in flat(text).lower() for text in texts for word in NAMING_WORDS[reason])


def contacts(text: str) -> set[str]:
    return {found.rstrip(".,;:)»>") for found in CONTACT.findall(text)}


def test_the_presets_are_the_five_policies_and_vigies_own():
    assert PRESET_NAMES == ("mess", "csj", "cisss", "css", "cest", "general")
    assert set(NAMING_WORDS) == set(REASONS)


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_every_quote_is_in_the_policy_word_for_word(name):
    chosen = preset(name)
    quoted = [(chosen.source_of(rule), q) for rule in chosen.rules for q in rule.quotes]
    assert quoted
    for source, quote in quoted:
        assert flat(quote) in policy_text(source), (source, quote)


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_a_setting_no_quote_decides_says_why(name):
    for rule in preset(name).rules:
        if not rule.quotes:
            assert rule.why, rule.values


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_every_preset_sets_the_same_settings_and_names_itself(name):
    values = preset_settings(name)
    assert set(values) == {
        "policy",
        "organisation",
        "open_time",
        "close_time",
        "weekdays",
        "target_hours",
        "retired_reasons",
        "netiquette",
        "negative_needs_approval",
        "lead_self_approval",
        "english_replies",
        "templates",
    }
    assert values["policy"] == name
    for setting in values.keys() - {"policy"}:
        rules = preset(name).rules_for(setting)
        assert len({repr(rule.values[setting]) for rule in rules}) == 1, setting


@pytest.mark.parametrize("name", [n for n in PRESET_NAMES if n != "general"])
def test_the_organisation_is_the_body_whose_policy_it_is(name):
    organisation = preset_settings(name)["organisation"]
    quoted = " ".join(quotes_of(name, "organisation")).lower()
    if name == "cest":  # the text only says "la CEST"
        assert "CEST" in quotes_of(name, "organisation")[0]
        assert organisation == "Commission de l'éthique en science et en technologie"
    else:
        assert organisation.lower() in quoted
        assert organisation.lower() in policy_text(preset(name).source).lower()


def test_the_general_preset_names_no_organisation():
    assert preset_settings("general")["organisation"] == ""


HOURS = re.compile(r"du lundi au vendredi, de (\d+) h (\d+) à (\d+) h (\d+)")


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_office_hours_are_the_ones_the_policy_states_or_vigies(name):
    values = preset_settings(name)
    stated = [m.groups() for q in quotes_of(name, "open_time") if (m := HOURS.search(flat(q)))]
    if stated:
        (open_h, open_m, close_h, close_m), *_ = stated
        assert values["open_time"] == f"{int(open_h):02}:{open_m}"
        assert values["close_time"] == f"{int(close_h):02}:{close_m}"
        assert values["weekdays"] == (0, 1, 2, 3, 4)  # lundi au vendredi
    else:
        assert (values["open_time"], values["close_time"]) == (
            DEFAULTS.open_time,
            DEFAULTS.close_time,
        )
        assert values["weekdays"] == DEFAULTS.weekdays
    expected = {"mess": True, "cisss": True, "general": True}
    assert bool(stated) == expected.get(name, False)


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_the_target_is_one_business_day_where_the_policy_says_so_else_vigies(name):
    values = preset_settings(name)
    quoted = " ".join(quotes_of(name, "target_hours"))
    if "un jour ouvrable" in quoted:
        opens, closes = (
            int(values[k][:2]) * 60 + int(values[k][3:]) for k in ("open_time", "close_time")
        )
        assert values["target_hours"] == (closes - opens) / 60 == 8.0
    else:
        assert not re.search(r"\d+ heures", quoted)
        assert values["target_hours"] == DEFAULTS.target_hours


@pytest.mark.parametrize("name", LISTING)
def test_a_reason_is_active_exactly_when_the_policys_list_names_it(name):
    listed = quotes_of(name, "retired_reasons")
    retired = set(preset_settings(name)["retired_reasons"])
    for reason in REASONS:
        assert named(reason, listed) == (reason not in retired), reason


@pytest.mark.parametrize("name", WITHOUT_LIST)
def test_a_policy_whose_netiquette_is_not_in_its_text_keeps_every_reason(name):
    assert preset_settings(name)["retired_reasons"] == ()
    assert re.search("n[ée]tiquette", " ".join(quotes_of(name, "retired_reasons")), re.I)


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_at_least_one_reason_stays_active(name):
    assert set(REASONS) - set(preset_settings(name)["retired_reasons"])


@pytest.mark.parametrize("name", LISTING)
def test_the_netiquette_shown_to_moderators_names_the_active_reasons_only(name):
    values = preset_settings(name)
    for reason in REASONS:
        active = reason not in values["retired_reasons"]
        assert named(reason, [values["netiquette"]["fr"]]) == active, reason


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_the_netiquette_is_in_french_and_in_english(name):
    netiquette = preset_settings(name)["netiquette"]
    assert set(netiquette) == {"fr", "en"} and all(netiquette.values())
    assert netiquette["fr"] != netiquette["en"]


def test_the_ministrys_netiquette_is_its_own_words():
    fr = preset_settings("mess")["netiquette"]["fr"]
    for paragraph in fr.split("\n\n"):
        assert flat(paragraph) in policy_text("mess-politique-editoriale-2013.txt")


APPROVAL = re.compile(
    r"(avant de|préalable).*(assentiment|autorisation|accord)|"
    r"(assentiment|autorisation|accord).*(avant de|préalable)",
    re.IGNORECASE,
)


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_approval_is_required_exactly_when_a_quote_asks_for_it_beforehand(name):
    required = any(APPROVAL.search(flat(q)) for q in quotes_of(name, "negative_needs_approval"))
    assert preset_settings(name)["negative_needs_approval"] == required
    expected = {"cest": True, "cisss": True, "general": True}
    assert required == expected.get(name, False)


def test_the_cest_requires_approval_of_a_reply_to_a_negative_comment_in_its_words():
    (quote,) = quotes_of("cest", "negative_needs_approval")
    assert "réponse à un commentaire négatif" in quote and "assentiment" in quote


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_whether_a_lead_may_approve_their_own_reply_is_decided_with_a_why(name):
    (rule,) = preset(name).rules_for("lead_self_approval")
    assert rule.why
    if preset_settings(name)["negative_needs_approval"]:
        # Where the policy asks for approval, the sentence that asks is the one read.
        assert set(rule.quotes) == set(quotes_of(name, "negative_needs_approval"))
    assert preset_settings(name)["lead_self_approval"] is True


def test_the_cest_lead_stands_for_the_secretaire_generale_so_her_reply_is_self_approved():
    (rule,) = preset("cest").rules_for("lead_self_approval")
    assert rule.quotes == (
        "Avant de publier une réponse à un commentaire négatif, vous devez obtenir "
        "l'assentiment de la Secrétaire générale.",
    )
    assert "Secrétaire générale" in rule.why and "self-approved" in rule.why


FRENCH_ONLY = re.compile(r"en français seulement|uniquement en français", re.IGNORECASE)
FRENCH_THEN_ENGLISH = re.compile(r"en français.*puis en anglais", re.IGNORECASE)


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_an_english_comment_is_answered_as_the_quotes_say_or_bilingually(name):
    quoted = " ".join(flat(q) for q in quotes_of(name, "english_replies"))
    expected = "french_only" if FRENCH_ONLY.search(quoted) else "bilingual"
    assert preset_settings(name)["english_replies"] == expected
    if FRENCH_THEN_ENGLISH.search(quoted):
        assert expected == "bilingual"
    elif expected == "bilingual":  # a reading of the policy, or its silence, says why
        assert preset(name).rules_for("english_replies")[0].why


def test_the_ministry_answers_in_french_only_in_its_words():
    assert preset_settings("mess")["english_replies"] == "french_only"
    (quote,) = quotes_of("mess", "english_replies")
    assert "en français seulement" in quote and "Charte de la langue française" in quote
    others = [n for n in PRESET_NAMES if preset_settings(n)["english_replies"] == "french_only"]
    assert others == ["mess"]


def test_the_csj_and_the_cisss_answer_in_french_then_in_english():
    assert "puis en anglais dans un deuxième temps" in " ".join(quotes_of("csj", "english_replies"))
    (rule,) = preset("cisss").rules_for("english_replies")
    assert "Charte de la langue française" in rule.quotes[0] and rule.why
    assert preset_settings("csj")["english_replies"] == "bilingual"
    assert preset_settings("cisss")["english_replies"] == "bilingual"


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_a_preset_leaves_the_sites_replies_may_link_to_as_the_lead_set_them(team_db, name):
    save_settings(team_db, "lea", allowed_domains="csj.qc.ca\nquebec.ca")
    save_settings(team_db, "lea", **preset_settings(name))
    assert load_settings(team_db).allowed_domains == ("csj.qc.ca", "quebec.ca")


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_every_setting_a_preset_sets_is_named_in_both_languages(name):
    for setting in preset_settings(name).keys() - {"policy"}:
        words = STRINGS[f"presets.setting.{setting}"]
        assert words["fr"] and words["en"], setting


@pytest.mark.parametrize("name", PRESET_NAMES)
@pytest.mark.parametrize("setting", ["templates", "netiquette"])
def test_every_number_and_address_given_to_the_public_is_in_the_quotes(name, setting):
    quoted = " ".join(flat(q) for q in quotes_of(name, setting))
    texts = preset_settings(name)[setting]
    pieces = [texts] if setting == "netiquette" else list(texts.values())
    for texts in pieces:
        for text in texts.values():
            for contact in contacts(text):
                assert contact in quoted, (contact, text)


def test_the_cisss_replies_give_the_commissioners_line_and_info_sante():
    templates = preset_settings("cisss")["templates"]
    assert "418 368-3301, poste 3604" in templates["plainte"]["fr"]
    assert "418 368-3301, extension 3604" in templates["plainte"]["en"]
    assert "811" in templates["medical"]["fr"] and "911" in templates["medical"]["fr"]


def test_the_csj_sends_files_to_the_legal_aid_office_through_its_website():
    dossier = preset_settings("csj")["templates"]["dossier"]
    assert "bureau d'aide juridique" in dossier["fr"] and "www.csj.qc.ca" in dossier["fr"]


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# The one address the policy copies keep: the CISSS's generic one for reporting abuse.
GENERIC_ADDRESSES = {"ciSSsgaspesie@ssss.gouv.qc.ca"}


def test_the_policy_copies_hold_no_personal_address_or_name():
    for path in POLICIES.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        assert set(EMAIL.findall(text)) <= GENERIC_ADDRESSES, path.name
        assert "Cloutier" not in text and "plourde" not in text.lower(), path.name


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_no_preset_holds_a_persons_address(name):
    text = repr(PRESETS[name])
    assert set(EMAIL.findall(text)) <= GENERIC_ADDRESSES
    assert "[adresse retirée]" not in text and "[nom retiré]" not in text


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_a_preset_passes_the_settings_checks(name):
    values = preset_settings(name)
    check(Settings(**{**asdict(DEFAULTS), **values}))
    assert set(values["templates"]) <= set(DEFAULT_TEMPLATES)


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_a_lead_applies_a_preset_and_it_reads_back_with_each_change_recorded(tmp_path, name):
    with open_db(tmp_path / "x.db") as db:
        db["users"].insert({"username": "lea", "display_name": "Léa", "role": "lead"})
        save_settings(db, "lea", **preset_settings(name))
        stored = asdict(load_settings(db))
        for setting, value in preset_settings(name).items():
            if setting == "retired_reasons":  # stored sorted
                assert sorted(stored[setting]) == sorted(value)
            else:
                assert stored[setting] == value, setting
        changed = {
            setting
            for setting, value in preset_settings(name).items()
            if asdict(DEFAULTS)[setting] != value
        }
        assert {row["key"] for row in settings_history(db)} == changed
        assert all(row["actor"] == "lea" for row in settings_history(db))


def test_a_preset_is_a_fresh_copy_each_time():
    values = preset_settings("cisss")
    values["templates"]["plainte"]["fr"] = "changé"
    assert preset_settings("cisss")["templates"]["plainte"]["fr"] != "changé"


def test_a_lead_may_edit_after_applying_a_preset(team_db):
    save_settings(team_db, "lea", **preset_settings("cest"))
    save_settings(team_db, "lea", negative_needs_approval=False, target_hours=4)
    settings = load_settings(team_db)
    assert (settings.policy, settings.negative_needs_approval, settings.target_hours) == (
        "cest",
        False,
        4.0,
    )


def test_the_settings_refuse_a_policy_that_is_no_preset(team_db):
    with pytest.raises(SettingsError) as refused:
        save_settings(team_db, "lea", policy="osm")
    assert refused.value.code == "unknown_policy"
    assert "cisss" in refused.value.describe("en")


@given(st.text(max_size=40).filter(lambda s: s not in PRESET_NAMES))
def test_an_unknown_name_is_refused_with_the_known_ones(name):
    with pytest.raises(UnknownPreset) as refused:
        preset_settings(name)
    assert refused.value.code == "unknown_preset"
    for language in ("fr", "en"):
        assert all(known in refused.value.describe(language) for known in PRESET_NAMES)
