#!/usr/bin/env bash
# Tests of the book's interactive exercises (book/assets/clientele.js):
#   bash book/js-tests/run.sh [PAGE.html]
# Node unit tests (shared TOML tables, corrector cross-checked with the Rust
# CLI), then the headless Chromium test on PAGE.html — by default on a fixture
# page generated from the CLI and on a chapter of the freshly built book.
# Needs node >= 20, cargo, and /usr/bin/chromium (Debian: apt-get install -y
# chromium) or $CHROMIUM_PATH.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -d node_modules/smol-toml ] || [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund
fi

# Build the CLI once; the tests call it to generate instances and to mark answers.
cargo build --release --locked -q
export CLIENTELE_BIN="$PWD/target/release/clientele"

node --test book/js-tests/*.test.mjs

out="${TMPDIR:-/tmp}/clientele-js-tests"
mkdir -p "$out"
if [ $# -ge 1 ]; then
  node book/js-tests/browser.mjs "$1" "$out/capture.png"
else
  # The fixture page, then a chapter of the book as a student gets it.
  node book/js-tests/browser.mjs "$(node book/js-tests/fixture.mjs "$out/fixture")" "$out/capture.png"
  rm -rf "$out/livre"
  "$CLIENTELE_BIN" book build --out "$out/livre"
  node book/js-tests/browser.mjs "$out/livre/annee-2/s511-prix-documents.html" "$out/capture-livre.png"
fi
