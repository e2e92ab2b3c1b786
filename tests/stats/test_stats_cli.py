"""``python -m stats`` as a subprocess, on SQLite and PostgreSQL."""

import csv
import io
import os
import re
import subprocess
import sys
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, text
from stats_support import ROOT

from stats.db import make_engine, transaction
from stats.models import conversations

TODAY = date.today()
SINCE = (TODAY - timedelta(days=400)).isoformat()
UNTIL = TODAY.isoformat()
PERCENT_OR_MEDIAN = {"Deel", "Deel van alle gesprekken", "Mediaan"}


def run(*args, data_dir, database_url=None):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["RELATIEROUTE_DATA_DIR"] = str(data_dir)
    if database_url:
        env["DATABASE_URL"] = database_url
    return subprocess.run(
        [sys.executable, "-m", "stats", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def count(url):
    engine = make_engine(url)
    try:
        with transaction(engine) as session:
            return session.execute(select(func.count()).select_from(conversations)).scalar_one()
    finally:
        engine.dispose()


@pytest.fixture
def sqlite_dir(tmp_path):
    return tmp_path / "data"


def test_upgrade_demo_data_stats_and_purge_on_sqlite(sqlite_dir):
    result = run("upgrade", data_dir=sqlite_dir)
    assert result.returncode == 0, result.stderr
    assert "versie 0002" in result.stdout and (sqlite_dir / "stats.db").exists()
    url = f"sqlite:///{sqlite_dir / 'stats.db'}"

    result = run("demo-data", "--conversations", "800", "--seed", "3", data_dir=sqlite_dir)
    assert result.returncode == 0, result.stderr
    assert "800 gesprekken" in result.stdout and count(url) == 800

    result = run("stats", "--gemeente", "zwolle", "--since", SINCE, "--until", UNTIL, data_dir=sqlite_dir)
    assert result.returncode == 0, result.stderr
    assert "Gemeente: Zwolle" in result.stdout
    for title in ("Kerncijfers", "Gesprekken en adviezen per week", "Welk advies kregen mensen?"):
        assert title in result.stdout
    assert not re.search(r"\s[0-4]\s*$", result.stdout, re.MULTILINE)  # never a bare 0-4

    result = run(
        "stats",
        "--gemeente",
        "zwolle",
        "--since",
        SINCE,
        "--until",
        UNTIL,
        "--channel",
        "intake",
        "--csv",
        data_dir=sqlite_dir,
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter=";"))
    assert rows[0] == ["onderdeel", "regel", "kolom", "waarde"]
    assert ["filter", "Kanaal", "", "Intake door wijkteam"] in rows
    counts = [row for row in rows[1:] if row[0] != "filter" and row[2] not in PERCENT_OR_MEDIAN]
    assert counts and all(row[3] not in {"0", "1", "2", "3", "4"} for row in counts)

    # Demo data covers the last year: a 6 month retention removes about half.
    result = run("purge", "--older-than-months", "6", data_dir=sqlite_dir)
    assert result.returncode == 0, result.stderr
    assert re.match(r"Verwijderd: [\d.]+ gesprekken van voor \d\d-\d\d-\d{4}\.", result.stdout)
    assert 200 < count(url) < 600


def test_demo_data_refuses_a_database_with_real_conversations(sqlite_dir):
    assert run("upgrade", data_dir=sqlite_dir).returncode == 0
    engine = make_engine(f"sqlite:///{sqlite_dir / 'stats.db'}")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO stats_conversation (key, started_at, last_activity_at, step, handoff) "
                "VALUES ('real-0000001', '2025-01-06 10:00:00', '2025-01-06 10:00:00', 0, 0)"
            )
        )
    engine.dispose()
    result = run("demo-data", "--conversations", "50", data_dir=sqlite_dir)
    assert result.returncode == 1 and "echte gesprekken" in result.stderr
    assert count(f"sqlite:///{sqlite_dir / 'stats.db'}") == 1


@pytest.mark.parametrize(
    "args",
    [
        ("stats", "--gemeente", "Zwolle!", "--since", SINCE, "--until", UNTIL),
        ("stats", "--gemeente", "zwolle", "--since", "31-01-2025", "--until", UNTIL),
        ("stats", "--gemeente", "zwolle", "--since", UNTIL, "--until", SINCE),
        ("purge", "--older-than-months", "0"),
        ("nonsense",),
    ],
)
def test_wrong_arguments_exit_with_2(sqlite_dir, args):
    result = run(*args, data_dir=sqlite_dir)
    assert result.returncode == 2, result.stdout + result.stderr


def test_a_database_that_is_down_exits_with_1(sqlite_dir):
    result = run("upgrade", data_dir=sqlite_dir, database_url="postgresql://postgres@127.0.0.1:1/nothing")
    assert result.returncode == 1 and "niet bereikbaar" in result.stderr


def test_the_same_commands_on_postgresql(pg_empty, sqlite_dir):
    url = str(pg_empty.url)
    assert run("upgrade", data_dir=sqlite_dir, database_url=url).returncode == 0
    result = run("demo-data", "--conversations", "500", data_dir=sqlite_dir, database_url=url)
    assert result.returncode == 0, result.stderr
    result = run(
        "stats",
        "--gemeente",
        "alle",
        "--since",
        SINCE,
        "--until",
        UNTIL,
        "--csv",
        data_dir=sqlite_dir,
        database_url=url,
    )
    assert result.returncode == 0, result.stderr
    assert ["Kerncijfers", "Gesprekken", "Aantal", "500"] in list(
        csv.reader(io.StringIO(result.stdout), delimiter=";")
    )
    assert not (sqlite_dir / "stats.db").exists()
