#!/usr/bin/env bash
# Installs, once, every tool the build and the tests need, from the registries this project may use
# (crates.io, Debian, npm). Each step checks first, so a warm run costs a second.
# Usage: scripts/ensure-tools.sh [build|test|wordpress|hugo]   (test adds Chromium, chromedriver and
# the npm test deps; wordpress adds Debian's WordPress, MariaDB and PHP; hugo Debian's hugo)
set -euo pipefail
cd "$(dirname "$0")/.."
want=${1:-build}
export PATH="$HOME/.cargo/bin:$PATH"

note() { printf '[ensure-tools] %s\n' "$*" >&2; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  note "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-pack: only the crates.io build works offline (the npm package downloads from GitHub).
WASM_PACK_VERSION=0.15.1
if [ "$(wasm-pack --version 2>/dev/null || true)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  note "installing wasm-pack $WASM_PACK_VERSION (a few minutes, once)"
  cargo install wasm-pack --locked --version "$WASM_PACK_VERSION"
fi

# wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock, or wasm-pack tries GitHub.
bindgen=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $bindgen" ]; then
  note "installing wasm-bindgen-cli $bindgen to match Cargo.lock (a few minutes, once)"
  # --locked first, for the versions its release was tested with; when one of those pins is no
  # longer in the registry (webpki-roots 1.0.11 of wasm-bindgen-cli 0.2.130, as of 2026-12-01),
  # again without it, resolved afresh.
  cargo install wasm-bindgen-cli --locked --version "=$bindgen" --force ||
    { note "a pinned dependency of wasm-bindgen-cli is missing; installing it unlocked"
      cargo install wasm-bindgen-cli --version "=$bindgen" --force; }
fi

# npm packages: wasm-opt (binaryen from npm; Debian's binaryen breaks the module at run time),
# esbuild (minifies the site's JS and CSS; its binary comes from npm as @esbuild/linux-x64),
# playwright-core (drives the system Chromium; never downloads a browser) and axe-core (the
# accessibility checks of the end-to-end tests).
if [ ! -x node_modules/.bin/wasm-opt ] || ! node_modules/.bin/esbuild --version >/dev/null 2>&1 || [ ! -d node_modules/playwright-core ] || [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  note "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi

# apt_install PACKAGE...: Debian packages not yet installed (services are not started: the tests
# start their own, on loopback).
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  note "installing Debian's ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

if [ "$want" = wordpress ]; then
  apt_install wordpress wordpress-theme-twentytwentythree mariadb-server php-cli php-mysql
  exit 0
fi
if [ "$want" = hugo ]; then
  apt_install hugo
  exit 0
fi

if [ "$want" = test ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    note "installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
