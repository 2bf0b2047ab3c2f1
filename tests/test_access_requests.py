"""Access requests (lib.records.access): finding a person's identities, the ZIP of everything
Vigie holds about them read back, its record in the export audit, and the Registres tab."""

import io
import zipfile

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.auth import PermissionDenied
from lib.chain import ERASED
from lib.db import to_db_time
from lib.detect import fold
from lib.moderation import act
from lib.records.access import (
    AUTHOR_COLUMNS,
    README,
    access_export,
    access_filename,
    find_authors,
)
from lib.reports import unmasked_exports
from lib.settings import exclude_author, readmit_author
from tests.conftest import new_app, reading

NOW = pd.Timestamp("2026-11-20 15:00", tz="America/Toronto")
MARIE = [("facebook", "marie.levesque"), ("instagram", "mlevesque_")]
PAGE = "pages/records.py"
# Personal information, which the person's own export does not mask.
ADDRESS = "J'habite au 12 rue des Érables, 418-555-0199"


def comment(id, platform, handle, name, text, received_at, **more):
    return {
        "id": id,
        "platform": platform,
        "account": "Ville de Lévis",
        "external_id": str(id),
        "author_handle": handle,
        "author_name": name,
        "text": text,
        "received_at": received_at,
        **more,
    }


@pytest.fixture
def marie_db(team_db):
    """Marie Lévesque on Facebook (two names, one handle) and Instagram; Jean Tremblay; one
    comment anonymised by retention. Acted on, noted, replied to, excluded and held."""
    team_db["posts"].insert(
        {"platform": "facebook", "post_ref": "p1", "title": "Collecte des ordures", "url": "u"}
    )
    team_db["comments"].insert_all(
        comment(*row, **more)
        for *row, more in (
            (
                1,
                "facebook",
                "marie.levesque",
                "Marie Lévesque",
                ADDRESS,
                "2026-11-02 14:00:00",
                {"post_ref": "p1", "permalink": "https://facebook.example/c/1"},
            ),
            (
                2,
                "facebook",
                "marie.levesque",
                "Marie L.",
                "Quand passe le camion?",
                "2026-11-03 15:30:00",
                {},
            ),
            (
                3,
                "instagram",
                "mlevesque_",
                "Marie Lévesque",
                "Merci pour l'info",
                "2026-11-04 16:00:00",
                {},
            ),
            (4, "facebook", "jt", "Jean Tremblay", "Bravo", "2026-11-02 14:30:00", {}),
            (5, "facebook", None, ERASED, ERASED, "2025-01-02 14:00:00", {}),
        )
    )
    at = pd.Timestamp("2026-11-05 14:00", tz="UTC")
    act(team_db, 1, "note", "ana", 1, note="Adresse personnelle visible", at=at)
    act(team_db, 1, "hide", "ana", 2, reasons=["renseignements_personnels"], at=at + _min(1))
    act(team_db, 2, "escalate", "ana", 1, reply="Le camion passe le mardi.", at=at + _min(2))
    act(team_db, 3, "reply", "ana", 1, reply="Avec plaisir!", at=at + _min(3))
    act(team_db, 4, "reply", "ana", 1, reply="Merci Jean", at=at + _min(4))
    exclude_author(team_db, "lea", "facebook", "marie.levesque", "2026-12-31", "Propos répétés")
    exclude_author(team_db, "lea", "instagram", "mlevesque_", None, "Erreur")
    readmit_author(team_db, "lea", "instagram", "mlevesque_")
    exclude_author(team_db, "lea", "facebook", "jt", None, "Pourriel")
    held = {"actor": "lea", "at": to_db_time(at + _min(10)), "reason": "Plainte 2026-14"}
    team_db["legal_holds"].insert_all(
        [
            {**held, "id": 1, "action": "place", "comment_id": 1},
            {**held, "id": 2, "action": "place", "platform": "facebook", "author_handle": "jt"},
            {**held, "id": 3, "action": "lift", "hold_id": 1, "reason": "Plainte close"},
        ]
    )
    return team_db


def _min(n):
    return pd.Timedelta(minutes=n)


def unzip(data: bytes) -> tuple[dict[str, pd.DataFrame], str]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    tables = {
        name.removesuffix(".csv"): pd.read_csv(
            io.BytesIO(archive.read(name)),
            sep=";",
            encoding="utf-8-sig",
            dtype=str,
            keep_default_na=False,
        )
        for name in archive.namelist()
        if name.endswith(".csv")
    }
    return tables, archive.read(README).decode("utf-8-sig")


# --- finding the person -----------------------------------------------------------------


