#!/usr/bin/env python3
"""Drives Bora with the real python-mistralclient CLI (`mistral ...`).

Usage: scenario.py MISTRAL_BIN BASE_URL
Every step runs the CLI as a user would, with `-f json` output, and checks
what it printed; the first mismatch fails the run with the command, its
output and what was expected.
"""
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MISTRAL, URL = sys.argv[1], sys.argv[2]
# An API token when the server asks for one (`bora serve --auth tokens`).
TOKEN = os.environ.get("BORA_TOKEN", "")
STEPS = 0


class Failed(Exception):
    pass


def cli(*args, ok=True):
    """Runs `mistral ARGS`; returns the parsed JSON (or text when not JSON)."""
    cmd = [MISTRAL, "--os-mistral-url", URL, *auth_args(TOKEN), *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if ok and proc.returncode != 0:
        raise Failed("`%s` exited %d:\n%s%s" % (" ".join(args), proc.returncode,
                                                  proc.stdout, proc.stderr))
    if not ok:
        return proc
    try:
        return json.loads(proc.stdout)
    except ValueError:
        return proc.stdout


def auth_args(token):
    """The client's flags for a token: its Keystone plugin exchanges the token
    at Bora's own identity endpoint first, as it would at Keystone's."""
    if not token:
        return []
    return ["--os-auth-url", URL.rsplit("/v2", 1)[0] + "/identity/v3", "--os-auth-token", token]


def check(what, cond, got=None):
    global STEPS
    STEPS += 1
    if not cond:
        raise Failed("%s: got %s" % (what, json.dumps(got, indent=1, default=str)))
    print("ok %2d  %s" % (STEPS, what))


def as_dict(value):
    return json.loads(value) if isinstance(value, str) and value else (value or {})


def wait_state(execution, states, timeout=30):
    deadline = time.time() + timeout
    while True:
        ex = cli("execution-get", execution, "-f", "json")
        if ex["State"] in states or time.time() > deadline:
            return ex
        time.sleep(0.2)


def definitions():
    """The validate commands, and an ad-hoc action's lifecycle."""
    valid = cli("workflow-validate", os.path.join(HERE, "wf.yaml"), "-f", "json")
    check("workflow-validate finds wf.yaml valid", valid.get("Valid") is True, valid)
    invalid = cli("workflow-validate", os.path.join(HERE, "invalid.yaml"), "-f", "json")
    check("workflow-validate names the missing task",
          invalid.get("Valid") is False and "nowhere" in (invalid.get("Error") or ""), invalid)
    book = cli("workbook-validate", os.path.join(HERE, "workbook.yaml"), "-f", "json")
    check("workbook-validate finds the workbook valid", book.get("Valid") is True, book)
    actions_file = os.path.join(HERE, "actions.yaml")
    valid = cli("action-validate", actions_file, "-f", "json")
    check("action-validate finds the action valid", valid.get("Valid") is True, valid)
    books = cli("workbook-list", "-f", "json")
    check("validating stored nothing", not [b for b in books if b.get("Name") == "e2e_book"], books)

    created = cli("action-create", actions_file, "-f", "json")
    check("action-create stores the ad-hoc action", [a["Name"] for a in created] == ["e2e_shout"], created)
    got = cli("action-get", "e2e_shout", "-f", "json")
    check("action-get shows it", got.get("Name") == "e2e_shout" and got.get("Input") == "text", got)
    std = cli("action-get", "std.echo", "-f", "json")
    check("action-get shows a standard action", std.get("Name") == "std.echo", std)
    definition = cli("action-get-definition", "e2e_shout")
    check("action-get-definition prints its YAML",
          isinstance(definition, str) and "base: std.echo" in definition, definition)
    cli("action-delete", "e2e_shout")
    gone = cli("action-get", "e2e_shout", ok=False)
    check("action-delete removes it (action-get then fails with the server's message)",
          gone.returncode != 0 and "not found" in (gone.stdout + gone.stderr).lower(),
          gone.stdout + gone.stderr)


def event_triggers():
    """event-trigger-create/list/get/delete."""
    trig = cli("event-trigger-create", "e2e_on_order", "e2e_hello", "shop", "orders",
               "order.created", '{"name": "event"}', "-f", "json")
    check("event-trigger-create returns the trigger",
          trig.get("Name") == "e2e_on_order" and trig.get("Exchange") == "shop"
          and trig.get("Topic") == "orders" and trig.get("Event") == "order.created"
          and bool(trig.get("ID")), trig)
    trigs = cli("event-trigger-list", "-f", "json")
    check("event-trigger-list lists it", [t["Name"] for t in trigs] == ["e2e_on_order"], trigs)
    got = cli("event-trigger-get", trig["ID"], "-f", "json")
    check("event-trigger-get shows it", got.get("Name") == "e2e_on_order" and got.get("Event") == "order.created", got)
    cli("event-trigger-delete", trig["ID"])
    trigs = cli("event-trigger-list", "-f", "json")
    check("event-trigger-delete removes it", not [t for t in trigs if t.get("Name")], trigs)


def authentication():
    """With a token: the same CLI without it, or with a wrong one, is refused."""
    for token in (None, "bora_not_a_token"):
        proc = subprocess.run([MISTRAL, "--os-mistral-url", URL, *auth_args(token), "workflow-list"],
                              capture_output=True, text=True, timeout=60)
        check("without a valid token the server refuses (%s)" % ("wrong token" if token else "none"),
              proc.returncode != 0 and any(word in proc.stdout + proc.stderr
                                           for word in ("401", "Authentication required", "not valid")),
              proc.stdout + proc.stderr)


def main():
    wf = os.path.join(HERE, "wf.yaml")
    if TOKEN:
        authentication()

    created = cli("workflow-create", wf, "-f", "json")
    names = sorted(w["Name"] for w in created)
    check("workflow-create uploads three workflows", names == ["e2e_env", "e2e_hello", "e2e_slow"], created)
    listed = cli("workflow-list", "-f", "json")
    check("workflow-list shows them", {"e2e_hello", "e2e_slow", "e2e_env"} <= {w["Name"] for w in listed}, listed)

    ex = cli("execution-create", "e2e_hello", '{"name": "Bora"}', "-f", "json")
    check("execution-create answers with an id", bool(ex.get("ID")), ex)
    ex = wait_state(ex["ID"], {"SUCCESS", "ERROR"})
    check("execution-get reaches SUCCESS", ex["State"] == "SUCCESS", ex)

    tasks = cli("task-list", ex["ID"], "-f", "json")
    check("task-list shows both tasks in SUCCESS",
          sorted((t["Name"], t["State"]) for t in tasks) == [("greet", "SUCCESS"), ("shout", "SUCCESS")], tasks)
    greet = next(t for t in tasks if t["Name"] == "greet")
    published = as_dict(cli("task-get-published", greet["ID"]))
    check("task-get-published shows the greeting", published == {"greeting": "Hello, Bora"}, published)
    output = as_dict(cli("execution-get-output", ex["ID"]))
    check("execution-get-output shows the workflow output", output == {"greeting": "Hello, Bora!"}, output)

    actions = cli("action-execution-list", greet["ID"], "-f", "json")
    check("action-execution-list shows the task's std.echo",
          [(a["Name"], a["State"]) for a in actions] == [("std.echo", "SUCCESS")], actions)
    out = as_dict(cli("action-execution-get-output", actions[0]["ID"]))
    check("action-execution-get-output shows its result", out == {"result": "Hello, Bora"}, out)

    # Without --save-result the CLI prints only the action's output.
    run = as_dict(cli("run-action", "std.echo", '{"output": "direct"}'))
    check("run-action std.echo returns its result", run == {"result": "direct"}, run)
    saved = cli("run-action", "std.echo", '{"output": "kept"}', "--save-result", "-f", "json")
    check("run-action --save-result stores an action execution", bool(saved.get("ID")), saved)
    deadline = time.time() + 30
    got = cli("action-execution-get", saved["ID"], "-f", "json")
    while got.get("State") == "RUNNING" and time.time() < deadline:
        time.sleep(0.2)
        got = cli("action-execution-get", saved["ID"], "-f", "json")
    check("action-execution-get finds it finished", (got.get("Name"), got.get("State")) == ("std.echo", "SUCCESS"), got)
    out = as_dict(cli("action-execution-get-output", saved["ID"]))
    check("and its saved output", out == {"result": "kept"}, out)

    trig = cli("cron-trigger-create", "e2e_every_minute", "e2e_hello", '{"name": "cron"}',
               "--pattern", "*/5 * * * *", "-f", "json")
    check("cron-trigger-create returns the trigger",
          trig.get("Name") == "e2e_every_minute" and trig.get("Pattern") == "*/5 * * * *"
          and trig.get("Next execution time"), trig)
    trigs = cli("cron-trigger-list", "-f", "json")
    check("cron-trigger-list lists it", [t["Name"] for t in trigs] == ["e2e_every_minute"], trigs)
    cli("cron-trigger-delete", "e2e_every_minute")
    trigs = cli("cron-trigger-list", "-f", "json")
    check("cron-trigger-delete removes it", not [t for t in trigs if t.get("Name")], trigs)

    env = cli("environment-create", os.path.join(HERE, "env.yaml"), "-f", "json")
    check("environment-create stores the environment", env.get("Name") == "e2e_env", env)
    envs = cli("environment-list", "-f", "json")
    check("environment-list lists it", "e2e_env" in [e["Name"] for e in envs], envs)

    slow = cli("execution-create", "e2e_slow", "-f", "json")
    paused = cli("execution-update", slow["ID"], "-s", "PAUSED", "-f", "json")
    check("execution-update -s PAUSED pauses a running execution", paused.get("State") == "PAUSED", paused)
    time.sleep(2.5)
    still = cli("execution-get", slow["ID"], "-f", "json")
    check("a paused execution stays paused", still["State"] == "PAUSED", still)
    resumed = cli("execution-update", slow["ID"], "-s", "RUNNING", "-f", "json")
    check("execution-update -s RUNNING resumes it", resumed.get("State") == "RUNNING", resumed)
    done = wait_state(slow["ID"], {"SUCCESS", "ERROR"})
    check("the resumed execution finishes", done["State"] == "SUCCESS", done)
    out = as_dict(cli("execution-get-output", slow["ID"]))
    check("and publishes what its second task said", out == {"said": "done"}, out)

    failing = cli("execution-create", "e2e_env", "{}", '{"env": "e2e_env"}', "-f", "json")
    failing = wait_state(failing["ID"], {"SUCCESS", "ERROR"})
    check("an execution with env by name fails where the env says so", failing["State"] == "ERROR", failing)
    tasks = cli("task-list", failing["ID"], "-f", "json")
    check_task = next(t for t in tasks if t["Name"] == "check")
    colour = as_dict(cli("task-get-published", check_task["ID"]))
    check("env() reads the named environment", colour == {"colour": "green"}, colour)
    bad = next(t for t in tasks if t["Name"] == "maybe_fail")
    check("the failing task is in ERROR", bad["State"] == "ERROR", tasks)
    rerun = cli("task-rerun", bad["ID"], "--env", '{"broken": false}', "-f", "json")
    check("task-rerun accepts the failed task", rerun.get("ID") == bad["ID"], rerun)
    fixed = wait_state(failing["ID"], {"SUCCESS", "ERROR"})
    check("after the rerun the execution succeeds", fixed["State"] == "SUCCESS", fixed)
    fixed_task = cli("task-get", bad["ID"], "-f", "json")
    check("and the rerun task is SUCCESS", fixed_task["State"] == "SUCCESS", fixed_task)

    cli("environment-delete", "e2e_env")
    envs = cli("environment-list", "-f", "json")
    check("environment-delete removes it", "e2e_env" not in [e["Name"] for e in envs], envs)

    definitions()
    event_triggers()
    print("mistralclient scenario: %d checks passed" % STEPS)


if __name__ == "__main__":
    try:
        main()
    except (Failed, subprocess.TimeoutExpired, KeyError, StopIteration) as err:
        print("FAILED after %d checks: %s: %s" % (STEPS, type(err).__name__, err), file=sys.stderr)
        sys.exit(1)
