#!/usr/bin/env bash
# `npm test`: everything CI checks, in order. Needs PostgreSQL (127.0.0.1:5432, user postgres) and Redis
# (127.0.0.1:6379) for the API and Playwright suites; `.ci/run` sets up a fresh machine.
# Every phase runs even when an earlier one failed (the e2e suite needs the SPA build), so one run shows
# every problem; the exit status is non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NG_CLI_ANALYTICS=false

results=tmp/test-results
rm -rf "$results" && mkdir -p "$results"
export PLAYWRIGHT_JSON_OUTPUT_FILE="$PWD/$results/e2e.json" # read by apps/web-e2e/playwright.config.mts
nx=(node_modules/.bin/nx)
nx_flags=(--outputStyle=static --parallel=2)
# CI proves the code as it is: nothing is read from a cache (Nx's cache may outlive a clone on this machine).
[[ ${CI:-} == true ]] && nx_flags+=(--skip-nx-cache)

summary=()   # one line per phase
failed=()    # names of failed phases
declare -A status

# phase <name> <log file> <command...>: runs the command, keeps its output in the log, records the result.
phase() {
  local name=$1 log=$2 start rc
  shift 2
  printf '\n\033[1m━━━ %s ━━━\033[0m\n' "$name"
  start=$SECONDS
  "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  local took=$((SECONDS - start))
  if ((rc == 0)); then
    status[$name]=ok
    summary+=("$(printf '  ok      %-28s %4ds' "$name" "$took")")
  else
    status[$name]=failed
    failed+=("$name")
    summary+=("$(printf '  FAILED  %-28s %4ds  (exit %d)' "$name" "$took" "$rc")")
    printf '\n\033[1;31m✘ %s failed (exit %d)\033[0m\n' "$name" "$rc"
  fi
}

phase 'lint + typecheck' "$results/lint.log" "${nx[@]}" run-many -t lint typecheck "${nx_flags[@]}"
phase 'module boundaries' "$results/boundaries.log" bash tools/ci/check-boundaries.sh
phase 'OpenAPI lint' "$results/openapi.log" node tools/ci/openapi-lint.mjs
phase 'unit + integration tests' "$results/unit.log" "${nx[@]}" run-many -t test "${nx_flags[@]}"
phase 'web build' "$results/build.log" "${nx[@]}" run-many -t build -p web "${nx_flags[@]}"
if [[ ${status['web build']} == ok ]]; then
  phase 'e2e (Playwright)' "$results/e2e.log" "${nx[@]}" run web-e2e:e2e "${nx_flags[@]}"
else
  status['e2e (Playwright)']=skipped
  failed+=('e2e (Playwright)')
  summary+=("$(printf '  SKIPPED %-28s        (the web build failed)' 'e2e (Playwright)')")
fi

printf '\n\033[1m━━━ summary ━━━\033[0m\n'
printf '%s\n' "${summary[@]}"
if ((${#failed[@]} == 0)); then
  printf '\033[1;32mall checks passed\033[0m\n'
else
  joined=$(printf '%s, ' "${failed[@]}")
  printf '\033[1;31mFAILED: %s\033[0m  (logs in %s/)\n' "${joined%, }" "$results"
fi

# The closing `N passed, N failed` line, only when the counts are complete and agree with the exit statuses.
node tools/ci/test-counts.mjs \
  --unit-log "$results/unit.log" --unit-status "${status['unit + integration tests']}" \
  --e2e-json "$results/e2e.json" --e2e-status "${status['e2e (Playwright)']}"

((${#failed[@]} == 0))
