#!/usr/bin/env bash
# CI stage demo-gallery: the README's `npm run demo`, then its gallery opened in headless Chromium.
#   1. Chromium: the system one (CHROMIUM_PATH, default /usr/bin/chromium); installed from Debian
#      with apt-get only when missing (apt-get update only when the package is unknown).
#   2. self-test.mjs: the check must fail on a broken image, a missing PDF and a remote request.
#   3. `npm run demo` from the repo root (it builds as needed), writing demo-output/.
#   4. check.mjs on demo-output/index.html: every <img> loaded, PDFs on disk, no network,
#      and demo-output/screenshot.png.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT="$PWD"
HERE="$ROOT/tooling/e2e/gallery"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "demo-gallery: no Chromium at $CHROMIUM_PATH; installing Debian's chromium"
  if [ "$(id -u)" = 0 ]; then SUDO=(); else SUDO=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  apt_install() { "${SUDO[@]}" apt-get install -y --no-install-recommends chromium; }
  if ! apt-cache show chromium >/dev/null 2>&1; then
    "${SUDO[@]}" apt-get update
    apt_install
  elif ! apt_install; then
    # Package lists present but stale (their .debs gone from the mirror): refresh once, retry.
    "${SUDO[@]}" apt-get update
    apt_install
  fi
  if [ ! -x "$CHROMIUM_PATH" ]; then
    echo "demo-gallery: still no Chromium at $CHROMIUM_PATH after apt-get" >&2
    exit 1
  fi
fi
# Debian's /usr/bin/chromium wrapper prints a harmless shell warning here; keep it off the log.
echo "demo-gallery: $("$CHROMIUM_PATH" --version 2>/dev/null)"

if [ ! -d "$HERE/node_modules/puppeteer-core" ]; then
  echo "demo-gallery: puppeteer-core is missing; run pnpm install first" >&2
  exit 1
fi

node "$HERE/self-test.mjs"
demo_status=0
npm run demo || demo_status=$?
# A failed scenario still leaves a gallery worth checking (and a screenshot to look at); the stage
# fails either way.
if [ "$demo_status" -ne 0 ]; then
  echo "demo-gallery: npm run demo failed (exit $demo_status)" >&2
  [ -f "$ROOT/demo-output/index.html" ] || exit "$demo_status"
fi
node "$HERE/check.mjs" "$ROOT/demo-output/index.html"
exit "$demo_status"
