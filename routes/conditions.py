"""Small condition objects the rule table is built from.

Every condition answers three questions about a set of answers:

* :meth:`Condition.evaluate` — does it hold? ``True``, ``False`` or ``None``;
* :meth:`Condition.fields` — which answer fields does it look at;
* :meth:`Condition.describe` — what does it mean, in plain Dutch (for the public page).

**How unknown answers count (three-valued logic).** An answer can be missing in two ways:

* the key is *absent*: the question has not been asked yet. Then an atom is ``None``
  ("undetermined"), and :class:`All` / :class:`Any` combine with Kleene logic (``False`` wins
  in ``All``, ``True`` wins in ``Any``, otherwise ``None``). The question planner uses this to
  see which questions can still change the outcome.
* the value is ``None``: the resident answered "weet ik niet". Then an atom is ``False``: an
  unknown answer never makes a rule fire, the engine falls through to the next rule (spec
  section 6, "Unknown answers never block an outcome"). The one exception is :class:`NotEq`,
  which is ``True`` for ``None``: "we don't know that the partner says no" must not block the
  group programme.

:func:`routes.engine.decide` fills every absent key with ``None`` first, so for the engine a
condition is always ``True`` or ``False``.
"""

from __future__ import annotations

import typing
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping

from routes import texts
from routes.constants import BOOL_FIELDS, CHOICE_VALUES, FIELDS, INT_RANGES, LIST_VALUES

Answers = Mapping[str, typing.Any]


def unique_fields(fields: Iterable[str]) -> tuple[str, ...]:
    """Fields without duplicates, in the order of :data:`routes.constants.FIELDS`."""
    seen = set(fields)
    return tuple(f for f in FIELDS if f in seen)


class Condition(ABC):
    """Base class of all conditions."""

    @abstractmethod
    def evaluate(self, answers: Answers) -> bool | None:
        """``True``/``False``, or ``None`` when it depends on a field that is absent."""

    @abstractmethod
    def fields(self) -> tuple[str, ...]:
        """All answer fields this condition looks at."""

    @abstractmethod
    def describe(self) -> str:
        """The condition in plain Dutch, lower case, no full stop."""

    @abstractmethod
    def open_fields(self, answers: Answers) -> tuple[str, ...]:
        """Absent fields that keep this condition undetermined (empty when determined)."""

    @abstractmethod
    def deciding(self, answers: Answers) -> tuple[str, ...]:
        """Fields whose answers made the (determined) outcome; empty when undetermined."""


class Atom(Condition):
    """A test of one answer field."""

    #: result for an answer that is ``None`` ("weet ik niet")
    on_unknown: bool = False

    def __init__(self, field: str):
        if field not in FIELDS:
            raise ValueError(f"unknown answer field {field!r}")
        self.field = field

    @abstractmethod
    def test(self, value: typing.Any) -> bool:
        """The test for a known (non-None) value."""

    def evaluate(self, answers: Answers) -> bool | None:
        if self.field not in answers:
            return None
        value = answers[self.field]
        return self.on_unknown if value is None else self.test(value)

    def fields(self) -> tuple[str, ...]:
        return (self.field,)

    def open_fields(self, answers: Answers) -> tuple[str, ...]:
        return () if self.field in answers else (self.field,)

    def deciding(self, answers: Answers) -> tuple[str, ...]:
        return (self.field,) if self.field in answers else ()

    def __repr__(self) -> str:
        args = ", ".join(repr(a) for a in self._args())
        return f"{type(self).__name__}({args})"

    def _args(self) -> tuple[typing.Any, ...]:
        return (self.field,)


def _check_values(field: str, values: Iterable[str], vocab: dict[str, tuple[str, ...]]) -> None:
    if field not in vocab:
        raise ValueError(f"{field!r} is not a field with fixed values")
    for value in values:
        if value not in vocab[field]:
            raise ValueError(f"{value!r} is not a value of {field!r}")


class Is(Atom):
    """The answer is one of ``values``: ``Is("relationship_status", "separating", "separated")``."""

    def __init__(self, field: str, *values: str):
        super().__init__(field)
        if not values:
            raise ValueError("Is() needs at least one value")
        _check_values(field, values, CHOICE_VALUES)
        self.values = values

    def test(self, value: typing.Any) -> bool:
        return value in self.values

    def describe(self) -> str:
        return texts.join_or([texts.IS_PHRASES[self.field][v] for v in self.values])

    def _args(self) -> tuple[typing.Any, ...]:
        return (self.field, *self.values)


class NotEq(Atom):
    """The answer is not ``value``. "Weet ik niet" counts as *not* ``value`` (does not block)."""

    on_unknown = True

    def __init__(self, field: str, value: str):
        super().__init__(field)
        _check_values(field, (value,), CHOICE_VALUES)
        self.value = value

    def test(self, value: typing.Any) -> bool:
        return value != self.value

    def describe(self) -> str:
        phrase = texts.NOT_PHRASES.get((self.field, self.value))
        if phrase is None:
            return f"niet: {texts.IS_PHRASES[self.field][self.value]}"
        return phrase

    def _args(self) -> tuple[typing.Any, ...]:
        return (self.field, self.value)


