"""Several processes acting on the same comments at once: nothing lost, every conflict told."""

import multiprocessing
import random
import sys
import traceback
import types

from lib.db import open_db
from lib.moderation import StaleVersion, act

WORKERS = 4
COMMENTS = (1, 2, 3)
ACTS_PER_WORKER = 40
RACE_ROUNDS = 10
RECEIVED = "2026-03-02 14:00:00"


def make_database(path):
    db = open_db(path)
    db["users"].insert_all(
        {"username": f"mod{n}", "display_name": f"Mod {n}", "role": "moderator"}
        for n in range(WORKERS)
    )
    db["comments"].insert_all(
        {"id": id, "platform": "facebook", "external_id": f"ext-{id}", "received_at": RECEIVED}
        for id in COMMENTS
    )
    db.close()


def current_version(db, comment_id):
    return db.execute("select version from comments where id = ?", [comment_id]).fetchone()[0]


def race(path, worker, barrier, results):
    """Every worker reads the same version, waits for the others, then acts on it."""
    db = open_db(path)
    try:
        for round in range(RACE_ROUNDS):
            comment_id = COMMENTS[round % len(COMMENTS)]
            version = current_version(db, comment_id)
            barrier.wait()
            try:
                act(db, comment_id, "note", f"mod{worker}", version, note=f"round {round}")
                results.put(("done", round))
            except StaleVersion:
                results.put(("stale", round))
            except Exception:
                results.put(("error", traceback.format_exc()))
            barrier.wait()  # everyone has acted before the next round's read
    finally:
        db.close()
        results.put(("end", worker))


def keep_trying(path, worker, results):
    """Read the version, act, and on a conflict read again: every act gets through."""
    db = open_db(path)
    rng = random.Random(worker)
    try:
        for n in range(ACTS_PER_WORKER):
            comment_id = rng.choice(COMMENTS)
            while True:
                version = current_version(db, comment_id)
                try:
                    if n % 2:
                        act(db, comment_id, "note", f"mod{worker}", version, note=f"{worker}-{n}")
                    else:
                        act(db, comment_id, "assign", f"mod{worker}", version)
                except StaleVersion:
                    results.put(("stale", worker))
                    continue
                except Exception:
                    results.put(("error", traceback.format_exc()))
                    return
                results.put(("done", worker))
                break
    finally:
        db.close()
        results.put(("end", worker))


def run(target, *args):
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    extra = (context.Barrier(WORKERS),) if target is race else ()
    processes = [
        context.Process(target=target, args=(*args, worker, *extra, results))
        for worker in range(WORKERS)
    ]
    # A spawned child re-runs the parent's __main__ file; after an AppTest in the
    # same pytest run that file is app.py. Start the children from a bare __main__.
    saved_main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        for process in processes:
            process.start()
    finally:
        sys.modules["__main__"] = saved_main
    # Drain before joining: a child cannot exit while its queued results are unread.
    outcomes, ended = [], 0
    while ended < WORKERS:
        outcome = results.get(timeout=120)
        if outcome[0] == "end":
            ended += 1
        else:
            outcomes.append(outcome)
    for process in processes:
        process.join(timeout=30)
    assert [process.exitcode for process in processes] == [0] * WORKERS
    return outcomes


def assert_history_is_whole(path, acts):
    db = open_db(path)
    try:
        assert db["actions"].count == acts
        for comment_id in COMMENTS:
            versions = [
                row[0]
                for row in db.execute(
                    "select version from actions where comment_id = ? order by id", [comment_id]
                )
            ]
            assert versions == list(range(2, 2 + len(versions)))
            assert current_version(db, comment_id) == 1 + len(versions)
    finally:
        db.close()


def test_of_four_processes_acting_on_the_same_version_one_wins_and_three_are_told(tmp_path):
    path = tmp_path / "vigie.db"
    make_database(path)
    outcomes = run(race, path)
    assert [o for o in outcomes if o[0] == "error"] == []
    for round in range(RACE_ROUNDS):
        kinds = sorted(kind for kind, r in outcomes if r == round)
        assert kinds == ["done"] + ["stale"] * (WORKERS - 1)
    assert_history_is_whole(path, RACE_ROUNDS)


def test_four_processes_retrying_on_conflicts_lose_no_action(tmp_path):
    path = tmp_path / "vigie.db"
    make_database(path)
    outcomes = run(keep_trying, path)
    errors = [detail for kind, detail in outcomes if kind == "error"]
    assert errors == []  # in particular never "database is locked"
    done = sum(1 for kind, _ in outcomes if kind == "done")
    assert done == WORKERS * ACTS_PER_WORKER
    assert_history_is_whole(path, done)
