"""The Bora action kit for Python.

A Bora action is a WASI 0.2 component implementing the world `action` of
`wit/action.wit`; componentize-py builds one from a Python module. This
module turns that contract into a short Python API:

* declare the input as a dataclass whose fields are the parameters
  (`param(...)` gives a default and a description);
* subclass `Action`, set `NAME`, `DESCRIPTION` and `Input`, and write `run`,
  which returns any JSON-serializable value (or `PENDING` for an async
  action) and raises `ActionError` to fail;
* `log.info(...)` and friends write to the host's `log` import;
* `WitWorld = export(MyAction)` is the one line componentize-py needs.

    from dataclasses import dataclass
    from bora_action import Action, ActionError, Context, export, log, param

    @dataclass(kw_only=True)
    class Input:
        name: str = param(doc="Who to greet.")
        greeting: str = param(default="Hello", doc="The word to greet with.")

    class Greet(Action):
        NAME = "example.greet"
        DESCRIPTION = "Greets someone."
        Input = Input

        def run(self, input: Input, ctx: Context):
            log.info(f"greeting {input.name}")
            return f"{input.greeting}, {input.name}!"

    WitWorld = export(Greet)

Before `run` is called the input is checked against the parameters (missing
and unexpected ones are reported together, by name), the defaults are filled
in, and each value is checked against its annotation (`str`, `int`,
`float`, `bool`, `list[...]`, `dict[str, ...]`, `Optional[...]`, unions,
nested dataclasses, `Any`); a mismatch is an error naming the parameter. The
messages are the Rust SDK's (`Invalid input [name=..., missing=[...],
unexpected=[...]]`).

An exception other than `ActionError` also becomes the action's error (its
type and message), with the traceback in the log: Mistral reports a Python
action that raises the same way, and a trap would lose the message.

Everything but `export` runs in plain CPython, so an action can be unit-tested
without building it: `invoke(Greet, '{"name": "Ada"}')`.
"""

import copy
import dataclasses
import json
import logging
import sys
import traceback
import types
import typing

__all__ = [
    "PENDING",
    "Action",
    "ActionError",
    "Context",
    "Descriptor",
    "LogHandler",
    "Param",
    "describe",
    "export",
    "invoke",
    "log",
    "param",
    "parse_input",
]

_DOC = "bora.doc"


class _Pending:
    """The outcome of an async action that goes on outside Bora."""

    def __repr__(self):
        return "PENDING"


#: Return this from `run` of an action with `IS_ASYNC = True`: the action
#: execution stays RUNNING until it is completed through the API.
PENDING = _Pending()


class ActionError(Exception):
    """The action failed on its own terms: `message` for people, `details`
    (any JSON-serializable value) for the workflow, which sees them as the
    failed task's result."""

    def __init__(self, message, details=None):
        super().__init__(message)
        self.message = str(message)
        self.details = details


@dataclasses.dataclass
class Context:
    """Where a call comes from (the WIT `context` record). Outside a
    workflow (`bora action run`) the execution and task ids are None."""

    execution_id: typing.Optional[str] = None
    task_id: typing.Optional[str] = None
    action_execution_id: typing.Optional[str] = None
    action_name: str = ""


@dataclasses.dataclass
class Param:
    """One input parameter as `describe` reports it."""

    name: str
    #: The default as JSON text; None means the parameter is required.
    default: typing.Optional[str]
    description: typing.Optional[str]


@dataclasses.dataclass
class Descriptor:
    """What an action says about itself (the WIT `descriptor` record)."""

    name: str
    description: str
    params: typing.List[Param]
    is_async: bool


class Action:
    """Base class of an action. Set `NAME`, `DESCRIPTION` and `Input` (a
    dataclass, or None for an action without parameters), and implement
    `run(self, input, ctx)`."""

    NAME = ""
    DESCRIPTION = ""
    Input = None
    IS_ASYNC = False

    def run(self, input, ctx):
        raise NotImplementedError(f"{type(self).__name__}.run")


def param(default=dataclasses.MISSING, *, doc=""):
    """A dataclass field for one parameter: without `default` it is
    required. A list or dict default is copied for every call."""
    metadata = {_DOC: doc}
    if default is dataclasses.MISSING:
        return dataclasses.field(metadata=metadata)
    if isinstance(default, (list, dict)):
        return dataclasses.field(
            default_factory=lambda: copy.deepcopy(default), metadata=metadata
        )
    return dataclasses.field(default=default, metadata=metadata)


