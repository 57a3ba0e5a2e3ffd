#!/usr/bin/env bash
# Writes target/bench-js-sources.json: the texts bench/js/vm-api.js runs, taken from where the
# Rust benchmarks take them (bench/sources/*.js, and the generated libraries printed by the
# release `hot` binary), so the JavaScript and Rust workloads run the same code. boavm has no
# file system; both runtimes `require` the JSON. Usage: bench/js/sources.sh (needs node).
set -euo pipefail
cd "$(dirname "$0")/../.."
CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}" cargo build -q --release -p boavm-bench --bin hot
mkdir -p target
node -e '
const fs = require("fs");
const read = (path) => fs.readFileSync(path, "utf8");
const [library, realistic, out] = process.argv.slice(1);
fs.writeFileSync(out, JSON.stringify({
  SMALL: read("bench/sources/small.js"),
  GLOBALS: read("bench/sources/globals.js"),
  CPU: read("bench/sources/cpu.js"),
  LIBRARY_100KB: read(library),
  REALISTIC_LIBRARY: read(realistic),
  REALISTIC_JOB: read("bench/sources/realistic-job.js"),
}));
' <(target/release/hot dump:library) <(target/release/hot dump:realistic) target/bench-js-sources.json
