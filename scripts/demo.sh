#!/usr/bin/env bash
# `npm run demo`: build the CLI and run it on the bundled example reports.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
npx turbo run build --filter=@gov-report/cli... --output-logs=errors-only
GR="node apps/cli/dist/bin.js"

echo
echo "== 1. A consistent report: the seed example (2020, 2019 edition)"
$GR validate fixtures/seed-2020.expected.json

echo
echo "== 2. A published report with broken 表四 totals (洪泽区 2023): exit code 1 is expected"
set +e
$GR validate fixtures/hongze-2023.expected.json
rc=$?
set -e
[ "$rc" = 1 ] || { echo "expected exit 1, got $rc"; exit 1; }

echo
echo "== 3. Cross-year checks: 洪泽区 2023 → 2024"
$GR compare fixtures/hongze-2023.expected.json fixtures/hongze-2024.expected.json

OUT=$(mktemp -d)
echo
echo "== 4. Reading a published report: the seed's PDF-extracted text back into JSON"
$GR parse fixtures/seed-2020.txt -o "$OUT/seed-2020.json"

echo
echo "== 5. Rendering it in the official layout"
$GR render "$OUT/seed-2020.json" --to html -o "$OUT/seed-2020.html"
$GR render "$OUT/seed-2020.json" --to txt | sed -n '/三、收到和处理/,/四、结转下年度/p' | head -12
echo "(full HTML: $OUT/seed-2020.html)"

echo
echo "Done. Try: npx gov-report --help"