# --- logging -------------------------------------------------------------


class _Log:
    """The host's `log` import. Outside a component (unit tests) the lines
    go to stderr."""

    def __init__(self):
        self._host = None

    def _emit(self, level, message):
        if self._host is None:
            try:
                from wit_world.imports import log as host

                self._host = (host.log, host.Level)
            except ImportError:
                self._host = (None, None)
        write, levels = self._host
        if write is None:
            print(f"[{level}] {message}", file=sys.stderr)
        else:
            write(levels[level.upper()], str(message))

    def trace(self, message):
        self._emit("trace", message)

    def debug(self, message):
        self._emit("debug", message)

    def info(self, message):
        self._emit("info", message)

    def warn(self, message):
        self._emit("warn", message)

    def error(self, message):
        self._emit("error", message)


log = _Log()


class LogHandler(logging.Handler):
    """A `logging` handler that writes to the host's log, for code that
    uses the standard `logging` module:
    `logging.getLogger().addHandler(LogHandler())`."""

    def emit(self, record):
        if record.levelno >= logging.ERROR:
            level = "error"
        elif record.levelno >= logging.WARNING:
            level = "warn"
        elif record.levelno >= logging.INFO:
            level = "info"
        else:
            level = "debug"
        log._emit(level, self.format(record))


# --- input ---------------------------------------------------------------


class _Mismatch(Exception):
    """A value does not fit its annotation: where (`times`, `items[2]`,
    `user.name`) and what is wrong, in words."""

    def __init__(self, path, detail):
        super().__init__(path)
        self.path = path
        self.detail = detail


def _mismatch(path, expected, value):
    return _Mismatch(path, f"expected {expected}, got {_kind(value)}")


