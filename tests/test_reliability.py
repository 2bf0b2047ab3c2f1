"""Under faults and load: a killed import, importers and moderators at once, hostile texts.

The browser half of these checks (five sessions at once) is in
`tests/browser/test_sessions.py`.
"""

import csv
import io
import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from lib.db import open_db
from lib.importers import import_file
from lib.reports import export
from tests.conftest import open_app

ROOT = Path(__file__).resolve().parents[1]
RECEIVED = "2026-03-02 14:00:00"
WAIT_SECONDS = 120

# A child that imports a file and, once half its rows are written (inside the
# import's one transaction, after the analysis that holds no lock), says so and
# waits to be killed.
KILLED_IMPORTER = """
import sys
from lib.db import open_db
from lib.importers import import_file

path, source = sys.argv[1], sys.argv[2]
said, phase_now = False, None

def phase(name):
    global phase_now
    phase_now = name

def progress(done, total):
    global said
    if phase_now == "writing" and not said and done * 2 >= total:
        said = True
        print("halfway", done, total, flush=True)
        sys.stdin.read()  # blocks until the parent kills us

db = open_db(path)
with open(source, "rb") as f:
    import_file(db, f.read(), "big.csv", progress=progress, phase=phase)
print("finished", flush=True)
"""

# A moderator's process: acts on the given comments (a note, then an
# assignment, in turn), reading the version again after each conflict, until the
# stop file exists. Says "acting" after its first action; prints its counts.
ACTOR = """
import sys
from pathlib import Path
from lib.db import open_db
from lib.moderation import StaleVersion, act

path, actor, stop = sys.argv[1], sys.argv[2], Path(sys.argv[3])
comments = [int(c) for c in sys.argv[4].split(",")]
db = open_db(path)
done = stale = 0
while done < 5 or not stop.exists():
    comment_id = comments[done % len(comments)]
    while True:
        row = db.execute("SELECT version FROM comments WHERE id = ?", [comment_id])
        version = row.fetchone()[0]
        try:
            if done % 2:
                act(db, comment_id, "assign", actor, version)
            else:
                act(db, comment_id, "note", actor, version, note=f"{actor} {done}")
        except StaleVersion:
            stale += 1
            continue
        break
    done += 1
    if done == 1:
        print("acting", flush=True)
print("done", done, "stale", stale, flush=True)
"""


# A lead's process: adds and removes a closure in turn until the stop file exists;
# each save recomputes the due time of every open comment, in the same transaction.
SETTINGS_WRITER = """
import sys
from pathlib import Path
from lib.db import open_db
from lib.settings import save_settings

path, stop = sys.argv[1], Path(sys.argv[2])
db = open_db(path)
saves = 0
while saves < 5 or not stop.exists():
    save_settings(db, "mlachance", closures=["2026-12-24"] if saves % 2 == 0 else [])
    saves += 1
    if saves == 1:
        print("saving", flush=True)
print("done", saves, flush=True)
"""


def _python(code: str, *args, **popen) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


def _read_line(process: subprocess.Popen, seconds: float = WAIT_SECONDS) -> str:
    """The child's next line of output, waiting on its pipe (not on a clock) up to `seconds`."""
    ready, _, _ = select.select([process.stdout], [], [], seconds)
    if not ready:
        process.kill()
        raise AssertionError(f"no output from the child in {seconds} s")
    line = process.stdout.readline()
    if not line:
        process.wait(timeout=10)
        raise AssertionError(f"the child exited ({process.returncode}): {process.stderr.read()}")
    return line.strip()


def _csv_file(path: Path, prefix: str, rows: int, start: int = 0) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["platform", "external_id", "received_at", "text", "author"])
    for n in range(start, start + rows):
        writer.writerow(
            [
                "facebook",
                f"{prefix}-{n}",
                f"2026-10-{1 + n % 28:02d} {8 + n % 9:02d}:{n % 60:02d}",
                f"Bonjour, quand ouvre le bureau régional numéro {n}?",
                f"Personne {n}",
            ]
        )
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _small_database(path: Path, comments: int = 3) -> None:
    db = open_db(path)
    db["users"].insert_all(
        [
            {"username": "agirard", "display_name": "A. Girard", "role": "moderator"},
            {"username": "kbenali", "display_name": "K. Benali", "role": "moderator"},
            {"username": "sfortin", "display_name": "S. Fortin", "role": "moderator"},
            {"username": "jcote", "display_name": "J. Côté", "role": "moderator"},
            {"username": "mlachance", "display_name": "M. Lachance", "role": "lead"},
        ]
    )
    db["comments"].insert_all(
        {"id": n, "platform": "facebook", "external_id": f"seed-{n}", "received_at": RECEIVED}
        for n in range(1, comments + 1)
    )
    db.close()


