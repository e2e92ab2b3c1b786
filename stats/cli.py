"""Command line: ``python -m stats upgrade | stats | purge | demo-data``.

The database is ``$DATABASE_URL`` or the SQLite file in ``$RELATIEROUTE_DATA_DIR`` (default
``var/``). Exit status: 0 done, 1 database problem or refused, 2 wrong arguments.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from datetime import date

from sqlalchemy.exc import SQLAlchemyError

from stats import config, db, demo, rollup
from stats.disclosure import shown
from stats.fields import Channel, now_local_hour, valid_gemeente
from stats.queries import Filters
from stats.report import make_report
from stats.store import add_months, purge

ALL = "alle"


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("gebruik de vorm JJJJ-MM-DD, bijvoorbeeld 2025-01-31") from None


def _gemeente(text: str) -> str | None:
    if text == ALL:
        return None
    if not valid_gemeente(text):
        raise argparse.ArgumentTypeError("gebruik de code van de gemeente, bijvoorbeeld zwolle")
    return text


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError("geef een heel getal van 1 of meer")
    return value


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="python -m stats", description="Anonieme routestatistiek van Relatieroute."
    )
    commands = main.add_subparsers(dest="command", required=True)
    commands.add_parser("upgrade", help="maak of werk de database bij (migraties)")

    show = commands.add_parser("stats", help="toon de cijfers als tabel of CSV")
    show.add_argument("--gemeente", type=_gemeente, required=True, help=f"code van de gemeente, of '{ALL}'")
    show.add_argument("--since", type=_date, required=True, help="eerste dag (JJJJ-MM-DD)")
    show.add_argument("--until", type=_date, required=True, help="laatste dag, telt mee (JJJJ-MM-DD)")
    show.add_argument("--channel", choices=[ch.value for ch in Channel])
    show.add_argument("--csv", action="store_true", help="CSV in plaats van een tabel")

    clean = commands.add_parser("purge", help="verwijder oude gesprekken (bewaartermijn)")
    clean.add_argument(
        "--older-than-months",
        type=_positive,
        default=config.DEFAULT_RETENTION_MONTHS,
        help=f"bewaartermijn in maanden (standaard {config.DEFAULT_RETENTION_MONTHS})",
    )

    fill = commands.add_parser("demo-data", help="vul de database met een jaar voorbeeldgesprekken")
    fill.add_argument("--conversations", type=_positive, default=demo.DEFAULT_CONVERSATIONS)
    fill.add_argument("--seed", type=int, default=demo.DEFAULT_SEED)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = parser().parse_args(argv)
    if args.command == "stats" and args.until < args.since:
        print("De einddatum (--until) ligt voor de begindatum (--since).", file=sys.stderr)
        return 2
    engine = db.make_engine()
    try:
        db.upgrade(engine)
        return _run(args, engine)
    except (SQLAlchemyError, OSError) as exc:
        print(f"De database is niet bereikbaar of gaf een fout ({type(exc).__name__}).", file=sys.stderr)
        return 1
    finally:
        engine.dispose()


def _run(args: argparse.Namespace, engine) -> int:
    now = now_local_hour()
    if args.command == "upgrade":
        print(f"De database is bijgewerkt (versie {db.current_revision(engine)}).")
        days = rollup.refresh(engine, add_months(now.date(), -12), now.date(), now)
        print(f"Dagtotalen bijgewerkt: {days} dagen.")
    elif args.command == "stats":
        filters = Filters(args.since, args.until, args.gemeente, args.channel)
        report = make_report(engine, filters)
        sys.stdout.write(report.to_csv() if args.csv else report.to_text())
    elif args.command == "purge":
        today = now.date()
        with db.transaction(engine, write=True) as session:
            deleted = purge(session, args.older_than_months, today)
        cutoff = add_months(today, -args.older_than_months)
        print(f"Verwijderd: {shown(deleted).text} gesprekken van voor {cutoff:%d-%m-%Y}.")
    elif args.command == "demo-data":
        rows = demo.generate(args.conversations, args.seed, now.date())
        try:
            loaded = demo.load(engine, rows)
        except RuntimeError:
            print(
                "In deze database staan echte gesprekken. Voorbeeldgegevens zijn niet toegevoegd.",
                file=sys.stderr,
            )
            return 1
        rollup.refresh(engine, add_months(now.date(), -12), now.date(), now)
        print(f"Voorbeeldgegevens geladen: {shown(loaded).text} gesprekken (tot {now:%d-%m-%Y}).")
    return 0