def _kind(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _fields(input_type):
    return [f for f in dataclasses.fields(input_type) if f.init]


def _required(field):
    return (
        field.default is dataclasses.MISSING
        and field.default_factory is dataclasses.MISSING
    )


class _Shape:
    """What checking an input dataclass needs, worked out once per class:
    its fields, their names, the required ones and the resolved
    annotations (`typing.get_type_hints` walks the class and evaluates
    them, far too slow to repeat on every call)."""

    __slots__ = ("fields", "names", "required", "hints")

    def __init__(self, input_type):
        self.fields = _fields(input_type)
        self.names = frozenset(f.name for f in self.fields)
        self.required = tuple(f.name for f in self.fields if _required(f))
        self.hints = typing.get_type_hints(input_type)


_SHAPES = {}


def _shape(input_type):
    shape = _SHAPES.get(input_type)
    if shape is None:
        shape = _SHAPES[input_type] = _Shape(input_type)
    return shape


def _describe_type(tp):
    names = {str: "a string", int: "an integer", float: "a number", bool: "a boolean"}
    if tp in names:
        return names[tp]
    if tp is type(None):
        return "null"
    origin = typing.get_origin(tp)
    if tp is list or origin is list:
        return "an array"
    if tp is dict or origin is dict or dataclasses.is_dataclass(tp):
        return "an object"
    return getattr(tp, "__name__", str(tp))


def _convert(value, tp, path):
    """`value` (decoded JSON) checked against the annotation `tp`; returns
    it converted (an int for a float, a dataclass for an object)."""
    if tp is typing.Any or tp is object:
        return value
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        options = typing.get_args(tp)
        for option in options:
            try:
                return _convert(value, option, path)
            except _Mismatch:
                continue
        expected = " or ".join(_describe_type(o) for o in options)
        raise _mismatch(path, expected, value)
    if tp is type(None) or tp is None:
        if value is None:
            return None
        raise _mismatch(path, "null", value)
    if tp is bool:
        if isinstance(value, bool):
            return value
        raise _mismatch(path, "a boolean", value)
    if tp is int:
        # bool is an int in Python, not in JSON.
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        raise _mismatch(path, "an integer", value)
    if tp is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        raise _mismatch(path, "a number", value)
    if tp is str:
        if isinstance(value, str):
            return value
        raise _mismatch(path, "a string", value)
    if tp is list or origin is list:
        if not isinstance(value, list):
            raise _mismatch(path, "an array", value)
        (item,) = typing.get_args(tp) or (typing.Any,)
        return [_convert(v, item, f"{path}[{i}]") for i, v in enumerate(value)]
    if tp is dict or origin is dict:
        if not isinstance(value, dict):
            raise _mismatch(path, "an object", value)
        args = typing.get_args(tp)
        item = args[1] if len(args) == 2 else typing.Any
        return {k: _convert(v, item, f"{path}.{k}") for k, v in value.items()}
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        if not isinstance(value, dict):
            raise _mismatch(path, "an object", value)
        return _build(tp, value, path)
    # Annotations the kit does not know (Literal, custom classes, ...) are
    # not checked: the value is passed on as decoded.
    return value


def _build(input_type, obj, path):
    """An `input_type` from a JSON object whose keys are already known to
    fit its fields (nested objects are checked here)."""
    shape = _shape(input_type)
    kwargs = {}
    for field in shape.fields:
        if field.name in obj:
            inner = f"{path}.{field.name}" if path else field.name
            kwargs[field.name] = _convert(
                obj[field.name], shape.hints.get(field.name, typing.Any), inner
            )
        elif field.name in shape.required:
            raise _Mismatch(f"{path}.{field.name}" if path else field.name, "missing")
    # Top-level keys were checked against the parameters already; inside a
    # nested object an unknown key is a mistake of the same kind.
    for key in obj:
        if key not in shape.names:
            raise _Mismatch(f"{path}.{key}", "unknown field")
    return input_type(**kwargs)


def parse_input(action, text):
    """The input of `action` from a call's JSON text: rejects missing and
    unexpected parameters, fills in defaults and checks each value against
    its annotation. Raises `ActionError` with a message naming the action
    and the parameter. An empty text or `null` counts as `{}`."""
    name = action.NAME
    try:
        value = json.loads(text) if text.strip() else None
    except ValueError as e:
        raise ActionError(f"Invalid input [name={name}]: not JSON: {e}") from None
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise ActionError(
            f"Invalid input [name={name}]: expected a JSON object of parameters, "
            f"got {_kind(value)}"
        )
    if action.Input is None:
        known, required = frozenset(), ()
    else:
        shape = _shape(action.Input)
        known, required = shape.names, shape.required
    missing = [name for name in required if name not in value]
    unexpected = [k for k in value if k not in known]
    if missing or unexpected:
        raise ActionError(
            f"Invalid input [name={name}, missing=[{', '.join(missing)}], "
            f"unexpected=[{', '.join(unexpected)}]]"
        )
    if action.Input is None:
        return None
    try:
        return _build(action.Input, value, "")
    except _Mismatch as e:
        raise ActionError(
            f"Invalid input [name={name}]: parameter '{e.path}': {e.detail}"
        ) from None


# --- describe and run ----------------------------------------------------


def describe(action):
    """The descriptor of `action`, as its `describe` export returns it.
    Raises ValueError when the declaration is wrong (checked at build time
    by `export`)."""
    if not action.NAME:
        raise ValueError(f"{action.__name__}.NAME is empty")
    params = []
    if action.Input is not None:
        if not (dataclasses.is_dataclass(action.Input) and isinstance(action.Input, type)):
            raise ValueError(f"{action.__name__}.Input must be a dataclass or None")
        for field in _fields(action.Input):
            if _required(field):
                default = None
            else:
                value = (
                    field.default_factory()
                    if field.default is dataclasses.MISSING
                    else field.default
                )
                try:
                    default = json.dumps(value, ensure_ascii=False, allow_nan=False)
                except (TypeError, ValueError) as e:
                    raise ValueError(
                        f"{action.__name__}: the default of parameter '{field.name}' "
                        f"is not JSON: {e}"
                    ) from None
            doc = field.metadata.get(_DOC) or None
            params.append(Param(field.name, default, doc))
    return Descriptor(action.NAME, action.DESCRIPTION, params, bool(action.IS_ASYNC))


def invoke(action, input_text, ctx=None):
    """Runs `action` on a JSON input text as its `run` export does (input
    check, defaults, types, then `run`) and returns what `run` returned.
    Raises `ActionError` for bad input and when the action fails."""
    if ctx is None:
        ctx = Context(action_name=action.NAME)
    return action().run(parse_input(action, input_text), ctx)


def _encode(value):
    """`run`'s return value as the WIT outcome's payload: None for
    PENDING, else JSON text."""
    if value is PENDING:
        return None
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise ActionError(f"the result is not JSON: {e}") from None


def _error_details(error):
    if error.details is None:
        return None
    try:
        return json.dumps(error.details, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return json.dumps(repr(error.details))


def _call(action, input_text, ctx):
    """One call: (payload, None) on success, where payload is None for
    PENDING; (None, (message, details)) on failure."""
    try:
        return _encode(invoke(action, input_text, ctx)), None
    except ActionError as e:
        return None, (e.message, _error_details(e))
    except Exception as e:  # noqa: BLE001 - every failure becomes the action's error
        log.error(traceback.format_exc())
        return None, (f"{type(e).__name__}: {e}", None)


#: How often the build runs a call's path (see `_warm_up`): enough for
#: CPython to specialize the bytecode it runs.
_WARM_UP_ROUNDS = 64


class _NoSample(Exception):
    """No input can be made up for an annotation without running user code."""


def _sample(tp, within=frozenset()):
    """A JSON value that fits the annotation `tp`; `within`: the dataclasses
    being sampled around it (a type that contains itself gets none)."""
    if tp is typing.Any or tp is object or tp is type(None) or tp is None:
        return None
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        options = typing.get_args(tp)
        # null where allowed: the shortest value, and the end of a recursion.
        return None if type(None) in options else _sample(options[0], within)
    simple = {bool: False, int: 0, float: 0.0, str: ""}
    if tp in simple:
        return simple[tp]
    if tp is list or origin is list:
        return []
    if tp is dict or origin is dict:
        return {}
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        # Its constructor would run the author's code at build time.
        if hasattr(tp, "__post_init__") or tp in within:
            raise _NoSample(tp)
        shape = _shape(tp)
        inner = within | {tp}
        return {
            name: _sample(shape.hints.get(name, typing.Any), inner) for name in shape.required
        }
    raise _NoSample(tp)


def _warm_up(action):
    """Runs what every call of `action` runs around its `run` (the input
    decoded and checked against a made-up input, a context, a result
    encoded) at build time. A new instance starts from the snapshot, so
    without this each call would pay for CPython's first-use work (bytecode
    specialization, caches, the input's shape) on memory pages it must copy
    first: the greeting template's call took 0.91-0.96 ms without this,
    0.60-0.62 ms with it. The action's own `run` is never called here."""
    try:
        sample = {} if action.Input is None else _sample(action.Input)
        text = json.dumps(sample)
        for _ in range(_WARM_UP_ROUNDS):
            parse_input(action, text)
            Context(action_name=action.NAME)
            _encode({"warm": ["up", 1, 2.5, True, None]})
    except (_NoSample, ActionError):
        # Nothing warmed: calls work the same, they only start colder.
        pass


def export(action):
    """The class componentize-py exports for `action`: assign it to
    `WitWorld` in the app module. The declaration is checked here, so a
    mistake fails the build. Outside componentize-py (plain CPython, unit
    tests) there is nothing to export and it returns None."""
    descriptor = describe(action)
    try:
        import wit_world
        from componentize_py_types import Err
        from wit_world.imports import log as host
        from wit_world.imports import types as wit
    except ImportError:
        return None
    # This runs while componentize-py snapshots the interpreter: what is
    # resolved and warmed here is in every instance from the start.
    log._host = (host.log, host.Level)
    _warm_up(action)

    class WitWorld(wit_world.WitWorld):
        def describe(self):
            return wit.Descriptor(
                name=descriptor.name,
                description=descriptor.description,
                params=[
                    wit.Param(name=p.name, default=p.default, description=p.description)
                    for p in descriptor.params
                ],
                is_async=descriptor.is_async,
            )

        def run(self, input, ctx):
            context = Context(
                execution_id=ctx.execution_id,
                task_id=ctx.task_id,
                action_execution_id=ctx.action_execution_id,
                action_name=ctx.action_name,
            )
            payload, error = _call(action, input, context)
            if error is not None:
                message, details = error
                raise Err(wit.ActionError(message=message, details=details))
            if payload is None:
                return wit.Outcome_Pending()
            return wit.Outcome_Done(payload)

    return WitWorld
