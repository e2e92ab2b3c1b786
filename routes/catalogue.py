"""Loading and checking the gemeente catalogue files (``routes/catalogues/<gemeente>.yml``).

A broken catalogue is refused as a whole, with one line per problem naming the file, the
field path and what is wrong: the assistant must not start with data that could misroute
people.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic.error_wrappers import ErrorWrapper

from routes.models import Catalogue, ReferenceProblems, render_path

CATALOGUE_DIR = Path(__file__).resolve().parent / "catalogues"
SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one catalogue file."""

    file: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path}: {self.message}"


class CatalogueError(Exception):
    """One or more catalogue files are wrong; ``str()`` gives one line per problem."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class _UniqueKeyLoader(yaml.SafeLoader):
    """Safe loader that refuses a key written twice (plain PyYAML keeps the last one)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"sleutel {key!r} staat twee keer in hetzelfde blok",
                    key_node.start_mark,
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


# pydantic v1 error types -> Dutch, for the functional admin.
_TYPE_MESSAGES = {
    "value_error.missing": "ontbreekt (dit veld is verplicht)",
    "value_error.extra": "onbekend veld (tikfout? dit veld bestaat niet)",
    "type_error.str": "moet tekst zijn",
    "type_error.bool": "moet true of false zijn",
    "value_error.strictbool": "moet true of false zijn",
    "type_error.list": "moet een lijst zijn",
    "type_error.tuple": "moet een lijst zijn",
    "type_error.dict": "moet een blok met velden zijn",
    "value_error.date": "geen geldige datum (schrijf JJJJ-MM-DD)",
    "type_error.date": "geen geldige datum (schrijf JJJJ-MM-DD)",
}


def _lookup(data: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _message(error: dict[str, Any], data: Any) -> str:
    kind = error["type"]
    loc = tuple(error["loc"])
    if kind == "value_error.const":
        permitted = ", ".join(repr(p) for p in error.get("ctx", {}).get("permitted", ()))
        given = error.get("ctx", {}).get("given")
        return f"onbekende waarde {given!r}; kies uit {permitted}"
    message = _TYPE_MESSAGES.get(kind, error["msg"])
    if kind.startswith("type_error") or kind == "value_error.strictbool":
        value = _lookup(data, loc)
        if value is not None and not isinstance(value, (dict, list)):
            message += f", niet {value!r}"
            if kind == "type_error.str" and isinstance(value, (int, float)):
                message += " (zet er aanhalingstekens omheen)"
    return message


def _raw_errors(errors: Iterable[Any], prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, Any]]:
    """Flatten pydantic's nested error wrappers into ``(loc, exception)``."""
    for item in errors:
        if isinstance(item, ErrorWrapper):
            yield (*prefix, *item.loc_tuple()), item.exc
        else:
            yield from _raw_errors(item, prefix)


def _problems(file: str, exc: ValidationError, data: Any) -> list[Problem]:
    problems: list[Problem] = []
    custom = [
        error for _, error in _raw_errors(exc.raw_errors) if isinstance(error, ReferenceProblems)
    ]
    for ref in custom:
        problems.extend(Problem(file, render_path(loc), msg) for loc, msg in ref.problems)
    for error in exc.errors():
        if error["type"] == "value_error.referenceproblems":
            continue  # already reported one by one above
        problems.append(Problem(file, render_path(tuple(error["loc"])), _message(error, data)))
    return problems


def parse_catalogue(data: Any, file: str = "<catalogus>") -> Catalogue:
    """Validate already-loaded data; raise :class:`CatalogueError` naming ``file``."""
    if not isinstance(data, dict):
        raise CatalogueError(
            [Problem(file, "(hele bestand)", "moet een blok met velden zijn (id, name, ...)")]
        )
    try:
        return Catalogue.parse_obj(data)
    except ValidationError as exc:
        raise CatalogueError(_problems(file, exc, data)) from None


def load_catalogue(path: str | Path) -> Catalogue:
    """Load and check one catalogue file.

    Raises:
        CatalogueError: for an unreadable file, bad YAML or any schema problem.
    """
    path = Path(path)
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError([Problem(file, "(hele bestand)", f"niet te lezen: {exc}")]) from None
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"regel {mark.line + 1}" if mark is not None else "(hele bestand)"
        what = getattr(exc, "problem", None) or str(exc)
        raise CatalogueError([Problem(file, where, f"geen geldige YAML: {what}")]) from None
    catalogue = parse_catalogue(data, file)
    if catalogue.id != path.stem:
        raise CatalogueError(
            [Problem(file, "id", f"id {catalogue.id!r} hoort bij bestandsnaam {catalogue.id}.yml")]
        )
    return catalogue


def catalogue_files(directory: str | Path | None = None) -> list[Path]:
    directory = Path(directory) if directory is not None else CATALOGUE_DIR
    return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix in SUFFIXES)


def load_catalogues(directory: str | Path | None = None) -> dict[str, Catalogue]:
    """Load every catalogue in ``directory`` (default: ``routes/catalogues``).

    All problems of all files are collected and raised as one :class:`CatalogueError`.
    """
    directory = Path(directory) if directory is not None else CATALOGUE_DIR
    if not directory.is_dir():
        raise CatalogueError([Problem(str(directory), "(map)", "deze map bestaat niet")])
    files = catalogue_files(directory)
    if not files:
        raise CatalogueError(
            [Problem(str(directory), "(map)", "geen catalogusbestanden (*.yml) gevonden")]
        )
    catalogues: dict[str, Catalogue] = {}
    problems: list[Problem] = []
    for path in files:
        try:
            catalogue = load_catalogue(path)
        except CatalogueError as exc:
            problems.extend(exc.problems)
            continue
        if catalogue.id in catalogues:
            problems.append(Problem(str(path), "id", f"dubbele gemeente-id {catalogue.id!r}"))
            continue
        catalogues[catalogue.id] = catalogue
    if problems:
        raise CatalogueError(problems)
    return catalogues
