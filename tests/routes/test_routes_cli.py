"""The command line, run as a real subprocess: ``python -m routes ...``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SEPARATED = {"acute_danger": False, "violence": False, "children_unsafe": False,
             "relationship_status": "separated", "children_under_18": True,
             "agreements_possible": "no"}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "routes", *args],
        cwd=REPO,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def assert_clean_error(result: subprocess.CompletedProcess[str], code: int, *fragments: str):
    assert result.returncode == code, result
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr
    assert result.stdout == ""


def test_decide_from_a_file(tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(SEPARATED), encoding="utf-8")
    result = run("decide", "--gemeente", "zwolle", "--answers", str(answers))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"route", "intensity", "offer", "reasons", "safety_net", "unknown"} <= set(data)
    assert (data["route"], data["intensity"], data["rule"]) == ("rst", "zwaar", "R1")
    assert data["offer"]["id"] == "rst_zwolle"
    assert data["reasons"][0].startswith("Regel R1")
    assert "0800-2000" in data["safety_net"]


def test_decide_from_stdin_uses_the_default_gemeente():
    result = run("decide", "--answers", "-", stdin=json.dumps({"acute_danger": True}))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["gemeente"] == "voorbeeld"
    assert data["route"] == "veiligheid_acuut" and data["safety_net"] is None
    assert [c["phone"] for c in data["safety_contacts"]] == ["112", "0800-2000"]


def test_decide_prints_unicode_as_is():
    result = run("decide", "--gemeente", "eindhoven", "--answers", "-",
                 stdin=json.dumps({"relationship_score": 4}))
    assert result.returncode == 0
    assert "‘Houd me Vast’" in json.loads(result.stdout)["summary"]
    assert "‘Houd me Vast’" in result.stdout and "\\u" not in result.stdout


@pytest.mark.parametrize(
    ("args", "stdin", "fragments"),
    [
        (("decide", "--answers", "-"), "{niet json", ("geen geldige JSON", "regel 1")),
        (("decide", "--answers", "-"), "[1, 2]", ("JSON-object",)),
        (("decide", "--answers", "-"), '{"relationship_score": 11}',
         ("Fout in de antwoorden", "relationship_score", "buiten het bereik")),
        (("decide", "--answers", "-"), '{"mood": "good"}', ("mood: onbekend veld",)),
        (("decide", "--gemeente", "gouda", "--answers", "-"), "{}",
         ("onbekende gemeente 'gouda'", "eindhoven, voorbeeld, zwolle")),
        (("decide", "--answers", "/nergens/antwoorden.json"), None,
         ("kan antwoorden niet lezen",)),
        (("explain", "--gemeente", "gouda"), None, ("onbekende gemeente 'gouda'",)),
    ],
)
def test_bad_input_gives_a_clear_message_and_exit_2(args, stdin, fragments):
    assert_clean_error(run(*args, stdin=stdin), 2, *fragments)


def test_usage_errors_exit_2():
    result = run("decide")
    assert result.returncode == 2 and "--answers" in result.stderr
    assert "Traceback" not in result.stderr
    assert run().returncode == 2
    assert run("explain", "--format", "pdf").returncode == 2


def test_check_passes_for_the_shipped_catalogues():
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert "In orde: 3 catalogi" in result.stdout
    assert "eindhoven, voorbeeld, zwolle" in result.stdout


def test_check_reports_every_problem(tmp_path):
    good = yaml.safe_load((REPO / "routes/catalogues/voorbeeld.yml").read_text(encoding="utf-8"))
    (tmp_path / "voorbeeld.yml").write_text(yaml.safe_dump(good, allow_unicode=True),
                                            encoding="utf-8")
    bad = dict(good, id="kapot", kleur="rood")
    bad["wijkteam"] = {k: v for k, v in good["wijkteam"].items() if k != "phone"}
    (tmp_path / "kapot.yml").write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    result = run("check", "--dir", str(tmp_path))
    assert_clean_error(result, 1, "2 problemen",
                       "kapot.yml: wijkteam.phone: ontbreekt",
                       "kapot.yml: kleur: onbekend veld")


def test_decide_refuses_to_run_with_a_broken_catalogue(tmp_path):
    (tmp_path / "voorbeeld.yml").write_text("id: voorbeeld\nname: x\n", encoding="utf-8")
    result = run("decide", "--dir", str(tmp_path), "--answers", "-", stdin="{}")
    assert_clean_error(result, 2, "de assistent start zo niet", "general_contact: ontbreekt")


def test_check_on_a_missing_directory(tmp_path):
    assert_clean_error(run("check", "--dir", str(tmp_path / "nergens")), 1, "bestaat niet")


def test_explain_markdown_and_html():
    md = run("explain")
    assert md.returncode == 0
    assert md.stdout.startswith("# Zo kiest de assistent een route\n")
    html = run("explain", "--gemeente", "zwolle", "--format", "html")
    assert html.returncode == 0
    assert html.stdout.startswith("<!DOCTYPE html>")
    assert "Relatie- en Scheidingsteam Zwolle" in html.stdout
