"""`@frozen`: a frozen dataclass, as `@dataclass(frozen=True)` makes it, for a fraction of the cost.

The standard decorator writes each method it adds as source text and compiles it; for a frozen
class with equality that is six compilations, about 0.8 ms a class on the developers' machine,
and the 55 classes a check imports cost a quarter of its time before it reads a file. Here the
decorator compiles `__init__` only (which runs for every record made); `__eq__`, `__hash__` and
`__repr__` are shared functions that read the fields' names, and so are `__setattr__` and
`__delattr__` where the running Python lets us hand them to dataclasses (3.10 to 3.12; 3.13
compiles a class's methods at once, and only those two are then its own). What a class holds,
how it hashes, prints and refuses assignment is what `@dataclass(frozen=True)` gives; equality
compares the fields as one tuple, as dataclasses did up to 3.12 (3.13 compares them one by one,
which tells a NaN field from itself). The `__init__` stores each argument straight into the
record's `__dict__`, four times faster than the standard one's `object.__setattr__` per field,
unless the class needs the standard one (slots, `__post_init__`, `InitVar`, a field left out of
`__init__`, an `__init__` of its own).
"""

from __future__ import annotations

import dataclasses
import inspect
import operator
import reprlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_: object) -> Callable[[Any], Any]:
        return lambda decorator: decorator


T = TypeVar("T")

_HOOK = "_frozen_get_del_attr"
_SHARE_GUARDS = (
    sys.version_info < (3, 13)
    and list(inspect.signature(getattr(dataclasses, _HOOK)).parameters) == ["cls", "fields", "globals"]
    if hasattr(dataclasses, _HOOK)
    else False
)


@overload
def frozen(cls: type[T], /) -> type[T]: ...
@overload
def frozen(*, kw_only: bool = False) -> Callable[[type[T]], type[T]]: ...
@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def frozen(cls: type[T] | None = None, /, *, kw_only: bool = False) -> Any:
    """Make `cls` a frozen dataclass (`kw_only` as for `dataclass`)."""

    def make(cls: type[T]) -> type[T]:
        own = dict(cls.__dict__)
        # Our own `__init__` stores into `__dict__`, four times faster than the standard one's
        # `object.__setattr__` per field; where the class needs more (slots, `__post_init__`,
        # fields left out of `__init__`, an `__init__` of its own), dataclasses writes it.
        ours = _plain_storage(cls, own)
        if _SHARE_GUARDS:
            standard = getattr(dataclasses, _HOOK)
            setattr(dataclasses, _HOOK, _guards)
            try:
                made = dataclasses.dataclass(
                    cls, init=not ours, frozen=True, eq=False, repr=False, kw_only=kw_only
                )
            finally:
                setattr(dataclasses, _HOOK, standard)
        else:
            made = dataclasses.dataclass(
                cls, init=not ours, frozen=True, eq=False, repr=False, kw_only=kw_only
            )
        fields = dataclasses.fields(made)  # type: ignore[arg-type]
        if ours:
            made.__init__ = _storing_init(made, fields)  # type: ignore[method-assign]
            made._frozen_stores = True  # type: ignore[attr-defined]  # `changed` may copy its __dict__
        if "__eq__" not in own:
            made.__eq__ = _eq(_values(tuple(f.name for f in fields if f.compare)))  # type: ignore[method-assign,assignment]
        # As dataclasses: an `__eq__` of the class's own leaves `__hash__` None, which is no choice.
        if "__hash__" not in own or (own["__hash__"] is None and "__eq__" in own):
            hashed = tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))
            made.__hash__ = _hash(_values(hashed))  # type: ignore[method-assign,assignment]
        if "__repr__" not in own:
            made.__repr__ = _repr(tuple(f.name for f in fields if f.repr))  # type: ignore[method-assign]
        return made

    return make if cls is None else make(cls)


