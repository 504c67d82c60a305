# Sourced by the test scripts: the Python tools they drive Bora with, each in
# a virtualenv under target/ holding exactly its pinned requirements.
#
#   ensure_tool NAME   the virtualenv target/NAME-venv with the requirements
#                      of tests/NAME/requirements.txt (made again only when
#                      they changed); sets TOOL_VENV to its path
#   ensure_chromium    Debian's chromium, for the browser test

ensure_tool() {
    local requirements="tests/$1/requirements.txt"
    TOOL_VENV="target/$1-venv"
    if ! cmp -s "$requirements" "$TOOL_VENV/requirements.txt" 2>/dev/null; then
        rm -rf "$TOOL_VENV"
        python3 -m venv "$TOOL_VENV"
        "$TOOL_VENV/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
        cp "$requirements" "$TOOL_VENV/requirements.txt"
    fi
}

ensure_chromium() {
    if [ ! -x /usr/bin/chromium ]; then
        echo "browser: installing Debian's chromium"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    fi
}
