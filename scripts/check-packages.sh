#!/usr/bin/env bash
# publint (strict) and arethetypeswrong on every publishable package. Run after `npm run build`.
# attw uses the node16 profile: the packages need Node >= 20, and node10 resolution cannot see
# subpath exports (e.g. @gov-report/core/lite) by design.
set -euo pipefail
cd "$(dirname "$0")/.."
for dir in packages/*/; do
  name=$(node -p "require('./${dir}package.json').name")
  if [ "$(node -p "require('./${dir}package.json').private === true")" = "true" ]; then continue; fi
  echo "--- ${name}"
  (cd "$dir" && npx publint --strict && npx attw --pack . --profile node16)
done
# The CLI ships a bin, not a library: publint only.
echo "--- @gov-report/cli"
(cd apps/cli && npx publint --strict)
