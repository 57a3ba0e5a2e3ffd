// The workloads of crates/vm-core/benches/workloads.rs through Node's vm, same names.
// Prints "name ns_per_op" lines.
const vm = require('vm');
const SMALL = "var x = (typeof x === 'number' ? x : 0) + 1; x * 2";
const GLOBALS = '(function () { for (let i = 0; i < 10000; i++) { g = g + 1; } return g; })()';

function measure(name, fn, minMs = 1500) {
  for (let i = 0; i < 20; i++) fn(i); // warm up
  let iters = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < BigInt(minMs) * 1000000n) {
    fn(iters++);
    elapsed = process.hrtime.bigint() - start;
  }
  console.log(`${name} ${Number(elapsed) / iters}`);
}

measure('create_context', () => vm.createContext({}));
measure('create_context_and_drop', () => { vm.createContext({}); });
const c1 = vm.createContext({});
const small = new vm.Script(SMALL);
small.runInContext(c1);
measure('run_in_context_cached_small', () => small.runInContext(c1));
measure('run_in_new_context_small', () => vm.runInNewContext(SMALL, {}));
measure('new_script_small', (n) => new vm.Script(`${SMALL} // ${n}`));
const gctx = vm.createContext({ g: 0 });
const globals = new vm.Script(GLOBALS);
measure('global_access_10k_context', () => globals.runInContext(gctx));
globalThis.g = 0;
measure('global_access_10k_plain_realm', () => globals.runInThisContext());