# --- an import killed halfway ---------------------------------------------------------


def test_an_import_killed_halfway_leaves_the_database_intact_and_none_of_its_rows(tmp_path):
    path = tmp_path / "vigie.db"
    _small_database(path)
    source = _csv_file(tmp_path / "big.csv", "killed", 4_000)

    child = _python(KILLED_IMPORTER, path, source, stdin=subprocess.PIPE)
    said = _read_line(child)
    assert said.startswith("halfway"), said
    _, done, total = said.split()
    assert 0 < int(done) < int(total)  # rows are written but not committed
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL
    for pipe in (child.stdin, child.stdout, child.stderr):
        pipe.close()

    db = open_db(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM comments").fetchone()[0] == 3
        leftover = "SELECT count(*) FROM comments WHERE external_id LIKE 'killed-%'"
        assert db.execute(leftover).fetchone()[0] == 0
        # The search index agrees with the table, and the file can be imported again, whole.
        assert db.execute("SELECT count(*) FROM comments_fts").fetchone()[0] == 3
        summary = import_file(db, source.read_bytes(), "big.csv")
        assert (summary.added, summary.already_present) == (4_000, 0)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()


# --- importers and moderators at once -----------------------------------------------


def test_importers_four_moderators_and_a_lead_at_once_lose_nothing_and_never_see_a_lock(
    tmp_path,
):
    path = tmp_path / "vigie.db"
    _small_database(path)
    # Two files that share 500 comments: together they hold 5,500 distinct ones.
    first = _csv_file(tmp_path / "first.csv", "batch", 3_000)
    second = _csv_file(tmp_path / "second.csv", "batch", 3_000, start=2_500)
    stop = tmp_path / "stop"

    actors = [
        _python(ACTOR, path, name, stop, comments)
        for name, comments in (
            ("agirard", "1,2,3"),
            ("kbenali", "3,2,1"),
            ("sfortin", "2,3,1"),
            ("jcote", "1,3,2"),
        )
    ]
    lead = _python(SETTINGS_WRITER, path, stop)
    try:
        for actor in actors:
            assert _read_line(actor) == "acting"
        assert _read_line(lead) == "saving"
        importers = [
            subprocess.Popen(
                [sys.executable, "-m", "lib", "import", str(file), "--db", str(path)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for file in (first, second)
        ]
        imported = [p.communicate(timeout=WAIT_SECONDS) for p in importers]
        stop.touch()
        finished = [a.communicate(timeout=WAIT_SECONDS) for a in actors]
        lead_out, lead_err = lead.communicate(timeout=WAIT_SECONDS)
    finally:
        for process in (*actors, lead):
            if process.poll() is None:
                process.kill()
    assert "locked" not in lead_err.lower(), lead_err
    assert lead.returncode == 0, lead_err
    saves = int(lead_out.split()[1])

    for process, (out, err) in zip(importers, imported, strict=True):
        assert "locked" not in err.lower(), err
        assert process.returncode == 0, err
        assert out.startswith("import: "), out
    added = [int(out.split()[1]) for out, _err in imported]
    assert sorted(added) == [500, 3_000] or sorted(added) == [2_500, 3_000]
    assert sum(added) == 5_500

    acts = 0
    for process, (out, err) in zip(actors, finished, strict=True):
        assert "locked" not in err.lower(), err
        assert process.returncode == 0, err
        words = out.split()
        assert words[0] == "done", out
        acts += int(words[1])

    db = open_db(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM comments").fetchone()[0] == 3 + 5_500
        assert db["actions"].count == acts
        # Every save of the lead is in the settings history: none was lost either.
        assert db["settings_history"].count == saves
        for comment_id in (1, 2, 3):
            versions = [
                row[0]
                for row in db.execute(
                    "SELECT version FROM actions WHERE comment_id = ? ORDER BY id", [comment_id]
                )
            ]
            # Every action made a new version of its comment: none overwrote another.
            assert versions == list(range(2, 2 + len(versions)))
            current = db.execute("SELECT version FROM comments WHERE id = ?", [comment_id])
            assert current.fetchone()[0] == 1 + len(versions)
    finally:
        db.close()


# --- hostile texts ----------------------------------------------------------------------

LONG = ("Texte très long sans fin, mot-clé ZETALONGUE. " * 2_200)[:100_000]
MARKUP = (
    "<script>window.pwned = 1</script> **gras** _italique_ # Titre\n"
    "[lien](javascript:alert(1)) <img src=x onerror=alert(2)> $x^2$ :red[rouge] "
    "<b>HTML</b> &amp; ZETABALISES"
)
BIDI = "مرحبا بكم \u200f\u202eZETAINVERSE\u202c\u200b\u200c\u200d\u2066עברית\u2069\ufeff fin"
HOSTILE = {"long": LONG, "markup": MARKUP, "bidi": BIDI}
SEARCH_WORDS = {"long": "ZETALONGUE", "markup": "ZETABALISES", "bidi": "ZETAINVERSE"}


def hostile_csv() -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["platform", "external_id", "received_at", "text", "author"])
    for name, text in HOSTILE.items():
        writer.writerow(["facebook", f"hostile-{name}", "2026-11-20 10:00", text, "Anonyme"])
    return buffer.getvalue().encode("utf-8")


@pytest.fixture
def hostile_db(demo_db_path):
    """The demo database with the three hostile comments imported; their ids by name."""
    db = open_db(demo_db_path)
    try:
        summary = import_file(db, hostile_csv(), "hostile.csv")
        assert summary.added == 3
        ids = {
            name: db.execute(
                "SELECT id FROM comments WHERE external_id = ?", [f"hostile-{name}"]
            ).fetchone()[0]
            for name in HOSTILE
        }
    finally:
        db.close()
    return demo_db_path, ids


def test_hostile_texts_are_stored_exactly_as_imported(hostile_db):
    path, ids = hostile_db
    db = open_db(path)
    try:
        for name, text in HOSTILE.items():
            stored = db.execute("SELECT text FROM comments WHERE id = ?", [ids[name]]).fetchone()
            assert stored[0] == text, name
    finally:
        db.close()


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_texts_are_shown_as_plain_text_in_the_queue(hostile_db, name):
    _path, ids = hostile_db
    at = open_app("pages/queue.py", "agirard", timeout=60)
    at.text_input(key="queue.f.search").set_value(SEARCH_WORDS[name]).run()
    assert not at.exception, [e.value for e in at.exception]
    # The detail panel writes the text with st.text: shown, never interpreted.
    shown = [element.value for element in at.text]
    assert HOSTILE[name] in shown
    for markdown in at.markdown:
        assert "<script>" not in markdown.value
        assert SEARCH_WORDS[name] not in markdown.value
    assert at.session_state["queue.current"] == ids[name]


@pytest.mark.parametrize("delimiter", [";", ","])
def test_hostile_texts_are_exported_intact_when_a_lead_unmasks(hostile_db, delimiter):
    path, ids = hostile_db
    db = open_db(path)
    try:
        data = export(
            db,
            "queue",
            now=pd.Timestamp("2026-11-20 15:00", tz="America/Toronto"),
            delimiter=delimiter,
            unmask=True,
            actor="mlachance",
        )
    finally:
        db.close()
    assert data.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(
        io.BytesIO(data),
        sep=delimiter,
        encoding="utf-8-sig",
        dtype=str,
        keep_default_na=False,
    )
    by_id = table.set_index(table["comment_id"].astype(int))["text"]
    for name, text in HOSTILE.items():
        assert by_id[ids[name]] == text, name


def test_hostile_texts_are_exported_intact_when_masked_too(hostile_db):
    path, ids = hostile_db
    db = open_db(path)
    try:
        data = export(db, "queue", now=pd.Timestamp("2026-11-20 15:00", tz="America/Toronto"))
    finally:
        db.close()
    table = pd.read_csv(
        io.BytesIO(data), sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False
    )
    by_id = table.set_index(table["comment_id"].astype(int))["text"]
    # No personal information in them: masking leaves every character as it was.
    for name, text in HOSTILE.items():
        assert by_id[ids[name]] == text, name
