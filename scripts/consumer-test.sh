#!/usr/bin/env bash
# Packs the packages as npm would publish them, installs the tarballs into a fresh folder outside
# the workspace, and uses them as a consumer would: core from ESM and from CJS, a fixture
# validated, the schema subpath loaded, and the packed CLI run. Run after `npm run build`.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"

echo "packing into $WORK/tarballs"
mkdir -p "$WORK/tarballs" "$WORK/app"
for dir in packages/* apps/cli apps/desk; do
  (cd "$dir" && npm pack --silent --pack-destination "$WORK/tarballs" >/dev/null)
done
ls "$WORK/tarballs"

cp fixtures/hongze-2023.expected.json fixtures/huaian-2024.expected.json fixtures/seed-2020.txt "$WORK/app/"
cd "$WORK/app"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$WORK"/tarballs/*.tgz
# Every subpath and condition of every packed package's exports names a file that is shipped and loads.
node "$ROOT/scripts/check-exports.mjs" "$WORK/app"

cat > esm.mjs <<'JS'
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { validateReport, createEmptyReport, reportSchema } from "@gov-report/core";
import { validateReport as liteValidate } from "@gov-report/core/lite";
const require = createRequire(import.meta.url);
const report = JSON.parse(readFileSync("huaian-2024.expected.json", "utf8"));
const r = validateReport(report);
if (!r.ok) throw new Error("huaian-2024 should validate");
if (!liteValidate(report).ok) throw new Error("lite entry should validate");
if (!reportSchema.safeParse(report).success) throw new Error("zod schema should accept the fixture");
const broken = validateReport(JSON.parse(readFileSync("hongze-2023.expected.json", "utf8")));
if (broken.ok || broken.issues.filter((i) => i.severity === "error").length !== 2) throw new Error("hongze-2023 has two errors");
const schema = require("@gov-report/core/schema/report.schema.json");
if (schema.$schema !== "https://json-schema.org/draft/2020-12/schema") throw new Error("schema subpath");
const form = require("@gov-report/core/form-metadata.json");
if (!form.editions["2021"]) throw new Error("form metadata subpath");
if (createEmptyReport({ year: 2025 }).edition !== "2021") throw new Error("builder");
console.log("ESM ok:", broken.issues[0].message);
JS
node esm.mjs

cat > cjs.cjs <<'JS'
const { validateReport, editionForYear } = require("@gov-report/core");
const lite = require("@gov-report/core/lite");
const report = require("./huaian-2024.expected.json");
if (!validateReport(report).ok || !lite.validateReport(report).ok) throw new Error("CJS validate");
if (editionForYear(2020) !== "2019") throw new Error("CJS editionForYear");
console.log("CJS ok");
JS
node cjs.cjs

cat > types.ts <<'TS'
import { type Report, validateReport } from "@gov-report/core";
const r: Report | undefined = validateReport({}).report;
export const ok: boolean = r === undefined;
TS
if [ -x "$ROOT/node_modules/.bin/tsc" ]; then
  "$ROOT/node_modules/.bin/tsc" --noEmit --strict --module nodenext --moduleResolution nodenext --skipLibCheck types.ts
  echo "types ok"
fi

npx gov-report validate huaian-2024.expected.json
set +e
npx gov-report validate hongze-2023.expected.json >/dev/null
rc=$?
set -e
[ "$rc" = 1 ] || { echo "packed CLI: expected exit 1 on hongze-2023, got $rc"; exit 1; }
npx gov-report init --year 2025 -o new.json && npx gov-report validate new.json >/dev/null
# The packed CLI with its companion packages: read a published report's text, render it.
npx gov-report parse seed-2020.txt -o parsed.json 2>/dev/null
npx gov-report render parsed.json --to html -o parsed.html
grep -q "勾稽关系" parsed.html || { echo "packed CLI: rendered HTML lacks table 三"; exit 1; }
# The review desk from the packed packages: it starts on a fresh SQLite file and answers.
./node_modules/.bin/gov-report serve --db desk.sqlite --port 0 >desk.log 2>&1 &
desk=$!
url=""
for _ in $(seq 1 120); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*' desk.log | head -n 1 || true)
  [ -n "$url" ] && break
  sleep 0.5
done
[ -n "$url" ] || { echo "packed CLI: serve printed no URL"; cat desk.log; kill "$desk"; exit 1; }
curl -fsS "$url/api/health" | grep -q '"ok":true' || { echo "packed desk: /api/health failed"; kill "$desk"; exit 1; }
kill -INT "$desk"
wait "$desk" || true
echo "consumer test passed"