def _plain_storage(cls: type, own: dict[str, Any]) -> bool:
    """Whether `cls`'s `__init__` needs only to store its arguments (see `_storing_init`)."""
    if "__slots__" in own or "__init__" in own or hasattr(cls, "__post_init__"):
        return False
    for klass in cls.__mro__:
        for name, hint in vars(klass).get("__annotations__", {}).items():
            if "InitVar" in str(hint):
                return False  # an argument that is no field
            declared = vars(klass).get(name)
            if isinstance(declared, dataclasses.Field) and not declared.init:
                return False  # a field that is no argument
    return True


class _Factory:
    def __repr__(self) -> str:
        return "<factory>"  # as dataclasses shows it in a signature


_FACTORY = _Factory()
"""The default of an argument whose field has a `default_factory` (as dataclasses does it)."""


def _storing_init(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    """An `__init__` with dataclasses' signature that stores each argument in `self.__dict__`."""
    names = {field.name for field in fields}
    if "self" in names or any(name.startswith("_frozen_") for name in names):
        raise TypeError(f"{cls.__qualname__}: a field's name clashes with @frozen's own")
    context: dict[str, Any] = {"_frozen_factory": _FACTORY}
    positional: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    for field in fields:
        name = field.name
        if field.default_factory is not dataclasses.MISSING:
            context[f"_frozen_make_{name}"] = field.default_factory
            parameter = f"{name}=_frozen_factory"
            body.append(
                f"  _frozen_d[{name!r}] = _frozen_make_{name}() if {name} is _frozen_factory else {name}"
            )
        else:
            if field.default is not dataclasses.MISSING:
                context[f"_frozen_default_{name}"] = field.default
                parameter = f"{name}=_frozen_default_{name}"
            else:
                parameter = name
            body.append(f"  _frozen_d[{name!r}] = {name}")
        (keyword if field.kw_only else positional).append(parameter)
    parameters = ", ".join(["self", *positional, *(["*", *keyword] if keyword else [])])
    source = f"def __init__({parameters}):\n  _frozen_d = self.__dict__\n" + "\n".join(body or ["  pass"])
    exec(source, context)  # our own text, made of the fields' names
    init: Callable[..., None] = context["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {**{field.name: field.type for field in fields}, "return": None}
    return init


def _values(names: tuple[str, ...]) -> Callable[[object], tuple[Any, ...]]:
    """A function from a record to the tuple of its `names`' values."""
    if len(names) > 1:
        return operator.attrgetter(*names)
    if names:
        (name,) = names
        return lambda record: (getattr(record, name),)
    return lambda record: ()


def _eq(values: Callable[[object], tuple[Any, ...]]) -> Callable[[object, object], object]:
    def __eq__(self: object, other: object) -> object:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _hash(values: Callable[[object], tuple[Any, ...]]) -> Callable[[object], int]:
    def __hash__(self: object) -> int:
        return hash(values(self))

    return __hash__


def _repr(names: tuple[str, ...]) -> Callable[[object], str]:
    @reprlib.recursive_repr()  # a record inside itself shows as `...`, as dataclasses do
    def __repr__(self: object) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _guards(cls: type, fields: list[dataclasses.Field[Any]], globals: object) -> tuple[Any, Any]:
    """The `__setattr__` and `__delattr__` of a frozen class, as dataclasses would write them."""
    names = frozenset(field.name for field in fields)

    def __setattr__(self: object, name: str, value: object) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)  # type: ignore[arg-type]

    def __delattr__(self: object, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)  # type: ignore[arg-type]

    return __setattr__, __delattr__


def changed(record: T, **fields: Any) -> T:
    """`dataclasses.replace(record, **fields)`, at a seventh of its cost where the record's
    `__init__` only stores its fields (ours, see `_storing_init`): the other fields are copied as
    they are. A batch makes several a file. Any other record goes through `replace`.
    """
    if not getattr(record.__class__, "_frozen_stores", False):
        return dataclasses.replace(record, **fields)  # type: ignore[type-var]
    copied = object.__new__(record.__class__)
    values = copied.__dict__
    values.update(record.__dict__)
    values.update(fields)
    return copied