def test_a_name_is_found_without_its_accents_on_every_platform_and_name(marie_db):
    found = find_authors(marie_db, "levesque")
    assert list(found.columns) == list(AUTHOR_COLUMNS)
    # By name; "Marie L." by her handle.
    assert found[["platform", "author_handle", "author_name", "comments"]].values.tolist() == [
        ["facebook", "marie.levesque", "Marie L.", 1],
        ["facebook", "marie.levesque", "Marie Lévesque", 1],
        ["instagram", "mlevesque_", "Marie Lévesque", 1],
    ]
    # Québec local time: 14:00 UTC on 2 November is 9:00 (EST).
    assert found.loc[1, ["first_received", "last_received"]].tolist() == [
        "2026-11-02 09:00",
        "2026-11-02 09:00",
    ]
    assert find_authors(marie_db, "MARIE L.")["author_name"].tolist() == ["Marie L."]
    assert find_authors(marie_db, "tremblay", limit=1)["author_handle"].tolist() == ["jt"]


def test_a_blank_query_finds_no_one_and_an_anonymised_comment_is_never_found(marie_db):
    assert find_authors(marie_db, "").empty and find_authors(marie_db, "   ").empty
    assert find_authors(marie_db, "anonym").empty
    assert find_authors(marie_db, ERASED).empty


def test_wildcards_are_plain_characters(marie_db):
    assert find_authors(marie_db, "%").empty
    assert find_authors(marie_db, "_")["author_handle"].tolist() == ["mlevesque_"]


NAMES = st.text(alphabet="aAéÉeE_%. lLvV", min_size=1, max_size=8)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=12), names=st.lists(st.tuples(NAMES, NAMES), max_size=6))
def test_whatever_is_typed_only_authors_holding_it_are_found(team_db, query, names):
    team_db.execute("DELETE FROM comments")
    team_db["comments"].insert_all(
        comment(i, "x", handle, name, "", "2026-11-02 14:00:00")
        for i, (name, handle) in enumerate(names, start=1)
    )
    found = find_authors(team_db, query)
    needle = fold(query).strip()
    for name, handle in found[["author_name", "author_handle"]].itertuples(index=False):
        assert needle and (needle in fold(name) or needle in fold(handle))
    if needle:
        expected = {
            (n, h) for n, h in names if h.strip() and (needle in fold(n) or needle in fold(h))
        }
        found_pairs = set(found[["author_name", "author_handle"]].itertuples(index=False))
        assert found_pairs == expected


# --- the ZIP ----------------------------------------------------------------------------


def test_the_zip_holds_every_file_with_exactly_the_persons_rows(marie_db):
    tables, _ = unzip(access_export(marie_db, "lea", MARIE, now=NOW))
    assert sorted(tables) == sorted(
        ["commentaires", "actions", "notes", "reponses", "exclusions", "suspensions"]
    )
    comments = tables["commentaires"]
    assert comments["comment_id"].tolist() == ["1", "2", "3"]
    assert comments["author_name"].tolist() == ["Marie Lévesque", "Marie L.", "Marie Lévesque"]
    # The person's own words, unmasked, and the post they answered.
    assert comments.loc[0, "text"] == ADDRESS
    assert comments.loc[0, ["received_at", "post_title", "permalink", "status"]].tolist() == [
        "2026-11-02 09:00",
        "Collecte des ordures",
        "https://facebook.example/c/1",
        "hidden",
    ]
    actions = tables["actions"]
    assert actions[["comment_id", "at", "actor", "kind"]].values.tolist() == [
        ["1", "2026-11-05 09:00", "ana", "note"],
        ["1", "2026-11-05 09:01", "ana", "hide"],
        ["2", "2026-11-05 09:02", "ana", "escalate"],
        ["3", "2026-11-05 09:03", "ana", "reply"],
    ]
    assert actions.loc[1, ["reasons", "reason_labels"]].tolist() == [
        "renseignements_personnels",
        "Renseignements personnels ou confidentiels",
    ]
    assert tables["notes"][["comment_id", "note"]].values.tolist() == [
        ["1", "Adresse personnelle visible"]
    ]
    assert tables["reponses"][["comment_id", "kind", "stage", "text"]].values.tolist() == [
        ["2", "escalate", "proposed", "Le camion passe le mardi."],
        ["3", "reply", "published", "Avec plaisir!"],
    ]
    exclusions = tables["exclusions"][["platform", "author_handle", "until", "reason", "ended_by"]]
    assert exclusions.values.tolist() == [
        ["facebook", "marie.levesque", "2026-12-31", "Propos répétés", ""],
        ["instagram", "mlevesque_", "", "Erreur", "lea"],
    ]
    holds = tables["suspensions"]
    assert holds[["id", "action", "hold_id", "comment_id"]].values.tolist() == [
        ["1", "place", "", "1"],
        ["3", "lift", "1", ""],
    ]


def test_nothing_of_another_author_is_in_the_zip(marie_db):
    data = access_export(marie_db, "lea", MARIE, now=NOW)
    archive = zipfile.ZipFile(io.BytesIO(data))
    for name in archive.namelist():
        text = archive.read(name).decode("utf-8-sig")
        assert "Tremblay" not in text and "Merci Jean" not in text and ";jt;" not in text
        assert "Pourriel" not in text


