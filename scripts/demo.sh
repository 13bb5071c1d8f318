#!/usr/bin/env bash
# `npm run demo`: build the CLI and run it on the bundled real reports (淮安市 2024, 洪泽区 2023–2024).
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
# DEMO_NO_BUILD=1 reuses the packages' dist/ folders (already built).
[ -n "${DEMO_NO_BUILD:-}" ] || npx turbo run build --filter=@gov-report/cli... --output-logs=errors-only
GR="node apps/cli/dist/bin.js"
OUT=$(mktemp -d)

# Runs a step that is expected to exit with the given code (1: the reports have faults).
expect() {
  local want=$1
  shift
  set +e
  "$@"
  local rc=$?
  set -e
  [ "$rc" = "$want" ] || { echo "expected exit $want, got $rc: $*"; exit 1; }
}

echo
echo "== 1. Reading a published report: the 淮安市人民政府 2024 PDF into JSON"
$GR parse fixtures/huaian-2024.pdf -o "$OUT/huaian-2024.json"

echo
echo "== 2. Validating what was read: its figures and 勾稽关系"
$GR validate "$OUT/huaian-2024.json"

echo
echo "== 3. A published report with faults (洪泽区 2023: 表四 totals printed as 0): exit 1 is expected"
expect 1 $GR validate fixtures/hongze-2023.expected.json

echo
echo "== 4. Cross-year checks: 洪泽区 2023 → 2024"
$GR compare fixtures/hongze-2023.expected.json fixtures/hongze-2024.expected.json

echo
echo "== 5. Rendering the PDF in the official layout, in one command"
$GR render fixtures/huaian-2024.pdf --to html -o "$OUT/huaian-2024.html"
$GR render "$OUT/huaian-2024.json" --to txt -o "$OUT/huaian-2024.txt"
# awk reads to the end (head would stop the pipe early, which pipefail reports as a failure).
awk '/三、收到和处理/{on=1} on && n++ < 14' "$OUT/huaian-2024.txt"
echo "(full HTML: $OUT/huaian-2024.html)"

echo
echo "== 6. A supervisor's pass over the fixtures folder (PDFs, JSON, text): exit 1 is expected"
expect 1 $GR check fixtures

echo
echo "== 7. Summing 2024: the folder holds each 2024 report twice (PDF and JSON), so aggregate refuses: exit 1 is expected"
expect 1 $GR aggregate fixtures --year 2024

echo
echo "Done. Try: npx gov-report --help"
