#!/usr/bin/env bash
# Regenerates conformance/cases/*.expected from Node (the reference).
# Each NAME.expected is exactly the stdout of
#   node --experimental-vm-modules NAME.js
# run from the cases directory (stderr and the exit status are ignored).
# Usage: conformance/regen-expected.sh [substring...]   (default: every case)
# Prints one line per case whose expected output was created or changed.
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cases="$here/cases"
node_bin="${NODE:-node}"
if ! command -v "$node_bin" >/dev/null 2>&1; then
  echo "regen-expected: '$node_bin' not found (set NODE=/path/to/node)" >&2
  exit 2
fi
echo "regen-expected: using $("$node_bin" --version) from $(command -v "$node_bin")"
cd "$cases" || exit 2
created=0 changed=0 same=0 total=0
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
for js in *.js *.mjs; do
  [ -e "$js" ] || continue
  name="${js%.js}"
  name="${name%.mjs}"
  if [ "$#" -gt 0 ]; then
    match=0
    for pat in "$@"; do case "$name" in *"$pat"*) match=1 ;; esac; done
    [ "$match" = 1 ] || continue
  fi
  total=$((total + 1))
  "$node_bin" --experimental-vm-modules "$js" >"$tmp" 2>/dev/null </dev/null
  exp="$name.expected"
  if [ ! -e "$exp" ]; then
    cp "$tmp" "$exp"; created=$((created + 1)); echo "created: $exp"
  elif ! cmp -s "$tmp" "$exp"; then
    echo "changed: $exp"
    diff -u "$exp" "$tmp" | sed -n '3,$p' | sed 's/^/    /'
    cp "$tmp" "$exp"; changed=$((changed + 1))
  else
    same=$((same + 1))
  fi
done
echo "regen-expected: $total case(s): $created created, $changed changed, $same unchanged"