def test_the_readme_says_who_when_whom_and_the_law_in_french(marie_db):
    _, readme = unzip(access_export(marie_db, "lea", MARIE, now=NOW))
    assert "Produit par Léa (lea) le 2026-11-20 à 15 h, heure du Québec." in readme
    assert "- Facebook : marie.levesque (Marie Lévesque, Marie L.)" in readme
    assert "- Instagram : mlevesque_ (Marie Lévesque)" in readme
    assert "commentaires.csv" in readme and "(lignes : 3)" in readme
    assert "« [anonymisé] »" in readme and "heure du Québec" in readme
    assert "art. 83" in readme and "\r\n" in readme


def test_the_export_is_recorded_in_the_audit_with_whom_it_was_about(marie_db):
    access_export(marie_db, "lea", list(reversed(MARIE)), now=NOW)
    [record] = unmasked_exports(marie_db)
    assert (record["actor"], record["kind"], record["now"]) == ("lea", "access", "2026-11-20 15:00")
    assert record["subject"] == "facebook:marie.levesque, instagram:mlevesque_"
    # 3 comments, 4 actions, 1 note, 2 replies, 2 exclusions, 2 holds.
    assert record["rows"] == 14
    assert (record["from"], record["to"]) == (None, None)


def test_a_moderator_is_refused_and_nothing_is_recorded(marie_db):
    with pytest.raises(PermissionDenied):
        access_export(marie_db, "ana", MARIE, now=NOW)
    assert unmasked_exports(marie_db) == []


def test_an_export_names_someone(marie_db):
    for nobody in ([], [("facebook", "")], [("facebook", ERASED)]):
        with pytest.raises(ValueError):
            access_export(marie_db, "lea", nobody, now=NOW)
    assert unmasked_exports(marie_db) == []


def test_a_proposal_the_history_does_not_hold_is_exported_once(marie_db):
    marie_db.execute("UPDATE comments SET proposed_reply = 'Bonne journée' WHERE id = 3")
    tables, _ = unzip(access_export(marie_db, "lea", MARIE, now=NOW))
    assert tables["reponses"][["comment_id", "kind", "stage", "text"]].values.tolist()[-1] == [
        "3",
        "proposal",
        "proposed",
        "Bonne journée",
    ]
    assert len(tables["reponses"]) == 3  # comment 2's proposal is its escalation's


def test_the_file_is_named_after_the_handle_and_the_quebec_date():
    assert access_filename(MARIE, now="2026-11-21 03:00") == "acces-marie.levesque-2026-11-20.zip"
    assert access_filename([("x", "Zoé/../é")], now=NOW) == "acces-zoe-..-e-2026-11-20.zip"


# --- the page ---------------------------------------------------------------------------


@pytest.fixture
def marie_path(marie_db, monkeypatch):
    monkeypatch.setenv("VIGIE_DB", marie_db.conn._path)
    return marie_db.conn._path


def records_page(username="lea", lang="fr"):
    at = new_app(username, lang, now=NOW, timeout=60).run()
    at.switch_page(PAGE)
    at = at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_lead_searches_ticks_prepares_and_downloads(marie_path):
    at = records_page()
    at.text_input(key="access_query").input("lévesque").run()
    assert not at.exception, [e.value for e in at.exception]
    shown = next(d.value for d in at.dataframe if "Identifiant" in d.value.columns)
    assert shown["Identifiant"].tolist() == ["marie.levesque", "marie.levesque", "mlevesque_"]
    assert shown["Commentaires"].tolist() == [1, 1, 1]
    assert not at.get("download_button")
    picker = at.multiselect(key="access_identities")
    assert picker.options == [
        "Facebook · marie.levesque · Marie L., Marie Lévesque · commentaires : 2",
        "Instagram · mlevesque_ · Marie Lévesque · commentaires : 1",
    ]
    picker.select("facebook:marie.levesque").select("instagram:mlevesque_").run()
    at = at.button(key="access_prepare").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "inscrit au registre" in at.success[0].value
    [download] = at.get("download_button")
    assert "acces-marie.levesque-2026-11-20.zip" in download.proto.label
    at = at.run()  # a rerun offers the same file, recorded once
    assert at.get("download_button")
    [record] = reading(marie_path, unmasked_exports)
    assert record["subject"] == "facebook:marie.levesque, instagram:mlevesque_"
    # Another choice of identities withdraws the file prepared for the first.
    at = at.multiselect(key="access_identities").unselect("instagram:mlevesque_").run()
    assert not at.get("download_button")


def test_a_query_that_matches_no_one_says_so_as_typed(marie_path):
    at = records_page()
    at.text_input(key="access_query").input("[x](http://e.example)").run()
    assert "Aucune identité ne correspond" in at.info[0].value
    assert "\\[x\\]\\(http\\://e.example\\)" in at.info[0].value


def test_the_tab_speaks_english_through_the_language_switch(marie_path):
    at = records_page(lang="en")
    assert at.text_input(key="access_query").label == "Name or handle"
    assert "Access Act, s. 83" in " ".join(c.value for c in at.caption)


def test_a_moderator_sees_the_lead_only_refusal(marie_path):
    at = records_page("ana")
    assert "réservés aux chefs d'équipe" in at.error[0].value
    assert not [w for w in at.text_input if w.key == "access_query"]
