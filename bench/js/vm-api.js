// The vm workloads at the JavaScript level: runs unchanged under `node` and `boavm` (no file
// system, no third-party code), so the binding's per-call cost counts. Prints "name µs_per_op".
// Usage: node bench/js/vm-api.js [name,name...]   or   target/release/boavm bench/js/vm-api.js
// `ITER=N` runs each selected workload exactly N times, untimed (for callgrind).
// Run bench/js/sources.sh first: it writes the workloads' texts (the Rust benchmarks' own) to
// target/bench-js-sources.json, which both runtimes `require` (boavm has no file system).
'use strict';
const vm = require('vm');
const nsPerOp = require('./measure.js');

// The texts, from bench/sources/*.js and the Rust generators (bench/js/sources.sh writes them).
const { SMALL, GLOBALS, CPU, LIBRARY_100KB, REALISTIC_LIBRARY, REALISTIC_JOB } =
  require('../../target/bench-js-sources.json');

// Workloads to run: names separated by commas (all when absent).
const selected = process.argv[2] === undefined ? undefined : process.argv[2].split(',');
const wanted = (name) => selected === undefined || selected.includes(name);
const fixedIterations = typeof process.env.ITER === 'string' ? Number(process.env.ITER) : 0;

// Prints µs per op of `fn` (bench/js/measure.js); with `ITER` set, only runs it that often.
function measure(name, fn, options = {}) {
  if (fixedIterations > 0) {
    const { setup = () => undefined } = options;
    for (let i = 0; i < fixedIterations; i++) fn(setup(), i);
    return;
  }
  console.log(`${name} ${(nsPerOp(fn, options) / 1000).toFixed(3)}`);
}

const workloads = {
  create_context() {
    let kept = [];
    // Contexts are kept, in batches so that memory stays bounded.
    measure('create_context', () => kept.push(vm.createContext({})), {
      setup: () => { if (kept.length >= 200) kept = []; },
    });
  },
  run_in_context_cached_small() {
    const c = vm.createContext({});
    const small = new vm.Script(SMALL);
    small.runInContext(c);
    measure('run_in_context_cached_small', () => small.runInContext(c));
  },
  run_in_context_cached_small_timeout() {
    const c = vm.createContext({});
    const small = new vm.Script(SMALL);
    small.runInContext(c);
    measure('run_in_context_cached_small_timeout', () => small.runInContext(c, { timeout: 60000 }));
  },
  vm_run_in_context_small() {
    const c = vm.createContext({});
    measure('vm_run_in_context_small', () => vm.runInContext(SMALL, c));
  },
  run_in_new_context_small() {
    measure('run_in_new_context_small', () => vm.runInNewContext(SMALL, {}));
  },
  new_script_small() {
    measure('new_script_small', (_, n) => new vm.Script(`${SMALL} // ${n}`));
  },
  global_access_10k() {
    const c = vm.createContext({ g: 0 });
    const globals = new vm.Script(GLOBALS);
    measure('global_access_10k', () => globals.runInContext(c));
  },
  cpu_script() {
    const c = vm.createContext({});
    const cpu = new vm.Script(CPU);
    measure('cpu_script', () => cpu.runInContext(c));
  },
  first_run_100kb_in_fresh_context() {
    const lib = new vm.Script(LIBRARY_100KB);
    measure('first_run_100kb_in_fresh_context', (c) => lib.runInContext(c), {
      setup: () => vm.createContext({}), minMs: 3000, warmup: 2,
    });
  },
  realistic_300kb_20_contexts() {
    const script = new vm.Script(REALISTIC_LIBRARY, { filename: 'lib.js' });
    const job = new vm.Script(REALISTIC_JOB, { filename: 'job.js' });
    let expected;
    measure('realistic_300kb_20_contexts', () => {
      for (let i = 0; i < 20; i++) {
        const c = vm.createContext({});
        script.runInContext(c);
        const r = job.runInContext(c);
        if (expected === undefined) expected = r;
        if (r !== expected) throw new Error(`job result ${r} !== ${expected}`);
      }
    }, { minMs: 4000, warmup: 1 });
  },
};
for (const name of Object.keys(workloads)) if (wanted(name)) workloads[name]();

// For checking the Rust mirrors (bench/src/lib.rs): `node -e` can require this file with a
// workload name that matches nothing.
