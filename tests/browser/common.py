"""What the browser tests share: counted checks and Debian's Chromium."""

import os

CHECKS = 0


def check(what, ok, detail=""):
    """Counts a check, or ends the run with what failed."""
    global CHECKS
    if not ok:
        raise SystemExit(f"browser: FAILED: {what} {detail}")
    CHECKS += 1
    print(f"browser: ok - {what}")


def launch(p, profile):
    """Headless Chromium (BORA_CHROMIUM, else Debian's) with a fresh profile."""
    return p.chromium.launch_persistent_context(
        profile,
        executable_path=os.environ.get("BORA_CHROMIUM", "/usr/bin/chromium"),
        headless=True,
        args=[
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
        viewport={"width": 1360, "height": 1000},
    )