class IsTrue(Atom):
    """A yes/no answer is yes: ``IsTrue("children_under_18")``."""

    def __init__(self, field: str):
        super().__init__(field)
        if field not in BOOL_FIELDS:
            raise ValueError(f"{field!r} is not a yes/no field")

    def test(self, value: typing.Any) -> bool:
        return value is True

    def describe(self) -> str:
        return texts.TRUE_PHRASES[self.field]


class _Number(Atom):
    low: int | None = None
    high: int | None = None

    def __init__(self, field: str):
        super().__init__(field)
        if field not in INT_RANGES:
            raise ValueError(f"{field!r} is not a number field")

    def test(self, value: typing.Any) -> bool:
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)

    def describe(self) -> str:
        return texts.number_phrase(self.field, self.low, self.high)


class AtMost(_Number):
    """A number answer is at most ``n``: ``AtMost("relationship_score", 5)``."""

    def __init__(self, field: str, n: int):
        super().__init__(field)
        self.high = n

    def _args(self) -> tuple[typing.Any, ...]:
        return (self.field, self.high)


class AtLeast(_Number):
    """A number answer is at least ``n``."""

    def __init__(self, field: str, n: int):
        super().__init__(field)
        self.low = n

    def _args(self) -> tuple[typing.Any, ...]:
        return (self.field, self.low)


class Between(_Number):
    """A number answer is between ``low`` and ``high``, both included."""

    def __init__(self, field: str, low: int, high: int):
        super().__init__(field)
        if low > high:
            raise ValueError("Between(): low must not be above high")
        self.low, self.high = low, high

    def _args(self) -> tuple[typing.Any, ...]:
        return (self.field, self.low, self.high)


class CountAtLeast(Atom):
    """A list answer has at least ``n`` items: ``CountAtLeast("other_problems", 2)``."""

    def __init__(self, field: str, n: int):
        super().__init__(field)
        if field not in LIST_VALUES:
            raise ValueError(f"{field!r} is not a list field")
        self.n = n

    def test(self, value: typing.Any) -> bool:
        return len(value) >= self.n

    def describe(self) -> str:
        return texts.count_phrase(self.field, self.n)

    def _args(self) -> tuple[typing.Any, ...]:
        return (self.field, self.n)


class HasAny(Atom):
    """A list answer contains at least one of ``values``."""

    def __init__(self, field: str, *values: str):
        super().__init__(field)
        if not values:
            raise ValueError("HasAny() needs at least one value")
        _check_values(field, values, LIST_VALUES)
        self.values = values

    def test(self, value: typing.Any) -> bool:
        return any(v in value for v in self.values)

    def describe(self) -> str:
        return texts.has_any_phrase(self.field, self.values)

    def _args(self) -> tuple[typing.Any, ...]:
        return (self.field, *self.values)


class Always(Condition):
    """Holds for every set of answers (the last rule: "everything else")."""

    def evaluate(self, answers: Answers) -> bool | None:
        return True

    def fields(self) -> tuple[str, ...]:
        return ()

    def describe(self) -> str:
        return "in alle andere gevallen"

    def open_fields(self, answers: Answers) -> tuple[str, ...]:
        return ()

    def deciding(self, answers: Answers) -> tuple[str, ...]:
        return ()

    def __repr__(self) -> str:
        return "Always()"


class _Group(Condition):
    #: Dutch lead for the public page ("als al deze dingen kloppen")
    lead: str
    joiner: str

    def __init__(self, *parts: Condition):
        if len(parts) < 2:
            raise ValueError(f"{type(self).__name__}() needs at least two conditions")
        self.parts = parts

    def fields(self) -> tuple[str, ...]:
        return unique_fields(f for part in self.parts for f in part.fields())

    def describe(self) -> str:
        pieces = [
            f"({part.describe()})" if isinstance(part, _Group) else part.describe()
            for part in self.parts
        ]
        return texts.join_and(pieces) if self.joiner == "en" else texts.join_or(pieces)

    def open_fields(self, answers: Answers) -> tuple[str, ...]:
        if self.evaluate(answers) is not None:
            return ()
        return unique_fields(f for part in self.parts for f in part.open_fields(answers))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(repr(p) for p in self.parts)})"


class All(_Group):
    """All parts hold (Kleene "and")."""

    lead = "als al deze dingen kloppen"
    joiner = "en"

    def evaluate(self, answers: Answers) -> bool | None:
        results = [part.evaluate(answers) for part in self.parts]
        if False in results:
            return False
        return None if None in results else True

    def deciding(self, answers: Answers) -> tuple[str, ...]:
        result = self.evaluate(answers)
        if result is None:
            return ()
        # True: every part counted. False: the parts that failed are the reason.
        parts = [p for p in self.parts if result or p.evaluate(answers) is False]
        return unique_fields(f for part in parts for f in part.deciding(answers))


class Any(_Group):
    """At least one part holds (Kleene "or")."""

    lead = "als minstens één van deze dingen klopt"
    joiner = "of"

    def evaluate(self, answers: Answers) -> bool | None:
        results = [part.evaluate(answers) for part in self.parts]
        if True in results:
            return True
        return None if None in results else False

    def deciding(self, answers: Answers) -> tuple[str, ...]:
        result = self.evaluate(answers)
        if result is None:
            return ()
        # True: the parts that held are the reason. False: every part counted.
        parts = [p for p in self.parts if not result or p.evaluate(answers) is True]
        return unique_fields(f for part in parts for f in part.deciding(answers))
