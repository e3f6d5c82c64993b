#!/usr/bin/env bash
# Runs every check in order and ends with one line, alone: "N passed, N failed".
# It keeps going after a failure so the totals are complete, and exits non-zero if anything failed.
# Counting: npm run check and the production build count as one check each; the Vitest suites count
# their tests (from their JSON reports); a suite that crashed without a report counts as 1 failed.
set -uo pipefail
cd "$(dirname "$0")/.."

results=test-results
mkdir -p "$results"
rm -f "$results/unit.json" "$results/e2e.json" "$results/webkit.json" "$results/stress.json"
passed=0
failed=0

heading() { printf '\n=== %s\n' "$1"; }

# One check that passes or fails as a whole.
check() {
  local name="$1"
  shift
  heading "$name"
  if "$@"; then
    passed=$((passed + 1))
  else
    echo "FAILED: $name"
    failed=$((failed + 1))
  fi
}

# A Vitest run with a JSON report: adds its tests' counts.
suite() {
  local name="$1" report="$2"
  shift 2
  heading "$name"
  local status=0
  "$@" --reporter=default --reporter=json "--outputFile.json=$report" || status=$?
  local counts
  counts=$(node -e '
    const fs = require("node:fs");
    const [file, status] = process.argv.slice(1);
    let p = 0, f = 0;
    try {
      const r = JSON.parse(fs.readFileSync(file, "utf8"));
      p = r.numPassedTests ?? 0;
      f = r.numFailedTests ?? 0;
      // A file that failed to load, or a failing hook, fails the run without failing a test.
      if (f === 0 && (Number(status) !== 0 || r.success === false || (r.numFailedTestSuites ?? 0) > 0)) f = 1;
    } catch {
      f = 1; // no report: the suite crashed
    }
    console.log(`${p} ${f}`);
  ' "$report" "$status")
  local p="${counts% *}" f="${counts#* }"
  passed=$((passed + p))
  failed=$((failed + f))
  echo "$name: $p passed, $f failed"
}

heading 'Chromium'
if ! bash scripts/ensure-chromium.sh; then
  failed=$((failed + 1))
fi

heading 'WebKit'
if ! bash scripts/ensure-webkit.sh; then
  failed=$((failed + 1))
fi

check 'Types, Svelte, lint, formatting and layers (npm run check)' npm run --silent check
suite 'Unit and component tests' "$results/unit.json" npx vitest run
# A failed build leaves no dist/, so the end-to-end tests cannot pass against an old build.
rm -rf dist
check 'Production build' npx vite build
suite 'End-to-end tests (Chromium)' "$results/e2e.json" npx vitest run --config vitest.e2e.config.ts
suite 'End-to-end tests (WebKit)' "$results/webkit.json" npx vitest run --config vitest.webkit.config.ts
suite 'Stress tests (crash and close, hostile files)' "$results/stress.json" npx vitest run --config vitest.stress.config.ts

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
