#!/usr/bin/env bash
# Installs everything Card Station needs on a fresh Debian 12 machine: the apt packages (when run as
# root; otherwise it prints the one apt-get line to run), a virtual environment in .venv, and the package
# with its test extra. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

APT_PACKAGES=(
  # PC/SC: the daemon, the virtual reader driver the embedded default uses, headers to build pyscard
  pcscd vsmartcard-vpcd libpcsclite-dev gcc python3-dev python3-venv
  # independent PC/SC clients (the tests check the emulator with opensc-tool)
  pcsc-tools opensc
  # Qt offscreen and PDF checks (see docs), Devanagari font for Hindi screens and receipts
  libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
  fonts-lohit-deva poppler-utils
  # card faces: the Latin font they are set in, and a QR decoder the tests read the printed code back with
  fonts-dejavu-core zbar-tools
  # the private pcscd runs in a mount namespace (unshare)
  util-linux
  # the central service's PostgreSQL backend is tested against Debian's server, started by the tests
  postgresql
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "bootstrap: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "bootstrap: these Debian packages are missing. Run this once, then run ./bootstrap.sh again:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "bootstrap: Card Station needs Python 3.11 or newer; $PYTHON is $("$PYTHON" -V 2>&1)" >&2
  exit 1
fi
if [[ ! -x .venv/bin/python ]]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]' 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c 'import smartcard, cryptography, PySide6, sqlalchemy' || {
  echo "bootstrap: the Python packages did not install; see the pip output above" >&2
  exit 1
}
echo "bootstrap: ready (.venv)"
