#!/usr/bin/env bash
# The playground check (.ci/run): builds crates/boavm-web for wasm32-unknown-unknown and the
# native boavm (the README demo's reference output), then drives the page in headless Chromium
# (playground/test.mjs: chromedriver + node, no npm packages).
# The wasm build is the dev profile in the workspace target dir, without `intl`: the same
# profile and features as .ci/run's wasm32-unknown-unknown library build, so it reuses those
# artifacts and only compiles and links boavm-web itself.
# Usage: playground/check.sh            (SKIP_BUILD=1 uses existing builds)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"
if [ -z "${SKIP_BUILD:-}" ]; then
  rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
  cargo build -p boavm-web --target wasm32-unknown-unknown
  cargo build -p boavm
fi
for tool in node chromium chromedriver; do
  command -v "$tool" >/dev/null || { echo "playground/check.sh: $tool is required (apt-get install -y chromium chromium-driver; node)" >&2; exit 1; }
done
node playground/test.mjs --wasm target/wasm32-unknown-unknown/debug/boavm_web.wasm --native target/debug/boavm
