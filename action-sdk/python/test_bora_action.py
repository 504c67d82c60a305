"""Unit tests of the kit's module in plain CPython (the Rust test
`python_kit_module_unit_tests` runs them): the input shapes worked out once
and the build-time warm-up, which must never call an action's `run`."""

import dataclasses
import typing
import unittest
from unittest import mock

import bora_action
from bora_action import Action, ActionError, param, parse_input


@dataclasses.dataclass(kw_only=True)
class Inner:
    label: str = param()
    size: typing.Optional[int] = param(default=None)


@dataclasses.dataclass(kw_only=True)
class Input:
    name: str = param()
    count: int = param()
    ratio: float = param()
    flag: bool = param()
    tags: typing.List[str] = param()
    extra: typing.Dict[str, typing.Any] = param()
    inner: Inner = param()
    either: typing.Union[int, str] = param()
    maybe: typing.Optional[str] = param(default=None)


class Counting(Action):
    NAME = "test.counting"
    Input = Input
    calls = 0

    def run(self, input, ctx):
        Counting.calls += 1
        return input.name


@dataclasses.dataclass(kw_only=True)
class Checked:
    name: str = param()

    def __post_init__(self):
        raise AssertionError("the author's code ran at build time")


class WithPostInit(Action):
    NAME = "test.post_init"
    Input = Checked

    def run(self, input, ctx):
        return None


@dataclasses.dataclass(kw_only=True)
class Tree:
    label: str = param()
    child: typing.Optional["Tree"] = param()


@dataclasses.dataclass(kw_only=True)
class Loop:
    again: "Loop" = param()


class Recursive(Action):
    NAME = "test.recursive"
    Input = Tree

    def run(self, input, ctx):
        return None


class Looping(Action):
    NAME = "test.looping"
    Input = Loop

    def run(self, input, ctx):
        return None


class NoInput(Action):
    NAME = "test.none"

    def run(self, input, ctx):
        return 1


class WarmUp(unittest.TestCase):
    def test_a_made_up_input_fits_every_kind_of_annotation(self):
        sample = {
            name: bora_action._sample(hint)
            for name, hint in typing.get_type_hints(Input).items()
            if name != "maybe"
        }
        self.assertEqual(sample["inner"], {"label": ""})
        value = parse_input(Counting, bora_action.json.dumps(sample))
        self.assertEqual(value.inner, Inner(label=""))
        self.assertEqual(value.tags, [])

    def test_warming_up_never_runs_the_action(self):
        bora_action._warm_up(Counting)
        bora_action._warm_up(NoInput)
        self.assertEqual(Counting.calls, 0)

    def test_types_that_contain_themselves_end_the_made_up_input(self):
        self.assertEqual(bora_action._sample(Tree), {"label": "", "child": None})
        # No JSON value fits: nothing to warm, and no endless recursion.
        with self.assertRaises(bora_action._NoSample):
            bora_action._sample(Loop)
        bora_action._warm_up(Recursive)
        bora_action._warm_up(Looping)

    def test_inputs_that_run_author_code_are_not_warmed(self):
        bora_action._warm_up(WithPostInit)
        with self.assertRaises(AssertionError):
            parse_input(WithPostInit, '{"name": "x"}')

    def test_shapes_are_worked_out_once(self):
        bora_action._SHAPES.clear()
        with mock.patch.object(
            bora_action.typing, "get_type_hints", wraps=typing.get_type_hints
        ) as hints:
            for _ in range(3):
                parse_input(Counting, _input(inner={"label": "l", "size": 3}))
        # Input and Inner, each once.
        self.assertEqual(hints.call_count, 2)

    def test_errors_still_name_the_parameter(self):
        cases = [
            (_input(count="1"), "parameter 'count'"),
            ('{"name": "a"}', "missing=[count, ratio, flag, tags, extra, inner, either]"),
            (_input(inner={"label": "l", "oops": 1}), "parameter 'inner.oops': unknown field"),
        ]
        for text, expected in cases:
            with self.assertRaises(ActionError) as raised:
                parse_input(Counting, text)
            self.assertIn(expected, raised.exception.message)


def _input(**changes):
    """A valid input of `Counting` as JSON text, with `changes` applied."""
    value = {
        "name": "a",
        "count": 1,
        "ratio": 2,
        "flag": True,
        "tags": ["t"],
        "extra": {},
        "inner": {"label": "l"},
        "either": "s",
    }
    value.update(changes)
    return bora_action.json.dumps(value)

if __name__ == "__main__":
    unittest.main()
