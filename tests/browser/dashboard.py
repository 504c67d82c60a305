"""The dashboard in a real browser (scripts/browser.sh runs this).

Against a fresh `bora serve` at BASE: uploads tests/browser/demo.yaml, starts
ui_demo with an environment that makes its `check` task fail, then in
headless Chromium (Debian's, driven by Playwright) opens the execution page,
checks the task graph's node states, the timeline and the task detail,
clicks "Rerun task" with a fixed env and waits for the task, the join after
it and the execution to turn SUCCESS on the same page (no reload: the page
follows the server's event stream). Screenshots go to OUT.

Usage: dashboard.py BASE_URL OUT_DIR
"""

import json
import os
import sys
import tempfile
import time
import urllib.error
import urllib.request

from playwright.sync_api import expect, sync_playwright

import common
from common import check, launch

BASE = sys.argv[1].rstrip("/").removesuffix("/v2")
OUT = sys.argv[2]
HERE = os.path.dirname(os.path.abspath(__file__))


def call(method, path, body=None, content_type="application/json"):
    data = None
    if body is not None:
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
    request = urllib.request.Request(BASE + "/v2" + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    with urllib.request.urlopen(request, timeout=30) as reply:
        text = reply.read().decode()
        return json.loads(text) if text else None


def wait_state(execution_id, states, timeout=30):
    deadline = time.time() + timeout
    while True:
        execution = call("GET", f"/executions/{execution_id}")
        if execution["state"] in states or time.time() > deadline:
            return execution
        time.sleep(0.1)


def main():
    with open(os.path.join(HERE, "demo.yaml")) as f:
        call("PUT", "/workflows", f.read(), "text/plain")
    try:
        call("POST", "/environments", {"name": "ui_env", "variables": {"broken": True}})
    except urllib.error.HTTPError as err:
        if err.code != 409:  # already there from an earlier run on this server
            raise
    started = call("POST", "/executions", {"workflow_name": "ui_demo", "params": {"env": "ui_env"}})
    execution = wait_state(started["id"], {"SUCCESS", "ERROR"})
    check("the demo execution fails first", execution["state"] == "ERROR", execution)

    os.makedirs(OUT, exist_ok=True)
    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        browser = launch(p, profile)
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        offsite = []
        page.on("request", lambda r: r.url.startswith(BASE) or offsite.append(r.url))

        page.goto(f"{BASE}/#/executions")
        expect(page.locator(f'a[href="#/executions/{started["id"]}"]')).to_be_visible()
        check("the executions list shows the execution", True)
        page.select_option("select[name=state]", "ERROR")
        page.click("form.filters button")
        expect(page.locator(f'a[href="#/executions/{started["id"]}"]')).to_be_visible()
        check("the state filter keeps the failed execution", "state=ERROR" in page.url, page.url)

        page.goto(f"{BASE}/#/workflows")
        expect(page.get_by_role("link", name="ui_demo", exact=True)).to_be_visible()
        page.get_by_role("link", name="ui_demo", exact=True).click()
        expect(page.locator("pre.definition")).to_contain_text("with-items: name in")
        check("a workflow shows its definition", True)

        page.goto(f"{BASE}/#/executions/{started['id']}")
        node = lambda name: page.locator(f'g.node[data-task="{name}"]')
        expect(node("check")).to_have_attribute("data-state", "ERROR")
        states = {n: node(n).get_attribute("data-state") for n in
                  ["fetch", "check", "notify", "done", "report", "alert"]}
        check("the graph shows each task's state", states == {
            "fetch": "SUCCESS", "check": "ERROR", "notify": "SUCCESS", "done": "SUCCESS",
            "report": "NOT RUN", "alert": "NOT RUN"}, states)
        check("with-items progress is on the node", "3/3" in node("fetch").text_content(), node("fetch").text_content())
        edges = page.locator("path.edge.on-success").count()
        check("edges are drawn by kind", edges == 3 and page.locator("path.edge.on-error").count() == 1
              and page.locator("path.edge.on-complete").count() == 1, edges)
        check("the sub-workflow is linked", node("notify").locator("a").count() == 1)
        check("the timeline has a bar per task", page.locator(".tl-bar").count() == 4)
        detail = page.locator(".detail")
        expect(detail).to_contain_text("check")
        check("the failed task's detail shows its error", "Error" in detail.inner_text())
        page.screenshot(path=os.path.join(OUT, "execution-error.png"), full_page=True)

        page.evaluate("window.__same_page = true")
        page.fill(".rerun input[name=env]", '{"broken": false}')
        page.click("[data-action=rerun]")
        expect(node("check")).to_have_attribute("data-state", "SUCCESS", timeout=30000)
        expect(node("report")).to_have_attribute("data-state", "SUCCESS", timeout=30000)
        expect(page.locator("#exec-state .badge")).to_have_text("SUCCESS", timeout=30000)
        check("rerun turns the task SUCCESS, then the execution", True)
        check("without a reload", page.evaluate("window.__same_page === true"))
        check("the page followed the event stream", page.locator("#live.on").count() == 1)
        page.screenshot(path=os.path.join(OUT, "execution.png"), full_page=True)

        check("no script errors", not errors, errors)
        check("no request left the server's origin", not offsite, offsite)
        browser.close()
    print(f"browser: {common.CHECKS} checks passed")


if __name__ == "__main__":
    main()
