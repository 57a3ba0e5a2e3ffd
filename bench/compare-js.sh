#!/usr/bin/env bash
# The vm workloads at the JavaScript level, side by side: bench/js/vm-api.js run by `node` and
# by the release `boavm` binary (same file, same run). Prints a Markdown table of µs per
# operation and the ratio; bench/compare.sh puts it into docs/performance.md.
# Usage: bench/compare-js.sh [workload,workload...]
set -euo pipefail
cd "$(dirname "$0")/.."
CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}" cargo build -q --release -p boavm -p boavm-bench --bin boavm --bin hot
# The realistic library is generated twice (JS here, Rust for the bare-Boa count): same text.
node -e "process.argv[2] = 'none'; process.stdout.write(require('./bench/js/vm-api.js').realisticLibrary(300 * 1024))" \
  | cmp -s - <(target/release/hot dump:realistic) \
  || { echo "bench/js/vm-api.js and bench/src/lib.rs build different realistic libraries" >&2; exit 1; }
node_out="$(mktemp)"
boavm_out="$(mktemp)"
trap 'rm -f "$node_out" "$boavm_out"' EXIT
node bench/js/vm-api.js ${1:+"$1"} >"$node_out"
target/release/boavm bench/js/vm-api.js ${1:+"$1"} >"$boavm_out"
echo "| workload (JS API) | boavm (µs/op) | node (µs/op) | boavm ÷ node |"
echo "|---|---:|---:|---:|"
awk 'NR == FNR { node[$1] = $2; next }
     { printf "| %s | %.2f | %.2f | %.2f× |\n", $1, $2, node[$1], $2 / node[$1] }' "$node_out" "$boavm_out"
