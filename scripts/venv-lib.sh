# Sourced by the test scripts: the Python tools they drive Bora with, each in
# a virtualenv under target/ holding exactly its pinned requirements.
#
#   ensure_venv VENV REQUIREMENTS   (made again only when REQUIREMENTS changed)
#   ensure_chromium                 (Debian's chromium, for the browser test)

ensure_venv() {
    local venv="$1" requirements="$2"
    if ! cmp -s "$requirements" "$venv/requirements.txt" 2>/dev/null; then
        rm -rf "$venv"
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
        cp "$requirements" "$venv/requirements.txt"
    fi
}

ensure_chromium() {
    if [ ! -x /usr/bin/chromium ]; then
        echo "browser: installing Debian's chromium"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    fi
}
