#!/usr/bin/env bash
# The vm workloads at the JavaScript level, side by side: bench/js/vm-api.js run by `node` and
# by the release `boavm` binary (same file, same run). Prints a Markdown table of µs per
# operation and the ratio; bench/compare.sh puts it into docs/performance.md.
# Usage: bench/compare-js.sh [workload,workload...]
set -euo pipefail
cd "$(dirname "$0")/.."
CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}" cargo build -q --release -p boavm --bin boavm
bench/js/sources.sh
node_out="$(mktemp)"
boavm_out="$(mktemp)"
trap 'rm -f "$node_out" "$boavm_out"' EXIT
node bench/js/vm-api.js ${1:+"$1"} >"$node_out"
target/release/boavm bench/js/vm-api.js ${1:+"$1"} >"$boavm_out"
echo "| workload (JS API) | boavm (µs/op) | node (µs/op) | boavm ÷ node |"
echo "|---|---:|---:|---:|"
awk 'NR == FNR { node[$1] = $2; next }
     { printf "| %s | %.2f | %.2f | %.2f× |\n", $1, $2, node[$1], $2 / node[$1] }' "$node_out" "$boavm_out"
