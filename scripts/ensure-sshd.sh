#!/usr/bin/env bash
# Makes sure OpenSSH's server is installed for the std.ssh tests, which
# start their own sshd (a temporary configuration on a loopback port) and
# stop it: installs Debian's openssh-server when /usr/sbin/sshd is missing,
# without starting the system's service (a policy-rc.d that refuses every
# start, for the install only), and makes sshd's privilege separation
# directory. Prints nothing on success but the path of sshd.
set -euo pipefail

sshd=/usr/sbin/sshd
if [ ! -x "$sshd" ]; then
    echo "ensure-sshd: installing openssh-server from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    policy=/usr/sbin/policy-rc.d
    placed=""
    if [ ! -e "$policy" ]; then
        # Debian's way to keep maintainer scripts from starting services:
        # the tests want no sshd on port 22.
        printf '#!/bin/sh\nexit 101\n' >"$policy"
        chmod +x "$policy"
        placed=1
    fi
    status=0
    { apt-get update -qq && apt-get install -y -qq openssh-server; } >&2 || status=$?
    if [ -n "$placed" ]; then
        rm -f "$policy"
    fi
    if [ "$status" -ne 0 ]; then
        echo "ensure-sshd: installing openssh-server failed" >&2
        exit "$status"
    fi
fi
if [ ! -x "$sshd" ]; then
    echo "ensure-sshd: $sshd is missing after the install" >&2
    exit 1
fi
# sshd refuses to start without it (Debian makes it at boot, under systemd).
mkdir -p /run/sshd
chmod 0755 /run/sshd
echo "$sshd"
