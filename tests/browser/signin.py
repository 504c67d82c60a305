"""The dashboard against a Bora that asks for API tokens (scripts/browser.sh).

Against `bora serve --auth tokens` at BASE with a workflow and an execution
made with TOKEN: the page's first API call gets a 401, the dashboard asks for
a token (answered with TOKEN), keeps it in an HttpOnly, SameSite=Strict cookie
that page scripts cannot read, lists the execution and follows the event
stream; a page that declines to give a token sees the server's refusal.

Usage: signin.py BASE_URL OUT_DIR TOKEN EXECUTION_ID
"""

import os
import sys
import tempfile

from playwright.sync_api import expect, sync_playwright

import common
from common import check, launch

BASE = sys.argv[1].rstrip("/").removesuffix("/v2")
OUT, TOKEN, EXECUTION = sys.argv[2], sys.argv[3], sys.argv[4]
def main():
    os.makedirs(OUT, exist_ok=True)
    with sync_playwright() as p:
        with tempfile.TemporaryDirectory() as profile:
            browser = launch(p, profile)
            page = browser.new_page()
            asked = []
            page.on("dialog", lambda d: (asked.append(d.message), d.accept(TOKEN)))
            page.goto(f"{BASE}/#/executions")
            expect(page.locator(f'a[href="#/executions/{EXECUTION}"]')).to_be_visible(timeout=30000)
            check("the dashboard asks for a token once", len(asked) == 1 and "token" in asked[0], asked)
            check("and then lists the execution", True)
            expect(page.locator("#live.on")).to_have_count(1, timeout=30000)
            check("the event stream runs with the cookie", True)
            cookies = browser.cookies()
            kept = [c for c in cookies if c["name"] == "bora_token"]
            check("the token is kept in an HttpOnly, SameSite=Strict cookie",
                  len(kept) == 1 and kept[0]["httpOnly"] and kept[0]["sameSite"] == "Strict", kept)
            check("page scripts cannot read it", "bora_token" not in page.evaluate("document.cookie"))
            page.reload()
            expect(page.locator(f'a[href="#/executions/{EXECUTION}"]')).to_be_visible(timeout=30000)
            check("a reload is still signed in", len(asked) == 1, asked)
            page.screenshot(path=os.path.join(OUT, "signed-in.png"), full_page=True)
            browser.close()
        with tempfile.TemporaryDirectory() as profile:
            browser = launch(p, profile)
            page = browser.new_page()
            page.on("dialog", lambda d: d.dismiss())
            page.goto(f"{BASE}/#/executions")
            expect(page.locator("#error")).to_contain_text("Authentication required", timeout=30000)
            check("without a token the page shows the refusal", True)
            check("and no execution", page.locator(f'a[href="#/executions/{EXECUTION}"]').count() == 0)
            browser.close()
    print(f"browser: {common.CHECKS} sign-in checks passed")


if __name__ == "__main__":
    main()
