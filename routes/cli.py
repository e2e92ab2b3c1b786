"""Command line: ``python -m routes decide|check|explain``.

Errors go to stderr as one clear message (no traceback) with exit code 2; ``check`` exits
with 1 when a catalogue has problems.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from routes.answers import AnswersError
from routes.catalogue import CATALOGUE_DIR, CatalogueError, load_catalogues
from routes.constants import DEFAULT_GEMEENTE
from routes.engine import decide
from routes.explain import FORMATS, explain
from routes.models import Catalogue

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A problem with the input of a command; printed without a traceback."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m routes",
        description="Relatieroute: routes kiezen, catalogi controleren en de regels uitleggen.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p_decide = sub.add_parser("decide", help="kies een route voor antwoorden (JSON)")
    p_decide.add_argument("--gemeente", default=DEFAULT_GEMEENTE,
                          help=f"id van de gemeente (standaard: {DEFAULT_GEMEENTE})")
    p_decide.add_argument("--answers", required=True,
                          help="JSON-bestand met antwoorden, of - voor standaardinvoer")
    p_decide.add_argument("--dir", type=Path, default=None, help="map met catalogi")

    p_check = sub.add_parser("check", help="controleer alle catalogi")
    p_check.add_argument("--dir", type=Path, default=None, help="map met catalogi")

    p_explain = sub.add_parser("explain", help="toon de pagina 'Zo kiest de assistent een route'")
    p_explain.add_argument("--gemeente", default=None, help="id van de gemeente (optioneel)")
    p_explain.add_argument("--format", choices=FORMATS, default="md", dest="fmt")
    p_explain.add_argument("--dir", type=Path, default=None, help="map met catalogi")
    return parser


def _catalogue(gemeente: str, directory: Path | None) -> Catalogue:
    catalogues = load_catalogues(directory)
    if gemeente not in catalogues:
        known = ", ".join(sorted(catalogues))
        raise UsageError(f"onbekende gemeente {gemeente!r}; bekende gemeenten: {known}")
    return catalogues[gemeente]


def _read_answers(source: str, stdin: TextIO) -> Any:
    try:
        text = stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"kan antwoorden niet lezen uit {source!r}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"antwoorden in {source!r} zijn geen UTF-8-tekst") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"geen geldige JSON in {source!r}: {exc.msg} (regel {exc.lineno}, kolom {exc.colno})"
        ) from None


def _decide(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    catalogue = _catalogue(args.gemeente, args.dir)
    answers = _read_answers(args.answers, stdin)
    if not isinstance(answers, dict):
        raise UsageError("de antwoorden moeten een JSON-object zijn, bijvoorbeeld "
                         '{"relationship_status": "together"}')
    decision = decide(answers, catalogue)
    json.dump(decision.to_dict(), out, ensure_ascii=False, indent=2, default=str)
    out.write("\n")
    return EXIT_OK


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        catalogues = load_catalogues(args.dir)
    except CatalogueError as exc:
        count = len(exc.problems)
        err.write(f"Fout: {count} {'probleem' if count == 1 else 'problemen'} in de catalogi:\n")
        for problem in exc.problems:
            err.write(f"  {problem}\n")
        return EXIT_PROBLEMS
    directory = args.dir or CATALOGUE_DIR
    names = ", ".join(sorted(catalogues))
    out.write(f"In orde: {len(catalogues)} catalogi in {directory}: {names}\n")
    return EXIT_OK


def _explain(args: argparse.Namespace, out: TextIO) -> int:
    catalogue = _catalogue(args.gemeente, args.dir) if args.gemeente else None
    out.write(explain(catalogue, args.fmt))
    return EXIT_OK


def main(
    argv: Sequence[str] | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run the command line; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    stdin = stdin or sys.stdin
    args = _parser().parse_args(argv)
    try:
        if args.command == "decide":
            return _decide(args, out, stdin)
        if args.command == "check":
            return _check(args, out, err)
        return _explain(args, out)
    except UsageError as exc:
        err.write(f"Fout: {exc}\n")
    except AnswersError as exc:
        lines = "".join(f"  {line}\n" for line in str(exc).splitlines())
        err.write("Fout in de antwoorden:\n" + lines)
    except CatalogueError as exc:
        err.write("Fout in de catalogi; de assistent start zo niet:\n"
                  + "".join(f"  {p}\n" for p in exc.problems))
    return EXIT_USAGE
