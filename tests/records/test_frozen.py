"""`@frozen` makes the class `@dataclass(frozen=True)` makes: same fields, equality, hash, repr, refusals."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from lipcheck.frozen import changed, frozen


@frozen
class Point:
    x: int
    y: int = 0
    label: str = dataclasses.field(default="", compare=False, repr=False)


@dataclasses.dataclass(frozen=True)
class StandardPoint:
    x: int
    y: int = 0
    label: str = dataclasses.field(default="", compare=False, repr=False)


@frozen(kw_only=True)
class Named(Point):
    name: str


def test_equality_and_hash_follow_the_compared_fields() -> None:
    assert Point(1, 2, "a") == Point(1, 2, "b")
    assert hash(Point(1, 2, "a")) == hash(Point(1, 2, "b")) == hash(StandardPoint(1, 2))
    assert Point(1, 2) != Point(2, 1)
    assert Point(1, 2) != StandardPoint(1, 2)  # another class is never equal, as with dataclasses
    assert {Point(1), Point(1)} == {Point(1)}


def test_repr_is_the_dataclass_repr() -> None:
    standard = repr(StandardPoint(1, 2, "hidden"))
    assert repr(Point(1, 2, "hidden")) == standard.replace("StandardPoint", "Point") == "Point(x=1, y=2)"
    assert repr(Named(x=1, name="n")) == "Named(x=1, y=0, name='n')"


@pytest.mark.parametrize("change", [lambda p: setattr(p, "x", 5), lambda p: delattr(p, "x"),
                                    lambda p: setattr(p, "other", 1)])  # fmt: skip
def test_nothing_can_be_set_or_deleted(change: Any) -> None:
    point = Point(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        change(point)
    assert point == Point(1)


def test_it_is_a_dataclass_to_the_standard_library() -> None:
    assert dataclasses.is_dataclass(Point)
    assert [f.name for f in dataclasses.fields(Named)] == ["x", "y", "label", "name"]
    assert dataclasses.replace(Point(1, 2), y=3) == Point(1, 3)
    assert dataclasses.asdict(Point(1, 2, "a")) == {"x": 1, "y": 2, "label": "a"}
    with pytest.raises(TypeError, match="positional arguments"):
        Named(1, 0, "", "n")  # type: ignore[misc]  # `name` is keyword-only


def test_a_class_keeps_the_methods_it_writes_itself() -> None:
    @frozen
    class Loose:
        value: float

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Loose) and abs(self.value - other.value) < 0.5

        def __hash__(self) -> int:
            return 0

    assert Loose(1.0) == Loose(1.2) and hash(Loose(3.0)) == 0


def test_hashing_follows_the_class_as_dataclasses_do() -> None:
    @frozen
    class OwnEquality:  # its own __eq__, no __hash__: dataclasses add a hash of the fields
        value: int

        def __eq__(self, other: object) -> bool:
            return isinstance(other, OwnEquality) and self.value == other.value

    @frozen
    class Unhashable:  # __hash__ = None, said by the class itself: kept
        value: int
        __hash__ = None  # type: ignore[assignment]

    assert hash(OwnEquality(1)) == hash(OwnEquality(1))
    with pytest.raises(TypeError, match="unhashable"):
        hash(Unhashable(1))


def test_a_record_inside_itself_prints_as_dataclasses_print_it() -> None:
    @frozen
    class Box:
        items: list[object]

    box = Box([])
    box.items.append(box)
    assert repr(box).endswith(".Box(items=[...])")  # its qualified name, as dataclasses print it


class TestChanged:
    def test_changed_gives_what_replace_gives_and_leaves_the_record_as_it_was(self) -> None:
        @frozen
        class Point:
            x: int
            y: int = 0
            tags: tuple[str, ...] = ()

        point = Point(1, 2, ("a",))
        moved = changed(point, y=5)
        assert moved == dataclasses.replace(point, y=5)
        assert type(moved) is Point
        assert point == Point(1, 2, ("a",))
        with pytest.raises(dataclasses.FrozenInstanceError):
            moved.x = 3  # type: ignore[misc]


@frozen
class Bag:
    items: list[int] = dataclasses.field(default_factory=list)
    tag: str = dataclasses.field(default="a", kw_only=True)


@dataclasses.dataclass(frozen=True)
class StandardBag:
    items: list[int] = dataclasses.field(default_factory=list)
    tag: str = dataclasses.field(default="a", kw_only=True)


class TestInit:
    @pytest.mark.parametrize(("ours", "standard"), [(Point, StandardPoint), (Bag, StandardBag)])
    def test_init_takes_the_arguments_the_standard_init_takes(self, ours: type, standard: type) -> None:
        import inspect

        assert str(inspect.signature(ours)) == str(inspect.signature(standard))

    def test_init_stores_arguments_defaults_and_fresh_factory_values(self) -> None:
        assert dataclasses.asdict(Point(1)) == {"x": 1, "y": 0, "label": ""}
        assert Named(x=1, name="n").name == "n"
        first, second = Bag(), Bag()
        assert first.items == [] and first.items is not second.items
        assert Bag([1], tag="b") == Bag(items=[1], tag="b")
        with pytest.raises(TypeError):
            Bag([1], "b")  # type: ignore[misc]  # keyword-only, as dataclasses makes it
        with pytest.raises(TypeError):
            Point()  # type: ignore[call-arg]

    def test_a_class_with_post_init_keeps_the_standard_init_which_runs_it(self) -> None:
        @frozen
        class Checked:
            value: int

            def __post_init__(self) -> None:
                if self.value < 0:
                    raise ValueError("negative")

        with pytest.raises(ValueError, match="negative"):
            Checked(-1)
        assert Checked(1).value == 1
