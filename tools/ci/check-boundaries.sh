#!/usr/bin/env bash
# Proves that lint enforces the dependency rules of ARCHITECTURE.md: it plants two files that break them
# (a domain lib importing kysely, the web app importing a domain lib), expects `eslint` to reject each with
# @nx/enforce-module-boundaries, and always removes them again.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NG_CLI_ANALYTICS=false

tag="boundary-check-$$"
domain_file="libs/domain-shared/src/__${tag}.ts"
web_file="apps/web/src/__${tag}.ts"
trap 'rm -f "$domain_file" "$web_file"' EXIT INT TERM

printf "import { Kysely } from 'kysely';\n\nexport const planted = Kysely;\n" >"$domain_file"
printf "import { DomainError } from '@fitflow/domain-shared';\n\nexport const planted = DomainError;\n" >"$web_file"

failures=()
check() { # <file> <what it breaks>
  local out
  if out=$(npx eslint --no-warn-ignored "$1" 2>&1); then
    failures+=("$2: eslint accepted $1")
  elif ! grep -q '@nx/enforce-module-boundaries' <<<"$out"; then
    failures+=("$2: eslint failed on $1 but not with @nx/enforce-module-boundaries:"$'\n'"$out")
  fi
}
check "$domain_file" 'domain lib importing kysely'
check "$web_file" 'web app importing @fitflow/domain-shared'

if ((${#failures[@]} == 0)); then
  echo "module boundaries: OK (lint rejects a domain lib importing kysely and the web app importing a domain lib)"
else
  echo "module boundaries: FAILED, lint does not enforce the dependency rules" >&2
  printf '  - %s\n' "${failures[@]}" >&2
  exit 1
fi
