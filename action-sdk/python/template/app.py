"""A Bora action in Python: greets `name` (required) with `greeting`
(default "Hello"), `times` times (default 1, at most 10), and fails with
details when `name` is empty.

Build and run it with the bora CLI (it installs componentize-py once):

    bora action build .
    bora action run ./NAME.wasm --input '{"name": "Ada"}'

Unit-test it in plain Python: `python3 -m unittest` (see test_app.py).
"""

from dataclasses import dataclass

from bora_action import Action, ActionError, Context, export, log, param


@dataclass(kw_only=True)
class Input:
    name: str = param(doc="Who to greet.")
    greeting: str = param(default="Hello", doc="The word to greet with.")
    times: int = param(default=1, doc="How many greetings (1 to 10).")


class Greet(Action):
    NAME = "example.greet"
    DESCRIPTION = "Greets someone."
    Input = Input

    def run(self, input: Input, ctx: Context):
        if not input.name.strip():
            raise ActionError("name is empty", details={"param": "name"})
        if not 1 <= input.times <= 10:
            raise ActionError(f"times must be between 1 and 10, not {input.times}")
        log.info(f"greeting {input.name} as {ctx.action_name}")
        line = f"{input.greeting}, {input.name}!"
        return {"greetings": [line] * input.times, "execution_id": ctx.execution_id}


# componentize-py exports the class named `WitWorld` of this module.
WitWorld = export(Greet)
