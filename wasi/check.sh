#!/usr/bin/env bash
# Runs the same inputs with the native boavm and with its WASI build (wasi/run.mjs, node:wasi)
# and compares stdout and exit codes: examples/demo.js, differential cases from
# conformance/cases (ones that need no signals, memory reports or deep native recursion), module
# cases (vm.SourceTextModule / SyntheticModule / dynamic import), and a timeout.
# Usage: wasi/check.sh            (builds both binaries first; SKIP_BUILD=1 uses existing ones)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"
WASM=target/wasm32-wasip1/debug/boavm.wasm
NATIVE=target/debug/boavm
if [ -z "${SKIP_BUILD:-}" ]; then
  rustup target list --installed | grep -qx wasm32-wasip1 || rustup target add wasm32-wasip1
  # No Intl: the ICU4X data would make the wasm much larger and slower to compile.
  # The dev profile, like every other build in .ci/run (one profile; it optimises, Cargo.toml).
  cargo build -p boavm --target wasm32-wasip1 --no-default-features
  cargo build -p boavm
fi
command -v node >/dev/null || { echo "wasi/check.sh: node is required (node:wasi)" >&2; exit 1; }

CASES=(
  compile-function-basic compile-function-context-extensions compile-function-syntax-errors
  context-create-basic context-sandbox-proxy context-codegen-realm error-identity
  global-lexical-decl global-var-function-decl inspect-context-values nested-vm
  primordials-collections promise-across-contexts run-in-new-context-options
  script-run-many-contexts thrown-messages-verbatim
  module-lifecycle module-synthetic-live module-dynamic-import module-import-attributes
)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
compare() { # name dir args…
  local name=$1 dir=$2; shift 2
  local n w nc wc
  n=$(cd "$dir" && "$OLDPWD/$NATIVE" "$@" 2>"$tmp/n.err"; echo "exit=$?") || true
  w=$(cd "$dir" && node --no-warnings "$OLDPWD/wasi/run.mjs" --wasm "$OLDPWD/$WASM" "$@" 2>"$tmp/w.err"; echo "exit=$?") || true
  if [ "$n" == "$w" ]; then
    echo "same: $name (${n##*exit=})"
  else
    echo "DIFFERS: $name"
    diff <(echo "$n") <(echo "$w") | head -20 || true
    head -5 "$tmp/w.err"
    fail=1
  fi
}
compare demo examples demo.js
for c in "${CASES[@]}"; do compare "$c" conformance/cases "$c.js"; done
# A timeout stops a runaway script under WASI too (it has a clock, unlike wasm32-unknown-unknown).
compare timeout . -e 'try { require("vm").runInNewContext("while(true){}", {}, { timeout: 50 }) } catch (e) { console.log(e.code) }'
# What differs by design: breakOnSigint fails loudly (no signals on wasm32).
echo "WASI only (differs by design):"
node --no-warnings wasi/run.mjs --wasm "$WASM" -e 'try { require("vm").runInNewContext("1", {}, { breakOnSigint: true }) } catch (e) { console.log(" breakOnSigint:", e.code, e.message) }'
[ "$fail" = 0 ] && echo "wasi/check.sh: all outputs match" || { echo "wasi/check.sh: outputs differ" >&2; exit 1; }
